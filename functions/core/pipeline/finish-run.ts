/** Use case (step `finish`): mark a published run succeeded (a run already succeeded is returned as it is). */
import { RunStateConflictError } from '../ports/run-state-store.js';
import type { RunRef, RunState } from './contracts.js';
import type { PipelineDeps } from './deps.js';
import { ReportNotPublishedError } from './pipeline-errors.js';
import { elapsedMs, withTiming } from './run-steps.js';

export async function finishRun(deps: PipelineDeps, input: RunRef): Promise<RunState> {
  const started = deps.clock.nowIso();
  const state = await deps.runs.get(input.runId);
  if (state.status === 'succeeded') return state;
  if (state.status !== 'running') throw new RunStateConflictError(state.runId, ['running'], state.status);
  if (state.report === undefined) throw new ReportNotPublishedError(state.runId);
  const finishedAt = deps.clock.nowIso();
  return deps.runs.update(state.runId, ['running'], {
    status: 'succeeded',
    finishedAt,
    timings: withTiming(state, 'finish', elapsedMs(started, finishedAt)),
  });
}
