/**
 * Alarms on everything that means "today's report may not arrive": a run failed or timed out,
 * a function raised an error (after its own retries the state machine may still succeed, so
 * these are early warnings), or the schedule could not start the daily run (dead letters).
 * They notify one SNS topic, encrypted with its own KMS key (CloudWatch may use it to publish;
 * the AWS-managed SNS key cannot be shared with CloudWatch) and reachable over TLS only, with
 * an optional email subscription.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface AlertsProps {
  readonly stateMachine: IStateMachine;
  /** Functions whose errors raise an alarm, by handler name. */
  readonly functions: Readonly<Record<string, IFunction>>;
  readonly scheduleDeadLetterQueue: IQueue;
  /** Subscribed to the topic when given. */
  readonly alarmEmail?: string;
}

export class Alerts extends Construct {
  readonly topic: Topic;
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: AlertsProps) {
    super(scope, id);
    const key = new Key(this, 'TopicKey', {
      description: 'Marginfall alarm notifications',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', { masterKey: key, enforceSSL: true });
    if (props.alarmEmail !== undefined) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));

    const action = new SnsAction(this.topic);
    const alarms: Alarm[] = [];
    /** Alarms when the metric's 5-minute sum reaches 1. */
    const alarmOnAny = (alarmId: string, metric: IMetric, description: string) => {
      const alarm = new Alarm(this, alarmId, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      alarm.addAlarmAction(action);
      alarms.push(alarm);
    };
    const period = Duration.minutes(5);

    alarmOnAny(
      'RunsFailed',
      props.stateMachine.metricFailed({ period, statistic: 'Sum' }),
      'A report run failed (ExecutionsFailed); its run record names the step and the error.',
    );
    alarmOnAny(
      'RunsTimedOut',
      props.stateMachine.metricTimedOut({ period, statistic: 'Sum' }),
      'A report run exceeded the state machine timeout (ExecutionsTimedOut).',
    );
    for (const [name, fn] of Object.entries(props.functions)) {
      alarmOnAny(
        `${name}-errors`,
        fn.metricErrors({ period, statistic: 'Sum' }),
        `The ${name} function raised errors (Lambda Errors).`,
      );
    }
    alarmOnAny(
      'ScheduleDeadLetters',
      props.scheduleDeadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period,
        statistic: 'Maximum',
      }),
      'The schedule could not start the daily run (event in the dead-letter queue).',
    );
    this.alarms = alarms;
  }
}
