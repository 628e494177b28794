/**
 * Starts a run's pipeline in this process, in the background (local mode, CLI, tests):
 * `launch` returns at once; `whenIdle()` resolves when every launched run has ended.
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
  private readonly running = new Map<string, Promise<void>>();
  /** Final states of the runs launched by this launcher, by run id. */
  readonly finished = new Map<string, RunState>();

  constructor(private readonly props: InProcessRunLauncherProps) {}

  async launch(run: RunState): Promise<void> {
    if (this.running.has(run.runId)) return; // already started here: like StartExecution with the same name
    const done = Promise.resolve()
      .then(() => this.props.run(run.runId))
      .then(
        (state) => {
          this.finished.set(run.runId, state);
        },
        (error: unknown) => {
          if (this.props.onError) this.props.onError(run.runId, error);
          else
            process.stderr.write(
              `run ${run.runId} stopped: ${error instanceof Error ? error.message : String(error)}\n`,
            );
        },
      )
      .finally(() => this.running.delete(run.runId));
    this.running.set(run.runId, done);
  }

  /** Resolves once no launched run is in progress (including runs launched meanwhile). */
  async whenIdle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values());
  }
}
