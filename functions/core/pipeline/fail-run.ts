/**
 * Use case (step `fail`): record why a run failed — the step and `<error name>: <message>`.
 * A run already failed or succeeded is returned unchanged (the first failure is the one kept).
 */
import { RunStateConflictError } from '../ports/run-state-store.js';
import type { FailInput, RunState } from './contracts.js';
import type { PipelineDeps } from './deps.js';

export async function failRun(deps: PipelineDeps, input: FailInput): Promise<RunState> {
  const state = await deps.runs.get(input.runId);
  if (state.status === 'failed' || state.status === 'succeeded') return state;
  try {
    return await deps.runs.update(state.runId, ['queued', 'running'], {
      status: 'failed',
      finishedAt: deps.clock.nowIso(),
      failure: { step: input.step, reason: `${input.error.name}: ${input.error.message}` },
    });
  } catch (error) {
    // Another step ended the run meanwhile: keep what it recorded.
    if (error instanceof RunStateConflictError) return deps.runs.get(state.runId);
    throw error;
  }
}
