/**
 * The deployment's resources as synthesised from a non-default context: schedule, storage
 * encryption and retention, Object Lock, least-privilege IAM per function, environment wiring,
 * API authorisation, alarms and the SES sending permission. cdk-nag's AwsSolutions checks run
 * during the synthesis: any unacknowledged finding fails `synthStack`.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDLER_NAMES, type HandlerName } from '../../infra/constructs/compute.js';
import { REPORTS_BUCKET_LOGICAL_ID, TABLE_LOGICAL_ID } from '../../infra/constructs/storage.js';
import { type SynthesisedStack, synthStack } from './synth-stack.js';

const CONTEXT = {
  stage: 'staging',
  scheduleCron: 'cron(15 6 ? * MON-FRI *)',
  timeZone: 'Europe/London',
  eodCutoff: '17:00',
  emailIdentity: 'risk.example.org',
  emailFrom: 'reports@risk.example.org',
  recipients: 'cro@venue.example, desk@venue.example',
  reportRetentionDays: '400',
  reportTransitionDays: '60',
  workRetentionDays: '2',
  alarmEmail: 'oncall@venue.example',
  mapMaxConcurrency: '25',
  chunkTasks: '6',
  codeVersion: '1.2.3',
  linkTtlSeconds: '600',
  classification: 'Confidential — risk committee',
};

let synth: SynthesisedStack;

beforeAll(() => {
  synth = synthStack(CONTEXT);
});
afterAll(() => synth?.dispose());

type Json = Record<string, unknown>;

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Json;
}

function resourcesOfType(type: string): [string, Json][] {
  return Object.entries(synth.json.Resources)
    .filter(([, resource]) => resource.Type === type)
    .map(([id, resource]) => [id, resource.Properties ?? {}]);
}

function propertiesOf(logicalId: string): Json {
  const resource = synth.json.Resources[logicalId];
  if (!resource) throw new Error(`no resource ${logicalId}`);
  return resource.Properties ?? {};
}

/** Every statement of every policy attached to the function's role. */
function statementsOf(name: HandlerName): Statement[] {
  const role = synth.stack.compute.functions[name].role!;
  const roleId = synth.logicalId(role);
  const roleProps = propertiesOf(roleId);
  expect(roleProps.ManagedPolicyArns ?? []).toEqual([]);
  return resourcesOfType('AWS::IAM::Policy')
    .filter(([, policy]) => JSON.stringify(policy.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap(([, policy]) => (policy.PolicyDocument as { Statement: Statement[] }).Statement);
}

const actionsOf = (statement: Statement) =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];
const allActions = (name: HandlerName) => statementsOf(name).flatMap(actionsOf);
const mentions = (statement: Statement, logicalId: string) =>
  JSON.stringify(statement.Resource).includes(`"${logicalId}"`);

function environmentOf(name: HandlerName): Record<string, unknown> {
  const props = propertiesOf(synth.logicalId(synth.stack.compute.functions[name]));
  return (props.Environment as { Variables: Record<string, unknown> }).Variables;
}

describe('storage', () => {
  it('keeps the table and the reports bucket under pinned logical IDs, retained on delete', () => {
    expect(synth.logicalId(synth.stack.storage.table)).toBe(TABLE_LOGICAL_ID);
    expect(synth.logicalId(synth.stack.storage.reportsBucket)).toBe(REPORTS_BUCKET_LOGICAL_ID);
    expect(synth.json.Resources[TABLE_LOGICAL_ID]?.DeletionPolicy).toBe('Retain');
    expect(synth.json.Resources[TABLE_LOGICAL_ID]?.UpdateReplacePolicy).toBe('Retain');
    expect(synth.json.Resources[REPORTS_BUCKET_LOGICAL_ID]?.DeletionPolicy).toBe('Retain');
  });

  it('table: the pk/sk string key schema, on demand, PITR, TTL on expiresAt, the customer-managed key', () => {
    const keyId = synth.logicalId(synth.stack.storage.key);
    expect(propertiesOf(TABLE_LOGICAL_ID)).toMatchObject({
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
      },
      DeletionProtectionEnabled: true,
    });
    expect(propertiesOf(keyId).EnableKeyRotation).toBe(true);
    expect(propertiesOf(TABLE_LOGICAL_ID).GlobalSecondaryIndexes).toBeUndefined();
  });

  it('reports bucket: Object Lock COMPLIANCE with the configured days, versioned, SSE-KMS, private, logged, colder after N days', () => {
    const keyId = synth.logicalId(synth.stack.storage.key);
    const logsId = synth.logicalId(synth.stack.storage.accessLogsBucket);
    const props = propertiesOf(REPORTS_BUCKET_LOGICAL_ID);
    expect(props).toMatchObject({
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 400 } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: {
              SSEAlgorithm: 'aws:kms',
              KMSMasterKeyID: { 'Fn::GetAtt': [keyId, 'Arn'] },
            },
          },
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: { DestinationBucketName: { Ref: logsId }, LogFilePrefix: 'reports/' },
    });
    const rules = (props.LifecycleConfiguration as { Rules: Json[] }).Rules;
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({
      Status: 'Enabled',
      Transitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 60 }],
      NoncurrentVersionTransitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 60 }],
    });
    // Nothing in the archive expires (a lifecycle expiry shorter than the lock would be refused anyway).
    expect(rules[0]?.ExpirationInDays).toBeUndefined();
    expect(rules[0]?.NoncurrentVersionExpiration).toBeUndefined();
  });

  it('work bucket: SSE-KMS, private, staged objects expire after the configured days', () => {
    const props = propertiesOf(synth.logicalId(synth.stack.storage.workBucket));
    expect(props).toMatchObject({
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }],
      },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, RestrictPublicBuckets: true },
      LifecycleConfiguration: {
        Rules: [expect.objectContaining({ ExpirationInDays: 2, Status: 'Enabled' })],
      },
    });
    expect(props.ObjectLockEnabled).toBeUndefined();
  });

  it('every bucket refuses plain HTTP', () => {
    const buckets = resourcesOfType('AWS::S3::Bucket').map(([id]) => id);
    expect(buckets).toHaveLength(3);
    for (const bucketId of buckets) {
      const policy = resourcesOfType('AWS::S3::BucketPolicy').find(
        ([, props]) => JSON.stringify(props.Bucket) === JSON.stringify({ Ref: bucketId }),
      );
      expect(policy, bucketId).toBeDefined();
      const statements = (policy![1].PolicyDocument as { Statement: Statement[] }).Statement;
      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 's3:*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
    }
  });
});

