/**
 * Use case: every step of one run in process, in the state machine's order (local mode, CLI,
 * tests). A failing step is recorded with `failRun`; the run's final state is returned.
 */

import type { RunState } from './contracts.js';
import type { PipelineDeps } from './deps.js';

export interface RunPipelineOptions {
  /** Compute chunks in flight at once, ≥ 1. */
  readonly concurrency: number;
}

export async function runPipeline(
  deps: PipelineDeps,
  runId: string,
  options: RunPipelineOptions,
): Promise<RunState> {
  void deps;
  void runId;
  void options;
  throw new Error('not implemented');
}
