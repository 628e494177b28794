import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../functions/shared/config.js';

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({})).toEqual({
      dynamodb: {
        tableName: 'marginfall',
        region: 'us-east-1',
        snapshotShards: 16,
        readConcurrency: 8,
        writeConcurrency: 8,
      },
      s3: {
        region: 'us-east-1',
        reportsBucket: 'marginfall-reports',
        workBucket: 'marginfall-work',
        linkTtlSeconds: 900,
      },
      email: { region: 'us-east-1', to: [], maxAttachmentBytes: 7 * 1024 * 1024 },
      pipeline: {
        region: 'us-east-1',
        chunkTasks: 8,
        codeVersion: 'dev',
        stage: 'local',
        eodCutoff: '24:00',
        timeZone: 'UTC',
      },
    });
  });

  it('reads the pipeline, archive and email variables', () => {
    const config = loadConfig({
      AWS_REGION: 'eu-central-1',
      MARGINFALL_REPORTS_BUCKET: 'risk-reports-prod',
      MARGINFALL_WORK_BUCKET: 'risk-work-prod',
      MARGINFALL_S3_ENDPOINT: 'http://127.0.0.1:4568',
      MARGINFALL_LINK_TTL_SECONDS: '300',
      MARGINFALL_STATE_MACHINE_ARN:
        'arn:aws:states:eu-central-1:123456789012:stateMachine:ReportPipeline-1a2B',
      MARGINFALL_EMAIL_FROM: 'Marginfall Risk <risk@venue.example>',
      MARGINFALL_EMAIL_TO: 'cro@venue.example, desk@venue.example',
      MARGINFALL_EMAIL_MAX_ATTACHMENT_BYTES: '1048576',
      MARGINFALL_SES_ENDPOINT: 'http://127.0.0.1:8005',
      MARGINFALL_EOD_CUTOFF: '17:00',
      MARGINFALL_TIME_ZONE: 'America/New_York',
      MARGINFALL_CHUNK_TASKS: '4',
      MARGINFALL_CODE_VERSION: '1.4.2+abc123',
      MARGINFALL_CLASSIFICATION: 'Restricted — risk committee',
      MARGINFALL_STAGE: 'prod',
      AWS_LAMBDA_FUNCTION_NAME: 'marginfall-prod-api',
    });
    expect(config.s3).toEqual({
      region: 'eu-central-1',
      endpoint: 'http://127.0.0.1:4568',
      reportsBucket: 'risk-reports-prod',
      workBucket: 'risk-work-prod',
      linkTtlSeconds: 300,
    });
    expect(config.email).toEqual({
      region: 'eu-central-1',
      endpoint: 'http://127.0.0.1:8005',
      from: 'Marginfall Risk <risk@venue.example>',
      to: ['cro@venue.example', 'desk@venue.example'],
      maxAttachmentBytes: 1_048_576,
    });
    expect(config.pipeline).toEqual({
      region: 'eu-central-1',
      stateMachineArn: 'arn:aws:states:eu-central-1:123456789012:stateMachine:ReportPipeline-1a2B',
      chunkTasks: 4,
      codeVersion: '1.4.2+abc123',
      classification: 'Restricted — risk committee',
      stage: 'prod',
      lambdaFunctionName: 'marginfall-prod-api',
      eodCutoff: '17:00',
      timeZone: 'America/New_York',
    });
    expect(Object.isFrozen(config.email.to)).toBe(true);
  });

  it('reads the variables, lets overrides win, and treats blank as absent', () => {
    const config = loadConfig(
      {
        MARGINFALL_TABLE: 'risk-snapshots',
        MARGINFALL_DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
        AWS_DEFAULT_REGION: 'eu-west-1',
        MARGINFALL_SNAPSHOT_SHARDS: '32',
        MARGINFALL_READ_CONCURRENCY: ' ',
      },
      { MARGINFALL_SNAPSHOT_SHARDS: '4', MARGINFALL_TABLE: undefined },
    );
    expect(config.dynamodb).toEqual({
      tableName: 'risk-snapshots',
      endpoint: 'http://127.0.0.1:8000',
      region: 'eu-west-1',
      snapshotShards: 4,
      readConcurrency: 8,
      writeConcurrency: 8,
    });
    expect(loadConfig({ AWS_REGION: 'ap-south-1', AWS_DEFAULT_REGION: 'eu-west-1' }).dynamodb.region).toBe(
      'ap-south-1',
    );
  });

  it('is frozen', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.dynamodb)).toBe(true);
  });

  it('names the variable that is wrong', () => {
    const cases: Array<[Record<string, string>, string]> = [
      [
        { MARGINFALL_SNAPSHOT_SHARDS: '0' },
        'configuration: MARGINFALL_SNAPSHOT_SHARDS: must be a whole number from 1 to 1000',
      ],
      [
        { MARGINFALL_WRITE_CONCURRENCY: '2.5' },
        'configuration: MARGINFALL_WRITE_CONCURRENCY: must be a whole number from 1 to 256',
      ],
      [
        { MARGINFALL_DYNAMODB_ENDPOINT: 'localhost:8000' },
        'configuration: MARGINFALL_DYNAMODB_ENDPOINT: must be an http(s) URL such as http://127.0.0.1:8000',
      ],
      [
        { MARGINFALL_TABLE: 'ab' },
        'configuration: MARGINFALL_TABLE: must be a DynamoDB table name (3–255 of A–Z a–z 0–9 _ . -)',
      ],
      [
        { MARGINFALL_EOD_CUTOFF: '24:30' },
        'configuration: MARGINFALL_EOD_CUTOFF: must be HH:MM from 00:00 to 23:59, or 24:00 (the midnight ending the day)',
      ],
      [
        { MARGINFALL_TIME_ZONE: 'EST5EDT/Nowhere' },
        'configuration: MARGINFALL_TIME_ZONE: must be an IANA time zone such as Europe/London or UTC',
      ],
      [
        { MARGINFALL_EMAIL_TO: 'cro@venue.example,,desk@venue.example' },
        'configuration: MARGINFALL_EMAIL_TO: must be a comma-separated list of addresses such as risk@venue.example',
      ],
      [
        { MARGINFALL_EMAIL_FROM: 'risk desk' },
        'configuration: MARGINFALL_EMAIL_FROM: must be an address such as Risk <risk@venue.example>',
      ],
      [
        { MARGINFALL_REPORTS_BUCKET: 'Reports_Bucket' },
        'configuration: MARGINFALL_REPORTS_BUCKET: must be an S3 bucket name (3–63 of a–z 0–9 . -)',
      ],
      [
        { MARGINFALL_LINK_TTL_SECONDS: '604801' },
        'configuration: MARGINFALL_LINK_TTL_SECONDS: must be a whole number from 1 to 604800',
      ],
      [
        { MARGINFALL_STATE_MACHINE_ARN: 'ReportPipeline' },
        'configuration: MARGINFALL_STATE_MACHINE_ARN: must be a Step Functions state machine ARN (arn:aws:states:REGION:ACCOUNT:stateMachine:NAME)',
      ],
      [
        { MARGINFALL_CHUNK_TASKS: '0' },
        'configuration: MARGINFALL_CHUNK_TASKS: must be a whole number from 1 to 1000',
      ],
      [
        { MARGINFALL_S3_ENDPOINT: 's3rver' },
        'configuration: MARGINFALL_S3_ENDPOINT: must be an http(s) URL such as http://127.0.0.1:4568',
      ],
    ];
    for (const [env, message] of cases) {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(message);
    }
  });
});