describe('least privilege', () => {
  const tableWriteActions = [
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
  ];

  it('compute-chunk touches only the work bucket: no table, no reports bucket, no email, no state machine', () => {
    const statements = statementsOf('compute-chunk');
    for (const statement of statements) {
      expect(mentions(statement, TABLE_LOGICAL_ID)).toBe(false);
      expect(mentions(statement, REPORTS_BUCKET_LOGICAL_ID)).toBe(false);
    }
    const actions = allActions('compute-chunk');
    expect(actions.filter((action) => /^(dynamodb|ses|states):/.test(action))).toEqual([]);
    expect(actions).toEqual(expect.arrayContaining(['s3:GetObject', 's3:PutObject']));
  });

  it('only email-report may send email, only from the configured sender and identity', () => {
    for (const name of HANDLER_NAMES) {
      const sends = allActions(name).filter((action) => action.startsWith('ses:'));
      expect(sends, name).toEqual(name === 'email-report' ? ['ses:SendEmail', 'ses:SendRawEmail'] : []);
    }
    const ses = statementsOf('email-report').find((statement) =>
      actionsOf(statement).includes('ses:SendEmail'),
    )!;
    expect(ses.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'reports@risk.example.org' } });
    expect(JSON.stringify(ses.Resource)).toContain(':identity/');
    expect(JSON.stringify(ses.Resource)).not.toContain('"*"');
  });

  it('only api and daily-run may start an execution, of the pipeline only', () => {
    const machineId = synth.logicalId(synth.stack.orchestration.stateMachine);
    for (const name of HANDLER_NAMES) {
      const starts = statementsOf(name).filter((statement) =>
        actionsOf(statement).includes('states:StartExecution'),
      );
      expect(starts.length > 0, name).toBe(name === 'api' || name === 'daily-run');
      for (const statement of starts) expect(statement.Resource).toEqual({ Ref: machineId });
    }
  });

  it('no function may write snapshots or parameters: every table write is limited to run-record keys', () => {
    for (const name of HANDLER_NAMES) {
      for (const statement of statementsOf(name)) {
        if (!actionsOf(statement).some((action) => tableWriteActions.includes(action))) continue;
        expect(statement.Condition, name).toEqual({
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['RUNS#*', 'RUNKEY#*'] },
        });
      }
    }
    // The steps after staging read run records only, too.
    for (const name of ['publish-report', 'email-report', 'finish-run', 'fail-run'] as const) {
      for (const statement of statementsOf(name).filter((s) => mentions(s, TABLE_LOGICAL_ID))) {
        expect(statement.Condition, name).toBeDefined();
      }
    }
  });

  it('nothing may delete: no function has a Delete action or a service-wide wildcard', () => {
    for (const name of HANDLER_NAMES) {
      const actions = allActions(name);
      expect(
        actions.filter((action) => /Delete|:\*$/.test(action)),
        name,
      ).toEqual([]);
    }
  });

  it('only publish-report writes to the reports bucket; api and email-report only read it', () => {
    const writesReports = (name: HandlerName) =>
      statementsOf(name).some(
        (statement) =>
          actionsOf(statement).includes('s3:PutObject') && mentions(statement, REPORTS_BUCKET_LOGICAL_ID),
      );
    const readsReports = (name: HandlerName) =>
      statementsOf(name).some(
        (statement) =>
          actionsOf(statement).includes('s3:GetObject') && mentions(statement, REPORTS_BUCKET_LOGICAL_ID),
      );
    expect(HANDLER_NAMES.filter(writesReports)).toEqual(['publish-report']);
    expect(HANDLER_NAMES.filter(readsReports)).toEqual(['api', 'publish-report', 'email-report']);
  });

  it('work bucket: stage-run, compute-chunk and publish-report write, email-report reads, the others have no access', () => {
    const workId = synth.logicalId(synth.stack.storage.workBucket);
    const access = (name: HandlerName) => {
      const statements = statementsOf(name).filter((statement) => mentions(statement, workId));
      return statements.flatMap(actionsOf).sort();
    };
    expect(access('stage-run')).toEqual(['s3:GetObject', 's3:ListBucket', 's3:PutObject']);
    expect(access('compute-chunk')).toEqual(['s3:GetObject', 's3:ListBucket', 's3:PutObject']);
    expect(access('publish-report')).toEqual(['s3:GetObject', 's3:ListBucket', 's3:PutObject']);
    expect(access('email-report')).toEqual(['s3:GetObject', 's3:ListBucket']);
    for (const name of ['daily-run', 'api', 'finish-run', 'fail-run'] as const) {
      expect(access(name), name).toEqual([]);
    }
  });
});

