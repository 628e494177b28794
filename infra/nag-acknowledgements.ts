/**
 * The cdk-nag AwsSolutions findings this deployment accepts, each on the construct it concerns
 * and with the reason. Everything else the checks report fails synthesis (and the infra tests).
 */
import { type CfnElement, type Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { Api } from './constructs/api.js';
import type { Compute } from './constructs/compute.js';
import type { Orchestration } from './constructs/orchestration.js';
import type { Storage } from './constructs/storage.js';

/** The constructs whose findings are acknowledged. */
export interface NagScope {
  readonly storage: Storage;
  readonly compute: Compute;
  readonly orchestration: Orchestration;
  readonly api: Api;
}

/** Functions granted objects under the archive's `reports/` prefix, and under the work area's `runs/`. */
const READS_REPORTS: ReadonlySet<string> = new Set(['api', 'publish-report', 'email-report']);
const USES_WORK_AREA: ReadonlySet<string> = new Set([
  'stage-run',
  'compute-chunk',
  'publish-report',
  'email-report',
]);

function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions::AwsSolutions-${id}`, reason });
}

/** Token text of a resource's ARN as cdk-nag prints it, e.g. `<MarginfallTable.Arn>`. */
function arnToken(stack: Stack, resource: IConstruct): string {
  const child = resource.node.defaultChild as CfnElement;
  return `<${stack.resolve(child.logicalId)}.Arn>`;
}

export function acknowledgeNagFindings(
  stack: Stack,
  { storage, compute, orchestration, api }: NagScope,
): void {
  const reportObjects = `${arnToken(stack, storage.reportsBucket)}/reports/*`;
  const workObjects = `${arnToken(stack, storage.workBucket)}/runs/*`;

  for (const [name, fn] of Object.entries(compute.functions)) {
    acknowledge(
      fn,
      'L1',
      'Node.js 22 is the runtime the code is built and tested for (esbuild target node22, toolchain notes); ' +
        `${name} moves to a newer runtime with the toolchain, not with the CDK release.`,
    );
    const role = fn.role;
    if (role === undefined) continue;
    acknowledge(
      role,
      'IAM5[Resource::*]',
      'Active X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level ' +
        'permissions, so AWS requires Resource "*" for them.',
    );
    if (READS_REPORTS.has(name)) {
      acknowledge(
        role,
        `IAM5[Resource::${reportObjects}]`,
        'Report keys are created per business date and run (reports/YYYY/MM/DD/<runId>/…), so access is granted ' +
          'on the archive prefix; deletion is not granted and Object Lock keeps every version.',
      );
    }
    if (USES_WORK_AREA.has(name)) {
      acknowledge(
        role,
        `IAM5[Resource::${workObjects}]`,
        'The work bucket holds only the staged inputs and chunk outputs of runs (runs/<runId>/…), keyed at run time; ' +
          'it is dedicated to the pipeline and its objects expire after a few days.',
      );
    }
  }

  const stepFunctions = [
    compute.functions['stage-run'],
    compute.functions['compute-chunk'],
    compute.functions['publish-report'],
    compute.functions['email-report'],
    compute.functions['finish-run'],
    compute.functions['fail-run'],
  ];
  for (const fn of stepFunctions) {
    acknowledge(
      orchestration.stateMachine.role,
      `IAM5[Resource::${arnToken(stack, fn)}:*]`,
      'lambda:InvokeFunction on the step function and its versions/aliases (ARN:*), as the Step Functions ' +
        'Lambda integration requires; no other function is invocable.',
    );
  }
  acknowledge(
    orchestration.stateMachine.role,
    'IAM5[Resource::*]',
    'X-Ray tracing (xray:PutTraceSegments, PutTelemetryRecords, GetSampling*) and CloudWatch Logs vended ' +
      'log delivery (logs:CreateLogDelivery, PutResourcePolicy, …) support no resource-level permissions.',
  );
  const dailyRun = compute.functions['daily-run'];
  acknowledge(
    stack,
    `IAM5[Resource::${arnToken(stack, dailyRun)}:*]`,
    'The scheduler role invokes only the daily-run function and its versions/aliases (ARN:*).',
  );
  acknowledge(
    orchestration.scheduleDeadLetterQueue,
    'SQS3',
    'This queue is itself the dead-letter queue of the daily EventBridge Scheduler target; cdk-nag does not ' +
      'see scheduler DLQs. Its depth raises an alarm.',
  );

  const restApi = api.restApi;
  acknowledge(
    restApi,
    'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
    'The account-level role that lets API Gateway write execution logs; this AWS-managed policy is the ' +
      'documented one and grants only CloudWatch Logs writes.',
  );
  acknowledge(
    restApi,
    'COG4',
    'Every method uses IAM (SigV4) authorisation: callers are AWS principals (risk desk roles, CI, services), ' +
      'not end users of a Cognito user pool.',
  );
  acknowledge(
    restApi,
    'APIG3',
    'A regional API with IAM authorisation and stage/method throttling: unsigned requests are refused before ' +
      'any integration runs. A WAF web ACL can be associated when the API is exposed beyond the organisation.',
  );
}
