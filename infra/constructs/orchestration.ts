/**
 * The run pipeline as a Step Functions state machine, and the daily schedule that starts it.
 *
 * Stage → Map over `$.chunkIds` (one compute-chunk per chunk, MaxConcurrency from props) →
 * Publish → daily? → Email → Finish → Succeed. Every task retries Lambda service errors and
 * task failures with exponential backoff and full jitter, except the typed errors that a retry
 * cannot cure (`NON_RETRYABLE_ERRORS`: bad input, no snapshot, no parameters, bad
 * configuration). Whatever still fails is caught, shaped into `{ runId, step, error: { name,
 * message } }` (the message read out of a Lambda error's JSON, without its stack trace) and
 * handed to FailRun, then the execution ends in a Fail state carrying that error. Step payloads are pointers (run id, chunk ids): documents live in the work
 * bucket. The execution name is the run id, given by the starter (StartExecution is then
 * idempotent per run).
 *
 * The schedule (EventBridge Scheduler, cron + IANA time zone, so the run follows daylight
 * saving) invokes daily-run with `{}`; delivery is retried for up to an hour, and both an
 * undeliverable event and a daily-run that still fails after Lambda's two retries end in an
 * encrypted dead-letter queue that the alerts watch.
 */
import { Duration, RemovalPolicy, TimeZone } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke as ScheduledLambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import {
  Choice,
  Condition,
  DefinitionBody,
  Errors,
  Fail,
  JitterType,
  JsonPath,
  LogLevel,
  Map as MapState,
  Pass,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';

/**
 * Errors a retry cannot cure: typed validation errors (every `*InputError` class in functions/,
 * which a test checks), a missing snapshot or parameter set, invalid parameters, a book and
 * market of different dates, bad configuration, and a step that ran out of time or memory
 * (the steps are deterministic: the same input would run out again, after up to 45 minutes of
 * retries for a compute chunk). Step Functions matches error names exactly, so the list names
 * each class.
 */
export const NON_RETRYABLE_ERRORS = [
  'RunRequestInputError',
  'RequestInputError',
  'ChunkIdInputError',
  'StepInputError',
  'DailyRunInputError',
  'ReportInputError',
  'BusinessCloseInputError',
  'NoPositionsError',
  'NoActiveParamsError',
  'InvalidParamsError',
  'AsOfMismatchError',
  'ConfigError',
  'Sandbox.Timedout',
  'Runtime.OutOfMemory',
] as const;

/** Transient Lambda service errors (throttling, service faults, SDK client errors). */
export const LAMBDA_SERVICE_ERRORS = [
  'Lambda.ClientExecutionTimeoutException',
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
] as const;

export interface PipelineFunctions {
  readonly stage: IFunction;
  readonly compute: IFunction;
  readonly publish: IFunction;
  readonly email: IFunction;
  readonly finish: IFunction;
  readonly fail: IFunction;
}

export interface OrchestrationProps {
  readonly functions: PipelineFunctions;
  /** Started by the schedule with `{}`. */
  readonly dailyRun: IFunction;
  readonly mapMaxConcurrency: number;
  /** `cron(...)` in `timeZone`. */
  readonly scheduleCron: string;
  /** IANA name, e.g. Europe/London. */
  readonly timeZone: string;
  readonly scheduleEnabled: boolean;
  readonly logRetention: RetentionDays;
}

/** Step names as the run record and FailInput know them (contracts.ts PipelineStepName). */
type StepName = 'stage' | 'compute' | 'publish' | 'email' | 'finish';

export class Orchestration extends Construct {
  readonly stateMachine: StateMachine;
  readonly schedule: Schedule;
  readonly scheduleDeadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: OrchestrationProps) {
    super(scope, id);
    const fns = props.functions;

    const failed = new Fail(this, 'Run failed', {
      comment: 'The error that failed the run',
      errorPath: '$.error.name',
      causePath: '$.error.message',
    });
    // Its input is the FailInput payload as is; the state keeps it for the Fail state.
    const failRun = this.invoke('FailRun', fns.fail, { resultPath: JsonPath.DISCARD });
    failRun.addCatch(failed, { errors: [Errors.ALL], resultPath: '$.failRunError' });
    failRun.next(failed);

    // FailInput's message is the error's own message. A Lambda error's Cause is its JSON
    // (errorType, errorMessage and the stack trace, which must not reach the run record), so
    // errorMessage is read out of it; a service error's Cause (timeout, permissions) is text.
    const toFailInput = (id: string, message: string) =>
      new Pass(this, id, {
        parameters: {
          'runId.$': '$.runId',
          'step.$': '$.step',
          error: { 'name.$': '$.caught.Error', 'message.$': message },
        },
      }).next(failRun);
    const parseLambdaError = new Pass(this, 'Parse the Lambda error', {
      parameters: { 'parsed.$': 'States.StringToJson($.caught.Cause)' },
      resultPath: '$.lambdaError',
    }).next(toFailInput('Lambda error message', '$.lambdaError.parsed.errorMessage'));
    const readCause = new Choice(this, 'Lambda error?')
      .when(
        Condition.and(
          Condition.isPresent('$.caught.Cause'),
          Condition.isString('$.caught.Cause'),
          Condition.stringMatches('$.caught.Cause', '{*"errorMessage"*}'),
        ),
        parseLambdaError,
      )
      .when(Condition.isString('$.caught.Cause'), toFailInput('Service error message', '$.caught.Cause'))
      .otherwise(toFailInput('Error name only', '$.caught.Error'));

    /** A catch target that names the step, then reads the error. */
    const failStep = (step: StepName) =>
      new Pass(this, `${step} failed`, {
        parameters: { 'runId.$': '$.runId', step, 'caught.$': '$.caught' },
      }).next(readCause);

    const stage = this.invoke('Stage', fns.stage, {
      payload: TaskInput.fromObject({ 'runId.$': '$.runId' }),
    });

    // Its input is the Map item `{ runId, chunkId }`.
    const computeChunk = this.invoke('ComputeChunk', fns.compute, { resultPath: JsonPath.DISCARD });
    const compute = new MapState(this, 'Compute', {
      comment: 'One compute-chunk per chunk id; outputs go to the work bucket',
      itemsPath: '$.chunkIds',
      itemSelector: { 'runId.$': '$.runId', 'chunkId.$': '$$.Map.Item.Value' },
      maxConcurrency: props.mapMaxConcurrency,
      // The state after the Map is the stage output (run id, report type), not the chunk results.
      resultPath: JsonPath.DISCARD,
    });
    compute.itemProcessor(computeChunk);

    const publish = this.invoke('Publish', fns.publish, {
      payload: TaskInput.fromObject({ 'runId.$': '$.runId' }),
    });
    const email = this.invoke('Email', fns.email, {
      payload: TaskInput.fromObject({ 'runId.$': '$.runId' }),
    });
    const finish = this.invoke('Finish', fns.finish, {
      payload: TaskInput.fromObject({ 'runId.$': '$.runId' }),
    });
    const succeeded = new Succeed(this, 'Run succeeded');

    for (const [state, step] of [
      [stage, 'stage'],
      [compute, 'compute'],
      [publish, 'publish'],
      [email, 'email'],
      [finish, 'finish'],
    ] as const) {
      // The error goes beside the state's input, which still holds the run id.
      state.addCatch(failStep(step), { errors: [Errors.ALL], resultPath: '$.caught' });
    }

    const definition = stage
      .next(compute)
      .next(publish)
      .next(
        new Choice(this, 'Daily?')
          .when(Condition.stringEquals('$.reportType', 'daily'), email.next(finish))
          .otherwise(finish),
      );
    finish.next(succeeded);

    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new StateMachine(this, 'Pipeline', {
      comment: 'Marginfall report run: stage, compute chunks, publish, email (daily), finish',
      definitionBody: DefinitionBody.fromChainable(definition),
      stateMachineType: StateMachineType.STANDARD,
      timeout: Duration.hours(2),
      tracingEnabled: true,
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: true },
    });

    this.scheduleDeadLetterQueue = new Queue(this, 'ScheduleDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.schedule = new Schedule(this, 'Daily', {
      description: 'Marginfall daily end-of-day run',
      schedule: ScheduleExpression.expression(props.scheduleCron, TimeZone.of(props.timeZone)),
      enabled: props.scheduleEnabled,
      target: new ScheduledLambdaInvoke(props.dailyRun, {
        input: ScheduleTargetInput.fromObject({}),
        deadLetterQueue: this.scheduleDeadLetterQueue,
        retryAttempts: 5,
        maxEventAge: Duration.hours(1),
      }),
    });
    // The scheduler invokes daily-run asynchronously, so the function's own failures never come
    // back to the schedule's retry policy: Lambda retries them twice, then the event goes to
    // the same dead-letter queue (and raises the same alarm).
    props.dailyRun.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(1),
      onFailure: new SqsDestination(this.scheduleDeadLetterQueue),
    });
  }

  /**
   * A Lambda task whose output is the function's result (the event is `payload`, else the
   * state's input), with the pipeline's retry policy.
   */
  private invoke(
    id: string,
    fn: IFunction,
    options: { readonly payload?: TaskInput; readonly resultPath?: string },
  ): LambdaInvoke {
    const task = new LambdaInvoke(this, id, {
      lambdaFunction: fn,
      ...(options.payload === undefined ? {} : { payload: options.payload }),
      payloadResponseOnly: true,
      retryOnServiceExceptions: false,
      ...(options.resultPath === undefined ? {} : { resultPath: options.resultPath }),
    });
    // Retriers match in order: the first whose errors match decides.
    task.addRetry({ errors: [...NON_RETRYABLE_ERRORS], maxAttempts: 0 });
    task.addRetry({
      errors: [...LAMBDA_SERVICE_ERRORS],
      interval: Duration.seconds(2),
      backoffRate: 2,
      maxAttempts: 6,
      maxDelay: Duration.seconds(60),
      jitterStrategy: JitterType.FULL,
    });
    task.addRetry({
      errors: [Errors.TASKS_FAILED],
      interval: Duration.seconds(5),
      backoffRate: 2,
      maxAttempts: 3,
      maxDelay: Duration.seconds(60),
      jitterStrategy: JitterType.FULL,
    });
    return task;
  }
}
