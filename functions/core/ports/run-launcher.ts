/**
 * Port: starting the pipeline for a run that was just created (Step Functions StartExecution
 * with the run id as execution name in AWS — a second start of the same run is a no-op; the
 * in-process runner locally). `launch` returns once the run is started, not finished.
 */
import type { RunState } from '../pipeline/contracts.js';

export interface RunLauncher {
  launch(run: RunState): Promise<void>;
}
