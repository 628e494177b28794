/** Use case (step `compute`, one per chunk): run one chunk's calculation tasks and store their outputs. */

import type { ComputeInput, ComputeOutput } from './contracts.js';
import type { PipelineDeps } from './deps.js';

export async function computeChunk(deps: PipelineDeps, input: ComputeInput): Promise<ComputeOutput> {
  void deps;
  void input;
  throw new Error('not implemented');
}