describe('environment of each function', () => {
  const common = {
    MARGINFALL_STAGE: 'staging',
    MARGINFALL_CODE_VERSION: '1.2.3',
    MARGINFALL_TIME_ZONE: 'Europe/London',
    MARGINFALL_EOD_CUTOFF: '17:00',
    MARGINFALL_CHUNK_TASKS: '6',
    MARGINFALL_LINK_TTL_SECONDS: '600',
    MARGINFALL_CLASSIFICATION: 'Confidential — risk committee',
    POWERTOOLS_METRICS_NAMESPACE: 'Marginfall',
    POWERTOOLS_LOG_LEVEL: 'INFO',
  };
  const resourceVariables: Record<HandlerName, readonly string[]> = {
    'daily-run': ['MARGINFALL_TABLE', 'MARGINFALL_STATE_MACHINE_ARN'],
    api: ['MARGINFALL_TABLE', 'MARGINFALL_REPORTS_BUCKET', 'MARGINFALL_STATE_MACHINE_ARN'],
    'stage-run': ['MARGINFALL_TABLE', 'MARGINFALL_WORK_BUCKET'],
    'compute-chunk': ['MARGINFALL_WORK_BUCKET'],
    'publish-report': [
      'MARGINFALL_TABLE',
      'MARGINFALL_REPORTS_BUCKET',
      'MARGINFALL_WORK_BUCKET',
      'MARGINFALL_EMAIL_MAX_ATTACHMENT_BYTES',
    ],
    'email-report': [
      'MARGINFALL_TABLE',
      'MARGINFALL_REPORTS_BUCKET',
      'MARGINFALL_WORK_BUCKET',
      'MARGINFALL_EMAIL_FROM',
      'MARGINFALL_EMAIL_TO',
      'MARGINFALL_EMAIL_MAX_ATTACHMENT_BYTES',
    ],
    'finish-run': ['MARGINFALL_TABLE'],
    'fail-run': ['MARGINFALL_TABLE'],
  };

  it.each(HANDLER_NAMES)('%s: the shared settings, its own resources and nothing else', (name) => {
    const variables = environmentOf(name);
    expect(variables).toMatchObject({ ...common, POWERTOOLS_SERVICE_NAME: `marginfall-${name}` });
    const resourceNames = Object.keys(variables).filter(
      (variable) => variable.startsWith('MARGINFALL_') && !(variable in common),
    );
    expect(resourceNames.sort()).toEqual([...resourceVariables[name]].sort());
  });

  it('resource variables refer to the deployed resources', () => {
    const { storage, orchestration } = synth.stack;
    const api = environmentOf('api');
    expect(api.MARGINFALL_TABLE).toEqual({ Ref: TABLE_LOGICAL_ID });
    expect(api.MARGINFALL_REPORTS_BUCKET).toEqual({ Ref: REPORTS_BUCKET_LOGICAL_ID });
    expect(api.MARGINFALL_STATE_MACHINE_ARN).toEqual({ Ref: synth.logicalId(orchestration.stateMachine) });
    expect(environmentOf('compute-chunk').MARGINFALL_WORK_BUCKET).toEqual({
      Ref: synth.logicalId(storage.workBucket),
    });
    expect(environmentOf('email-report')).toMatchObject({
      MARGINFALL_EMAIL_FROM: 'reports@risk.example.org',
      MARGINFALL_EMAIL_TO: 'cro@venue.example,desk@venue.example',
      MARGINFALL_EMAIL_MAX_ATTACHMENT_BYTES: String(7 * 1024 * 1024),
    });
  });

  it('Node.js 22 on ARM64, traced, sized per step', () => {
    const expected: Record<HandlerName, [number, number]> = {
      'daily-run': [256, 60],
      api: [256, 29],
      'stage-run': [2048, 600],
      'compute-chunk': [3008, 900],
      'publish-report': [3008, 300],
      'email-report': [512, 120],
      'finish-run': [256, 60],
      'fail-run': [256, 60],
    };
    for (const name of HANDLER_NAMES) {
      const props = propertiesOf(synth.logicalId(synth.stack.compute.functions[name]));
      expect(props, name).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        MemorySize: expected[name][0],
        Timeout: expected[name][1],
      });
      expect(props.ReservedConcurrentExecutions, name).toBeUndefined();
    }
  });
});

