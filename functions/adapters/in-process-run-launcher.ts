/**
 * Starts a run's pipeline in this process, in the background (local mode, CLI, tests). `launch`
 * returns at once; `whenIdle()` resolves when every launched run has ended.
 */
import type { RunState } from '../core/pipeline/contracts.js';
import type { RunLauncher } from '../core/ports/run-launcher.js';

export interface InProcessRunLauncherProps {
  /** Runs the whole pipeline of a run, e.g. `(runId) => runPipeline(deps, runId, { concurrency: 2 })`. */
  readonly run: (runId: string) => Promise<RunState>;
  /** Called when `run` itself throws (a failing step is recorded by the pipeline, not thrown). */
  readonly onError?: (runId: string, error: unknown) => void;
}

export class InProcessRunLauncher implements RunLauncher {
  constructor(private readonly props: InProcessRunLauncherProps) {}
  async launch(run: RunState): Promise<void> {
    void this.props;
    void run;
    throw new Error('not implemented');
  }
  /** Resolves once no launched run is in progress (including runs launched meanwhile). */
  async whenIdle(): Promise<void> {
    throw new Error('not implemented');
  }
}
