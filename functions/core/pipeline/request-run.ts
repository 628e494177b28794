/**
 * Use case: ask for a report run. The run record is the idempotency gate: a daily run is keyed
 * `daily#<asOf>#<paramsVersion>` (its id derived from the key, so a retried trigger names the
 * same run); an on-demand run is always new. The pipeline is launched only for a run this call
 * created.
 */

import type { RunRequest, RunState } from './contracts.js';
import type { PipelineDeps } from './deps.js';

export async function requestRun(
  deps: PipelineDeps,
  request: RunRequest,
): Promise<{ readonly state: RunState; readonly created: boolean }> {
  void deps;
  void request;
  throw new Error('not implemented');
}
