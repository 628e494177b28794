/** Use case (step `finish`): mark a published run succeeded. */

import type { RunRef, RunState } from './contracts.js';
import type { PipelineDeps } from './deps.js';

export async function finishRun(deps: PipelineDeps, input: RunRef): Promise<RunState> {
  void deps;
  void input;
  throw new Error('not implemented');
}
