/**
 * Use case (step `stage`): read the run's inputs — the snapshot, the parameters, the
 * scenarios — once, store them as text in the staging store, and plan the compute chunks.
 */

import type { RunRef, StageOutput } from './contracts.js';
import type { PipelineDeps } from './deps.js';

export async function stageRun(deps: PipelineDeps, input: RunRef): Promise<StageOutput> {
  void deps;
  void input;
  throw new Error('not implemented');
}
