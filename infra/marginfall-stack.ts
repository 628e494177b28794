import { CfnOutput, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import { Alerts } from './constructs/alerts.js';
import { Api } from './constructs/api.js';
import { Compute, type HandlerName } from './constructs/compute.js';
import { Email } from './constructs/email.js';
import { Orchestration } from './constructs/orchestration.js';
import { Storage } from './constructs/storage.js';
import { acknowledgeNagFindings } from './nag-acknowledgements.js';
import type { MarginfallSettings } from './settings.js';

export interface MarginfallStackProps extends StackProps {
  readonly settings: MarginfallSettings;
  /** Absolute path of the repository root (package-lock.json, node_modules). */
  readonly projectRoot: string;
  /** Absolute path of functions/handlers. */
  readonly handlersDir: string;
}

/**
 * The Marginfall deployment. The stack only composes: each construct owns its resources, and
 * the wiring below gives every function the variables and permissions of its step
 * (infra/README.md, "Who may do what") and nothing else.
 */
export class MarginfallStack extends Stack {
  readonly storage: Storage;
  readonly compute: Compute;
  readonly orchestration: Orchestration;
  readonly api: Api;
  readonly email: Email;
  readonly alerts: Alerts;

  constructor(scope: Construct, id: string, props: MarginfallStackProps) {
    const { settings } = props;
    super(scope, id, {
      ...props,
      description: `Marginfall margin-contagion stress testing (${settings.stage})`,
    });
    Tags.of(this).add('application', 'marginfall');
    Tags.of(this).add('stage', settings.stage);

    this.storage = new Storage(this, 'Storage', settings);
    this.email = new Email(this, 'Email', { identity: settings.emailIdentity, from: settings.emailFrom });
    this.compute = new Compute(this, 'Compute', {
      projectRoot: props.projectRoot,
      handlersDir: props.handlersDir,
      computeMemoryMb: settings.computeMemoryMb,
      logRetention: settings.logRetentionDays,
      logLevel: settings.logLevel,
      stage: settings.stage,
      environment: {
        MARGINFALL_STAGE: settings.stage,
        MARGINFALL_CODE_VERSION: settings.codeVersion,
        MARGINFALL_TIME_ZONE: settings.timeZone,
        MARGINFALL_EOD_CUTOFF: settings.eodCutoff,
        MARGINFALL_CHUNK_TASKS: String(settings.chunkTasks),
        MARGINFALL_LINK_TTL_SECONDS: String(settings.linkTtlSeconds),
        ...(settings.classification === undefined
          ? {}
          : { MARGINFALL_CLASSIFICATION: settings.classification }),
      },
    });
    const fns = this.compute.functions;
    this.orchestration = new Orchestration(this, 'Orchestration', {
      functions: {
        stage: fns['stage-run'],
        compute: fns['compute-chunk'],
        publish: fns['publish-report'],
        email: fns['email-report'],
        finish: fns['finish-run'],
        fail: fns['fail-run'],
      },
      dailyRun: fns['daily-run'],
      mapMaxConcurrency: settings.mapMaxConcurrency,
      scheduleCron: settings.scheduleCron,
      timeZone: settings.timeZone,
      scheduleEnabled: settings.scheduleEnabled,
      logRetention: settings.logRetentionDays,
    });
    this.api = new Api(this, 'Api', {
      handler: fns.api,
      stage: settings.stage,
      rateLimit: settings.apiRateLimit,
      burstLimit: settings.apiBurstLimit,
      logRetention: settings.logRetentionDays,
    });
    this.alerts = new Alerts(this, 'Alerts', {
      stateMachine: this.orchestration.stateMachine,
      functions: fns,
      scheduleDeadLetterQueue: this.orchestration.scheduleDeadLetterQueue,
      ...(settings.alarmEmail === undefined ? {} : { alarmEmail: settings.alarmEmail }),
    });
    this.wireFunctions(fns, settings);
    acknowledgeNagFindings(this, this);

    // What an operator needs after a deployment (`marginfall load` and the API client take these).
    new CfnOutput(this, 'ApiUrl', { value: this.api.restApi.url });
    new CfnOutput(this, 'TableName', { value: this.storage.table.tableName });
    new CfnOutput(this, 'ReportsBucketName', { value: this.storage.reportsBucket.bucketName });
    new CfnOutput(this, 'StateMachineArn', { value: this.orchestration.stateMachine.stateMachineArn });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alerts.topic.topicArn });
  }

  /** Environment and permissions per function: the contract's "needs" column. */
  private wireFunctions(
    fns: Readonly<Record<HandlerName, NodejsFunction>>,
    settings: MarginfallSettings,
  ): void {
    const { storage, email } = this;
    const { stateMachine } = this.orchestration;
    const table = { MARGINFALL_TABLE: storage.table.tableName };
    const reports = { MARGINFALL_REPORTS_BUCKET: storage.reportsBucket.bucketName };
    const work = { MARGINFALL_WORK_BUCKET: storage.workBucket.bucketName };
    const starter = { MARGINFALL_STATE_MACHINE_ARN: stateMachine.stateMachineArn };
    const attachmentLimit = {
      MARGINFALL_EMAIL_MAX_ATTACHMENT_BYTES: String(settings.emailMaxAttachmentBytes),
    };
    const setEnvironment = (fn: NodejsFunction, variables: Record<string, string>) => {
      for (const [name, value] of Object.entries(variables)) fn.addEnvironment(name, value);
    };

    setEnvironment(fns['daily-run'], { ...table, ...starter });
    storage.grantTableRead(fns['daily-run']);
    storage.grantRunRecords(fns['daily-run']);
    stateMachine.grantStartExecution(fns['daily-run']);

    setEnvironment(fns.api, { ...table, ...reports, ...starter });
    storage.grantTableRead(fns.api);
    storage.grantRunRecords(fns.api);
    storage.grantReportsRead(fns.api);
    stateMachine.grantStartExecution(fns.api);

    setEnvironment(fns['stage-run'], { ...table, ...work });
    storage.grantTableRead(fns['stage-run']);
    storage.grantRunRecords(fns['stage-run']);
    storage.grantWorkReadWrite(fns['stage-run']);

    setEnvironment(fns['compute-chunk'], work);
    storage.grantWorkReadWrite(fns['compute-chunk']);

    // Publish also stages the email content (and decides whether the PDF is attached) for the email step.
    setEnvironment(fns['publish-report'], { ...table, ...reports, ...work, ...attachmentLimit });
    storage.grantWorkReadWrite(fns['publish-report']);
    storage.grantReportsPublish(fns['publish-report']);
    storage.grantRunRecords(fns['publish-report']);

    setEnvironment(fns['email-report'], {
      ...table,
      ...reports,
      ...work,
      ...attachmentLimit,
      MARGINFALL_EMAIL_FROM: email.from,
      MARGINFALL_EMAIL_TO: settings.recipients.join(','),
    });
    storage.grantWorkRead(fns['email-report']);
    storage.grantReportsRead(fns['email-report']);
    storage.grantRunRecords(fns['email-report']);
    email.grantSend(fns['email-report']);

    for (const name of ['finish-run', 'fail-run'] as const) {
      setEnvironment(fns[name], table);
      storage.grantRunRecords(fns[name]);
    }
  }
}
