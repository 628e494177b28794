/**
 * Use case (step `fail`): record why a run failed — the step and `<error name>: <message>`.
 * A run already failed or succeeded is returned unchanged (the first failure is the one kept).
 *
 * The state machine passes a Lambda error's own message, but a Cause longer than Step
 * Functions keeps (32,768 characters) arrives cut, as text: the message is then read out of
 * that JSON here, so a stack trace never becomes the run's recorded reason.
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
      failure: {
        step: input.step,
        reason: `${input.error.name}: ${readableErrorMessage(input.error.message)}`,
      },
    });
  } catch (error) {
    // Another step ended the run meanwhile: keep what it recorded.
    if (error instanceof RunStateConflictError) return deps.runs.get(state.runId);
    throw error;
  }
}

/** Longest reason kept in a run record (the API shows it; DynamoDB items are capped at 400 KB). */
export const MAX_REASON_LENGTH = 2_000;

/**
 * A Lambda error's Cause — `{"errorType":…,"errorMessage":…,"trace":[…]}`, whole or cut short —
 * becomes its `errorMessage`; any other text is kept. Either is capped at MAX_REASON_LENGTH.
 */
export function readableErrorMessage(message: string): string {
  let readable = message;
  if (message.trimStart().startsWith('{')) {
    const whole = parseJsonOrUndefined(message) as { errorMessage?: unknown } | undefined;
    const quoted = /"errorMessage"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(message)?.[1];
    const fromWhole = typeof whole?.errorMessage === 'string' ? whole.errorMessage : undefined;
    const fromCut = quoted === undefined ? undefined : parseJsonOrUndefined(quoted);
    readable = fromWhole ?? (typeof fromCut === 'string' ? fromCut : message);
  }
  return readable.length > MAX_REASON_LENGTH ? `${readable.slice(0, MAX_REASON_LENGTH - 1)}…` : readable;
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
