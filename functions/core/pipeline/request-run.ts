/**
 * Use case: ask for a report run. The run record is the idempotency gate: a daily run is keyed
 * `daily#<asOf>#<paramsVersion>` (its id derived from the key, so a retried trigger names the
 * same run); an on-demand run is always new (`on-demand#<runId>`). The pipeline is launched
 * only for a run this call created.
 *
 * A daily run that failed before it published anything (no report, no email) can be retried
 * as the day's daily run with `retryFailed`: the next attempt's key is
 * `daily#<asOf>#<paramsVersion>#attempt-<n>`, so concurrent retries still make one run, and a
 * day never gets two daily reports or two emails. Without `retryFailed` a trigger returns the
 * failed run (a late or repeated schedule does not retry by itself).
 *
 * Run ids: `<asOf>-daily-<first 12 hex digits of SHA-256(key)>` and
 * `<asOf>-adhoc-<deps.newRunSuffix()>`.
 */
import { parseIsoDate } from '../dates.js';
import { sha256Hex } from '../report/sha256.js';
import { validateParams } from '../validation/validate-params.js';
import type { RunRequest, RunState } from './contracts.js';
import type { PipelineDeps } from './deps.js';
import { RunRequestInputError } from './pipeline-errors.js';

const SUFFIX = /^[a-z0-9]{1,32}$/;

/** The version of the parameters a request runs with: its override's, else the active set's. */
export async function resolveParamsVersion(deps: PipelineDeps, request: RunRequest): Promise<string> {
  const document =
    request.paramsOverride !== undefined
      ? request.paramsOverride
      : (await deps.params.readActiveParams()).document;
  return validateParams(document).version;
}

export function dailyIdempotencyKey(asOf: string, paramsVersion: string): string {
  return `daily#${asOf}#${paramsVersion}`;
}

export function dailyRunId(asOf: string, idempotencyKey: string): string {
  return `${asOf}-daily-${sha256Hex(idempotencyKey).slice(0, 12)}`;
}

export interface RequestRunOptions {
  /** Daily only: start a new attempt when the day's run failed before publishing anything. */
  readonly retryFailed?: boolean;
}

/** Attempts of one day's daily run at most (a retry loop that never succeeds stops here). */
export const MAX_DAILY_ATTEMPTS = 20;

export async function requestRun(
  deps: PipelineDeps,
  request: RunRequest,
  options: RequestRunOptions = {},
): Promise<{ readonly state: RunState; readonly created: boolean }> {
  if (parseIsoDate(request.asOf) === undefined)
    throw new RunRequestInputError('asOf', `must be a date YYYY-MM-DD, got ${JSON.stringify(request.asOf)}`);
  if (request.reportType !== 'daily') {
    const suffix = deps.newRunSuffix();
    if (!SUFFIX.test(suffix))
      throw new RangeError(`a run id suffix must be 1–32 of a–z 0–9, got "${suffix}"`);
    const runId = `${request.asOf}-adhoc-${suffix}`;
    return createAndLaunch(deps, request, runId, `on-demand#${runId}`);
  }
  const firstKey = dailyIdempotencyKey(request.asOf, await resolveParamsVersion(deps, request));
  for (let attempt = 1; attempt <= MAX_DAILY_ATTEMPTS; attempt++) {
    const key = attempt === 1 ? firstKey : `${firstKey}#attempt-${attempt}`;
    const outcome = await createAndLaunch(deps, request, dailyRunId(request.asOf, key), key);
    const existing = outcome.state;
    const retry =
      !outcome.created &&
      options.retryFailed === true &&
      existing.status === 'failed' &&
      existing.report === undefined &&
      existing.email === undefined;
    if (!retry) return outcome;
  }
  throw new RunRequestInputError(
    'asOf',
    `the daily run of ${request.asOf} failed ${MAX_DAILY_ATTEMPTS} times; fix the cause and run it on demand`,
  );
}

async function createAndLaunch(
  deps: PipelineDeps,
  request: RunRequest,
  runId: string,
  idempotencyKey: string,
): Promise<{ readonly state: RunState; readonly created: boolean }> {
  const state: RunState = {
    runId,
    asOf: request.asOf,
    reportType: request.reportType,
    trigger: request.trigger,
    idempotencyKey,
    status: 'queued',
    request,
    requestedAt: deps.clock.nowIso(),
    timings: {},
    chunks: 0,
  };
  const outcome = await deps.runs.create(state);
  if (!outcome.created) return { state: outcome.existing, created: false };
  await deps.launcher.launch(outcome.state);
  return { state: outcome.state, created: true };
}
