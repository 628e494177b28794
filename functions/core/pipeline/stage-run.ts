/**
 * Use case (step `stage`): read the run's inputs once — the snapshot of its business date, the
 * parameters (the request's override or the active set), the scenarios (library ids, then
 * inline ones) — narrow them as the request asks (clients, regimes), store them as text in the
 * staging store with the snapshot items the source rejected, and plan the compute chunks.
 */
import type { CalculationTask } from '../calculation/calculate.js';
import type { Regime } from '../model/params.js';
import type { RecordCount, RejectedRecord } from '../model/rejection.js';
import type { PositionSnapshot, RejectedItem } from '../ports/position-source.js';
import { RunStateConflictError } from '../ports/run-state-store.js';
import { sha256Hex } from '../report/sha256.js';
import { findScenarioById } from '../scenarios/library.js';
import { validateParams } from '../validation/validate-params.js';
import type { RunRef, RunRequest, RunState, StageOutput } from './contracts.js';
import type { PipelineDeps } from './deps.js';
import { RunRequestInputError } from './pipeline-errors.js';
import { prepareStaged } from './prepared-cache.js';
import { elapsedMs, withTiming } from './run-steps.js';
import {
  type ComputePlan,
  type DocumentTexts,
  putDocumentTexts,
  putPlan,
  putSourceRejections,
  type StagedSourceRejections,
} from './staged-run.js';

/** Ids listed in an error message before "and N more". */
const LISTED_IDS = 20;

function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, LISTED_IDS).join(', ');
  return ids.length > LISTED_IDS ? `${shown} and ${ids.length - LISTED_IDS} more` : shown;
}

/** Moves a queued run to running (a retried stage finds it running and goes on). */
async function startRun(deps: PipelineDeps, runId: string, now: string): Promise<RunState> {
  const state = await deps.runs.get(runId);
  if (state.status === 'running') return state;
  if (state.status !== 'queued') throw new RunStateConflictError(runId, ['queued', 'running'], state.status);
  return deps.runs.update(runId, ['queued'], { status: 'running', startedAt: now });
}

/**
 * The kind of a rejected snapshot item, from its key `<partition key> / <sort key>` (see
 * functions/adapters/DYNAMODB-DESIGN.md): sort keys `MARKET#…` are market assets,
 * `CLIENT#…#VENUE#…` subaccounts; anything else (a client without subaccounts, an item that is
 * not a snapshot item) is counted with the clients.
 */
function kindOfRejectedItem(item: RejectedItem): 'marketAssets' | 'subaccounts' | 'clients' {
  const sortKey = item.key.slice(item.key.indexOf(' / ') + 3);
  if (sortKey.startsWith('MARKET#')) return 'marketAssets';
  if (sortKey.startsWith('CLIENT#') && sortKey.includes('#VENUE#')) return 'subaccounts';
  return 'clients';
}

function sourceRejections(items: readonly RejectedItem[]): StagedSourceRejections {
  const counts = { marketAssets: 0, clients: 0, subaccounts: 0 };
  const rejected = items.map((item): RejectedRecord => {
    const kind = kindOfRejectedItem(item);
    counts[kind]++;
    return {
      document: kind === 'marketAssets' ? 'market' : 'book',
      path: item.key,
      reason: `stored item rejected: ${item.reason}`,
      ...(item.clientId === undefined ? {} : { clientId: item.clientId }),
    };
  });
  const all = (n: number): RecordCount => ({ received: n, accepted: 0, rejected: n });
  return {
    rejected,
    counts: {
      marketAssets: all(counts.marketAssets),
      clients: all(counts.clients),
      subaccounts: all(counts.subaccounts),
    },
  };
}

/** The snapshot's book (and the rejected items) narrowed to the request's clients. */
function selectClients(snapshot: PositionSnapshot, clientIds: readonly string[] | undefined) {
  if (clientIds === undefined) return { book: snapshot.book, rejected: snapshot.rejected };
  const known = new Set(snapshot.book.clients.map((client) => client.id));
  for (const item of snapshot.rejected) if (item.clientId !== undefined) known.add(item.clientId);
  const unknown = [...new Set(clientIds)].filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new RunRequestInputError(
      'clientIds',
      `no client ${listIds(unknown)} in the snapshot of ${snapshot.asOf}`,
    );
  const wanted = new Set(clientIds);
  return {
    book: { ...snapshot.book, clients: snapshot.book.clients.filter((client) => wanted.has(client.id)) },
    rejected: snapshot.rejected.filter((item) => item.clientId === undefined || wanted.has(item.clientId)),
  };
}

