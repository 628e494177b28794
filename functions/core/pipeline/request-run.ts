/**
 * Use case: ask for a report run. The run record is the idempotency gate: a daily run is keyed
 * `daily#<asOf>#<paramsVersion>` (its id derived from the key, so a retried trigger names the
 * same run); an on-demand run is always new (`on-demand#<runId>`). The pipeline is launched
 * only for a run this call created.
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

export async function requestRun(
  deps: PipelineDeps,
  request: RunRequest,
): Promise<{ readonly state: RunState; readonly created: boolean }> {
  if (parseIsoDate(request.asOf) === undefined)
    throw new RunRequestInputError('asOf', `must be a date YYYY-MM-DD, got ${JSON.stringify(request.asOf)}`);
  let runId: string;
  let idempotencyKey: string;
  if (request.reportType === 'daily') {
    idempotencyKey = dailyIdempotencyKey(request.asOf, await resolveParamsVersion(deps, request));
    runId = dailyRunId(request.asOf, idempotencyKey);
  } else {
    const suffix = deps.newRunSuffix();
    if (!SUFFIX.test(suffix))
      throw new RangeError(`a run id suffix must be 1–32 of a–z 0–9, got "${suffix}"`);
    runId = `${request.asOf}-adhoc-${suffix}`;
    idempotencyKey = `on-demand#${runId}`;
  }
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
