/**
 * `RunLauncher` on AWS Step Functions: one execution of the pipeline's state machine per run.
 *
 * The execution is named after the run id and its input is the stage step's payload
 * (`StageInput` = `{ runId }`), so starting the same run twice is harmless: Step Functions
 * returns the running execution for an identical second start, and refuses one whose name was
 * already used (`ExecutionAlreadyExists`, e.g. after the first execution ended) — both mean the
 * run is launched, so both are success. Anything else fails as `RunLaunchError` with the SDK
 * error as `cause` (the SDK client's own retries have run by then).
 */
import { type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { MarginfallError } from '../core/errors.js';
import type { RunRef, RunState } from '../core/pipeline/contracts.js';
import type { RunLauncher } from '../core/ports/run-launcher.js';

export interface SfnRunLauncherProps {
  readonly client: SFNClient;
  readonly stateMachineArn: string;
}

/** Step Functions execution names: 1–80 of A–Z a–z 0–9 - _. */
const EXECUTION_NAME = /^[A-Za-z0-9_-]{1,80}$/;

/** The pipeline of a run could not be started. */
export class RunLaunchError extends MarginfallError {
  override readonly name = 'RunLaunchError';
  constructor(
    readonly runId: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`run ${runId}: the pipeline could not be started: ${reason}`, options);
  }
}

export class SfnRunLauncher implements RunLauncher {
  constructor(private readonly props: SfnRunLauncherProps) {}

  async launch(run: RunState): Promise<void> {
    if (!EXECUTION_NAME.test(run.runId)) {
      throw new RunLaunchError(run.runId, 'a run id must be 1–80 of A–Z a–z 0–9 - _ to name an execution');
    }
    const input: RunRef = { runId: run.runId };
    try {
      await this.props.client.send(
        new StartExecutionCommand({
          stateMachineArn: this.props.stateMachineArn,
          name: run.runId,
          input: JSON.stringify(input),
        }),
      );
    } catch (error) {
      if ((error as { name?: unknown } | undefined)?.name === 'ExecutionAlreadyExists') return;
      const why = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new RunLaunchError(run.runId, why, { cause: error });
    }
  }
}
