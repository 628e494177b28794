/**
 * Port: the run records — status of every report run, for the API and for idempotency.
 *
 * Contract: `create` is the idempotency gate. It stores `state` only if no run holds the same
 * `idempotencyKey`; otherwise it stores nothing and returns the existing run. Status moves
 * queued → running → succeeded | failed only, each `update` conditional on the status the
 * caller expects (a stale or duplicate step fails with `RunStateConflictError` and changes
 * nothing). A run id encodes its `asOf`, so `get` needs only the id.
 */
import { MarginfallError } from '../errors.js';
import type { RunState, RunStatus } from '../pipeline/contracts.js';

export type CreateRunOutcome =
  | { readonly created: true; readonly state: RunState }
  | { readonly created: false; readonly existing: RunState };

/** Fields a step may change; `status` and the rest only as the contract allows. */
export type RunStatePatch = Partial<Omit<RunState, 'runId' | 'asOf' | 'idempotencyKey' | 'request'>>;

export interface RunStateStore {
  create(state: RunState): Promise<CreateRunOutcome>;
  /** Throws `RunNotFoundError` when there is no such run. */
  get(runId: string): Promise<RunState>;
  /** The runs of a business date, oldest `requestedAt` first. */
  listByAsOf(asOf: string): Promise<readonly RunState[]>;
  /** Applies `patch` if the run's status is one of `expected`; returns the new state. */
  update(runId: string, expected: readonly RunStatus[], patch: RunStatePatch): Promise<RunState>;
}

export class RunNotFoundError extends MarginfallError {
  override readonly name = 'RunNotFoundError';
  constructor(readonly runId: string) {
    super(`no run ${runId}`);
  }
}

export class RunStateConflictError extends MarginfallError {
  override readonly name = 'RunStateConflictError';
  constructor(
    readonly runId: string,
    readonly expected: readonly RunStatus[],
    readonly actual: RunStatus | undefined,
  ) {
    super(`run ${runId} is ${actual ?? 'missing'}, expected ${expected.join(' or ')}`);
  }
}