/** The parameter document and its text: the override or the active set, narrowed to the requested regimes. */
async function selectParams(deps: PipelineDeps, request: RunRequest) {
  const { text, document } =
    request.paramsOverride !== undefined
      ? { text: JSON.stringify(request.paramsOverride), document: request.paramsOverride }
      : await deps.params.readActiveParams();
  if (request.regimes === undefined) return text;
  const available = validateParams(document).regimes;
  const unknown = request.regimes.filter((regime) => !available.includes(regime));
  if (unknown.length > 0)
    throw new RunRequestInputError(
      'regimes',
      `${unknown.join(', ')} not in the parameters' regimes (${available.join(', ')})`,
    );
  const wanted = new Set<Regime>(request.regimes);
  if (wanted.size === 0) throw new RunRequestInputError('regimes', 'must name at least one regime');
  return JSON.stringify({
    ...(document as Record<string, unknown>),
    regimes: available.filter((regime) => wanted.has(regime)),
  });
}

/** The scenario document: library scenarios by id (the default set when none is asked for), then inline ones. */
function selectScenarios(deps: PipelineDeps, request: RunRequest): string {
  const inline = request.inlineScenarios ?? [];
  const ids = request.scenarioIds ?? (inline.length > 0 ? [] : deps.defaultScenarioIds);
  const unknown = ids.filter((id) => findScenarioById(id) === undefined);
  if (unknown.length > 0)
    throw new RunRequestInputError('scenarioIds', `no library scenario ${listIds(unknown)}`);
  const scenarios = [...ids.map((id) => findScenarioById(id)!), ...inline];
  if (scenarios.length === 0) throw new RunRequestInputError('scenarioIds', 'the run has no scenario');
  return JSON.stringify({ scenarios });
}

/** Chunks of at most `chunkTasks` tasks; each reverse-stress side (the longest tasks) alone, first. */
export function planChunks(tasks: readonly CalculationTask[], chunkTasks: number): CalculationTask[][] {
  if (!Number.isInteger(chunkTasks) || chunkTasks < 1)
    throw new RangeError(`chunkTasks must be a whole number ≥ 1, got ${chunkTasks}`);
  const chunks: CalculationTask[][] = tasks.filter((t) => t.kind === 'reverse-stress').map((t) => [t]);
  const runs = tasks.filter((t) => t.kind === 'run');
  for (let i = 0; i < runs.length; i += chunkTasks) chunks.push(runs.slice(i, i + chunkTasks));
  return chunks;
}

export async function stageRun(deps: PipelineDeps, input: RunRef): Promise<StageOutput> {
  const started = deps.clock.nowIso();
  const state = await startRun(deps, input.runId, started);
  const { request } = state;
  const snapshot = await deps.positions.readSnapshot(state.asOf);
  const { book, rejected } = selectClients(snapshot, request.clientIds);
  const texts: DocumentTexts = {
    book: JSON.stringify(book),
    market: JSON.stringify(snapshot.market),
    params: await selectParams(deps, request),
    scenarios: selectScenarios(deps, request),
  };
  const digests = {
    book: sha256Hex(texts.book),
    market: sha256Hex(texts.market),
    params: sha256Hex(texts.params),
    scenarios: sha256Hex(texts.scenarios),
  };
  const prepared = await prepareStaged(deps.preparedCalculations, state.runId, digests, () => texts);
  const chunks = planChunks(prepared.tasks, deps.chunkTasks);
  const plan: ComputePlan = { chunks, taskCount: prepared.tasks.length, digests };
  await Promise.all([
    putDocumentTexts(deps.staging, state.runId, texts),
    putSourceRejections(deps.staging, state.runId, sourceRejections(rejected)),
    putPlan(deps.staging, state.runId, plan),
  ]);
  await deps.runs.update(state.runId, ['running'], {
    chunks: chunks.length,
    timings: withTiming(state, 'stage', elapsedMs(started, deps.clock.nowIso())),
  });
  return {
    runId: state.runId,
    asOf: state.asOf,
    reportType: state.reportType,
    chunkIds: chunks.map((_, i) => i),
    taskCount: plan.taskCount,
  };
}