describe('schedule', () => {
  it('runs the daily-run function on the configured cron in the configured IANA time zone', () => {
    const dailyRunId = synth.logicalId(synth.stack.compute.functions['daily-run']);
    const queueId = synth.logicalId(synth.stack.orchestration.scheduleDeadLetterQueue);
    const schedules = resourcesOfType('AWS::Scheduler::Schedule');
    expect(schedules).toHaveLength(1);
    expect(schedules[0]![1]).toMatchObject({
      ScheduleExpression: 'cron(15 6 ? * MON-FRI *)',
      ScheduleExpressionTimezone: 'Europe/London',
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: { 'Fn::GetAtt': [dailyRunId, 'Arn'] },
        Input: '{}',
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
        RetryPolicy: { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 3600 },
      },
    });
  });

  it('daily-run failures after Lambda’s own retries land in the same dead-letter queue', () => {
    const dailyRunId = synth.logicalId(synth.stack.compute.functions['daily-run']);
    const queueId = synth.logicalId(synth.stack.orchestration.scheduleDeadLetterQueue);
    synth.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: dailyRunId },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 3600,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId, 'Arn'] } } },
    });
  });
});

describe('alarms', () => {
  it('topic: KMS-encrypted, TLS only, the alarm email subscribed', () => {
    const topicId = synth.logicalId(synth.stack.alerts.topic);
    expect(propertiesOf(topicId).KmsMasterKeyId).toBeDefined();
    synth.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'oncall@venue.example',
      TopicArn: { Ref: topicId },
    });
    synth.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('failed and timed-out runs, every function’s errors and schedule dead letters notify the topic', () => {
    const topicId = synth.logicalId(synth.stack.alerts.topic);
    const alarms = resourcesOfType('AWS::CloudWatch::Alarm').map(([, props]) => props);
    for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
    const metrics = alarms.map((alarm) => `${alarm.Namespace}/${alarm.MetricName}`).sort();
    expect(metrics).toEqual(
      [
        'AWS/States/ExecutionsFailed',
        'AWS/States/ExecutionsTimedOut',
        'AWS/SQS/ApproximateNumberOfMessagesVisible',
        ...HANDLER_NAMES.map(() => 'AWS/Lambda/Errors'),
      ].sort(),
    );
  });
});

