/** Use case (step `fail`): record why a run failed. A run already failed or succeeded is left as it is. */

import type { FailInput, RunState } from './contracts.js';
import type { PipelineDeps } from './deps.js';

export async function failRun(deps: PipelineDeps, input: FailInput): Promise<RunState> {
  void deps;
  void input;
  throw new Error('not implemented');
}
