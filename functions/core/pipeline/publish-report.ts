/** Use case (step `publish`): assemble the result from every chunk, build, render and archive the report. */

import type { PublishOutput, RunRef } from './contracts.js';
import type { PipelineDeps } from './deps.js';

export async function publishReport(deps: PipelineDeps, input: RunRef): Promise<PublishOutput> {
  void deps;
  void input;
  throw new Error('not implemented');
}