describe('API', () => {
  it('every method requires IAM authorisation', () => {
    const methods = resourcesOfType('AWS::ApiGateway::Method').map(([, props]) => props);
    expect(methods.map((method) => method.HttpMethod).sort()).toEqual(['GET', 'GET', 'GET', 'POST']);
    for (const method of methods) expect(method.AuthorizationType).toBe('AWS_IAM');
  });

  it('POST /runs validates its body against the RunRequest model; GET /runs/{runId} requires the id', () => {
    const methods = resourcesOfType('AWS::ApiGateway::Method').map(([, props]) => props);
    const post = methods.find((method) => method.HttpMethod === 'POST')!;
    expect(post.RequestValidatorId).toBeDefined();
    expect(post.RequestModels).toEqual({ 'application/json': expect.anything() });
    const validator = resourcesOfType('AWS::ApiGateway::RequestValidator').find(
      ([id]) => JSON.stringify(post.RequestValidatorId) === JSON.stringify({ Ref: id }),
    );
    expect(validator![1].ValidateRequestBody).toBe(true);
    const model = resourcesOfType('AWS::ApiGateway::Model')[0]![1];
    expect(model.Schema).toMatchObject({
      type: 'object',
      required: ['asOf'],
      properties: { asOf: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
    });
    // The fields of RunRequestBody (functions/core/api/api-request.ts), no others.
    expect(Object.keys((model.Schema as { properties: Json }).properties).sort()).toEqual(
      ['asOf', 'clientIds', 'params', 'regimes', 'scenarioIds', 'scenarios'].sort(),
    );
    const get = methods.find((method) =>
      JSON.stringify(method.RequestParameters ?? {}).includes('path.runId'),
    );
    expect(get?.RequestParameters).toEqual({ 'method.request.path.runId': true });
  });

  it('routes /runs, /runs/{runId}, /reports, /scenarios to the api function', () => {
    const paths = resourcesOfType('AWS::ApiGateway::Resource').map(([, props]) => props.PathPart);
    expect(paths.sort()).toEqual(['reports', 'runs', 'scenarios', '{runId}']);
    const apiFunctionId = synth.logicalId(synth.stack.compute.functions.api);
    for (const [, method] of resourcesOfType('AWS::ApiGateway::Method')) {
      expect(JSON.stringify(method.Integration)).toContain(apiFunctionId);
      expect(method.Integration).toMatchObject({ Type: 'AWS_PROXY' });
    }
  });

  it('stage: throttled, POST /runs more tightly, access logs in JSON', () => {
    synth.template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'staging',
      TracingEnabled: true,
      AccessLogSetting: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      MethodSettings: Match.arrayWith([
        Match.objectLike({
          HttpMethod: '*',
          ResourcePath: '/*',
          ThrottlingRateLimit: 10,
          ThrottlingBurstLimit: 20,
        }),
        Match.objectLike({
          HttpMethod: 'POST',
          ResourcePath: '/~1runs',
          ThrottlingRateLimit: 1,
          ThrottlingBurstLimit: 2,
        }),
      ]),
    });
  });
});

describe('email', () => {
  it('creates the SES identity from context', () => {
    synth.template.resourceCountIs('AWS::SES::EmailIdentity', 1);
    synth.template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'risk.example.org' });
  });
});
