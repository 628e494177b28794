/**
 * Use case: the risk report of one run (see report-model.ts), from the calculation result, the
 * book exposure computed beside it, the parameters and scenarios the run used, and the inputs'
 * identity. Nothing is re-read or re-computed from the book here, and nothing reads a clock:
 * `generatedAt` is passed in. Same arguments → the same report, key for key.
 */

import type { CalculationResult, RunRecord } from '../calculation/result.js';
import { parseIsoDate } from '../dates.js';
import { lossFigures } from '../engine/engine.js';
import type { Regime, RiskParams } from '../model/params.js';
import { ALL_CRYPTO, NO_SHOCK, type Scenario } from '../model/scenario.js';
import type { BookExposure } from './book-exposure.js';
import { compareReports } from './day-over-day.js';
import { describeMethodology } from './methodology.js';
import { ReportInputError } from './report-errors.js';
import {
  type ClientWorstRun,
  type CoverFigures,
  type DataQualityReport,
  type EffectiveShock,
  type ExecutiveSummary,
  type MarketLine,
  REPORT_SCHEMA_VERSION,
  type ReasonCount,
  type RecordCountLine,
  type RegimeMargin,
  type ReportIdentity,
  type RiskReport,
  type RoundLine,
  type ScenarioReport,
  type ScenarioRunReport,
  type ShockEntry,
  type TopClients,
  type WorstRun,
} from './report-model.js';
import { sha256Hex } from './sha256.js';

export const DEFAULT_CLASSIFICATION = 'Confidential — risk management';

export interface ReportIdentityInput {
  readonly runId: string;
  /** ISO 8601 UTC instant, e.g. `2026-11-30T06:15:00Z` or `2026-11-30T06:15:00.123Z`. */
  readonly generatedAt: string;
  readonly codeVersion: string;
  readonly classification?: string;
  /** SHA-256 (hex) of each input document's bytes, computed where the bytes were read. */
  readonly inputDigests: {
    readonly book: string;
    readonly market: string;
    readonly params: string;
    readonly scenarios: string;
  };
}

export interface ReportLimits {
  /** Rejected records listed one by one (default 200); all are counted. */
  readonly rejectedListed?: number;
  /** Warnings listed one by one (default 200). */
  readonly warningsListed?: number;
  /** Distinct rejection reasons listed (default 50). */
  readonly reasons?: number;
  /** Clients per top-clients ranking (default 10). */
  readonly topClients?: number;
}

export interface RiskReportInput {
  readonly result: CalculationResult;
  readonly exposure: BookExposure;
  /** The validated parameters the run used (for the methodology appendix). */
  readonly params: RiskParams;
  /** The validated scenarios the run used (for their shocks). */
  readonly scenarios: readonly Scenario[];
  readonly identity: ReportIdentityInput;
  /** The previous business day's report, for the day-over-day section. */
  readonly previous?: RiskReport | null;
  readonly limits?: ReportLimits;
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?Z$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
// Printable text without control characters: identities end up in file names, headers and PDFs.
const LABEL = /^[^\p{Cc}]+$/u;

function requireLabel(value: string, field: string): string {
  if (typeof value !== 'string' || value.trim() === '' || !LABEL.test(value))
    throw new ReportInputError(field, 'must be a non-empty string without control characters');
  return value;
}

function buildIdentity(input: RiskReportInput): ReportIdentity {
  const { identity, result } = input;
  const match = INSTANT.exec(identity.generatedAt);
  if (!match || !parseIsoDate(match[1]))
    throw new ReportInputError('generatedAt', `must be an ISO 8601 UTC instant, got ${identity.generatedAt}`);
  const digests = identity.inputDigests;
  const documents = ['book', 'market', 'params', 'scenarios'] as const;
  for (const name of documents) {
    if (!SHA256_HEX.test(digests[name]))
      throw new ReportInputError(`inputDigests.${name}`, 'must be a SHA-256 digest in lowercase hex');
  }
  const combined = documents.map((name) => `${name} ${digests[name]}\n`).join('');
  return {
    asOf: result.asOf,
    generatedAt: identity.generatedAt,
    runId: requireLabel(identity.runId, 'runId'),
    codeVersion: requireLabel(identity.codeVersion, 'codeVersion'),
    modelVersion: result.modelVersion,
    paramsVersion: result.paramsVersion,
    classification: requireLabel(identity.classification ?? DEFAULT_CLASSIFICATION, 'classification'),
    inputs: {
      book: { sha256: digests.book },
      market: { sha256: digests.market },
      params: { sha256: digests.params },
      scenarios: { sha256: digests.scenarios },
    },
    inputsDigest: sha256Hex(combined),
  };
}

/** Largest bad debt; ties → larger total loss; then the earlier run (scenario order). */
function worstOf(runs: readonly RunRecord[]): RunRecord | undefined {
  let worst: RunRecord | undefined;
  for (const run of runs) {
    if (
      !worst ||
      run.badDebt > worst.badDebt ||
      (run.badDebt === worst.badDebt && run.totalLoss > worst.totalLoss)
    )
      worst = run;
  }
  return worst;
}

/** The run with the largest value (first one on ties), and that value; 0 and null when none is > 0. */
function largest(runs: readonly RunRecord[], value: (run: RunRecord) => number) {
  let best: RunRecord | undefined;
  for (const run of runs) if (value(run) > 0 && (!best || value(run) > value(best))) best = run;
  return { value: best ? value(best) : 0, scenario: best?.scenario ?? null };
}

function buildSummary(
  result: CalculationResult,
  exposure: BookExposure,
  regimes: readonly Regime[],
): ExecutiveSummary {
  const fund = result.insuranceFund;
  const runsOf = (regime: Regime) => result.runs.filter((r) => r.regime === regime);
  const worstByRegime: WorstRun[] = regimes.flatMap((regime) => {
    const run = worstOf(runsOf(regime));
    if (!run) return [];
    return [
      {
        regime,
        scenario: run.scenario,
        scenarioName: run.scenarioName,
        rounds: run.rounds,
        liquidatedUnits: run.liquidatedUnits,
        ...lossFigures(run),
        badDebtToFund: fund > 0 ? run.badDebt / fund : null,
      },
    ];
  });
  const cover: CoverFigures[] = regimes.map((regime) => {
    const runs = runsOf(regime);
    const c1 = largest(runs, (r) => r.cover1);
    const c2 = largest(runs, (r) => r.cover2);
    return {
      regime,
      cover1: c1.value,
      cover1Scenario: c1.scenario,
      cover2: c2.value,
      cover2Scenario: c2.scenario,
      coverageRatio: c2.value > 0 ? fund / c2.value : null,
    };
  });
  return {
    headlineRegime: regimes.includes('as-is') ? 'as-is' : regimes[0]!,
    insuranceFund: fund,
    worstByRegime,
    cover,
    reverseStress: { down: result.reverseStress.down, up: result.reverseStress.up },
    marginCalledToday: regimes.map((regime) => ({
      regime,
      clients: exposure.clientCounts.find((c) => c.regime === regime)?.marginCalledClients ?? 0,
      units: result.margin[regime]?.marginCalled ?? 0,
    })),
  };
}

function buildMargin(result: CalculationResult, exposure: BookExposure, regimes: readonly Regime[]) {
  const standard = result.margin.standard;
  return regimes.flatMap((regime): RegimeMargin[] => {
    const block = result.margin[regime];
    if (!block) return [];
    const counts = exposure.clientCounts.find((c) => c.regime === regime);
    const imSaved = standard ? standard.im - block.im : null;
    return [
      {
        regime,
        units: block.units,
        im: block.im,
        mm: block.mm,
        marginCalledUnits: block.marginCalled,
        marginCalledClients: counts?.marginCalledClients ?? 0,
        liquidatableUnits: block.liquidatable,
        liquidatableClients: counts?.liquidatableClients ?? 0,
        imSavedVsStandard: imSaved === null ? null : imSaved + 0,
        imSavedVsStandardFraction:
          imSaved !== null && standard && standard.im > 0 ? imSaved / standard.im : null,
        mmSavedVsStandard: standard ? standard.mm - block.mm + 0 : null,
      },
    ];
  });
}

function shockEntries(scenario: Scenario): ShockEntry[] {
  const entries = [...scenario.shocks.entries()];
  const named = entries.filter(([asset]) => asset !== ALL_CRYPTO);
  const star = entries.filter(([asset]) => asset === ALL_CRYPTO);
  return [...named, ...star].map(([asset, s]) => ({
    asset,
    shock: s.shock,
    vol: s.vol,
    liquidity: s.liquidity,
  }));
}

/** MODEL.md §6 round 0, per market asset: what the engine applies (stablecoins: price only). */
function effectiveShocks(scenario: Scenario, market: readonly MarketLine[]): EffectiveShock[] {
  const star = scenario.shocks.get(ALL_CRYPTO);
  return market.map((line) => {
    const named = scenario.shocks.get(line.asset);
    if (line.kind === 'crypto') {
      const shock = named ?? star ?? NO_SHOCK;
      return {
        asset: line.asset,
        source: named ? 'named' : star ? 'all-crypto' : 'none',
        shock: shock.shock,
        vol: shock.vol,
        liquidity: shock.liquidity,
        shockedPrice: line.price * (1 + shock.shock),
      };
    }
    const shock = named?.shock ?? 0;
    return {
      asset: line.asset,
      source: named ? 'named' : 'none',
      shock,
      vol: 0,
      liquidity: 1,
      shockedPrice: line.price * (1 + shock),
    };
  });
}

function runReport(run: RunRecord, market: readonly MarketLine[]): ScenarioRunReport {
  const halted = new Set(run.halted);
  const unitsClosed = new Map<string, number>();
  for (const round of run.trace) {
    for (const [asset, units] of Object.entries(round.unitsClosed))
      unitsClosed.set(asset, (unitsClosed.get(asset) ?? 0) + units);
  }
  const trace: RoundLine[] = run.trace.map((round) => {
    let gross = 0;
    for (const flow of Object.values(round.flowUsd)) gross += Math.abs(flow);
    return {
      round: round.round,
      liquidatedUnits: round.liquidatedUnits,
      grossFlowUsd: gross,
      cumulativeBadDebt: round.cumulativeBadDebt,
      assets: market.map((line) => ({
        asset: line.asset,
        price: round.prices[line.asset] ?? line.price,
        flowUsd: round.flowUsd[line.asset] ?? null,
        unitsClosed: round.unitsClosed[line.asset] ?? null,
      })),
    };
  });
  return {
    regime: run.regime,
    rounds: run.rounds,
    marginCalled: run.marginCalled,
    liquidatedUnits: run.liquidatedUnits,
    ...lossFigures(run),
    halted: [...run.halted],
    assets: market.map((line) => {
      const finalPrice = run.finalPrices[line.asset] ?? line.price;
      const crypto = line.kind === 'crypto';
      return {
        asset: line.asset,
        flowUsd: crypto ? (run.liquidationFlowUsd[line.asset] ?? 0) : null,
        unitsClosed: crypto ? (unitsClosed.get(line.asset) ?? 0) + 0 : null,
        finalPrice,
        moveFromToday: finalPrice / line.price - 1,
        halted: halted.has(line.asset),
      };
    }),
    trace,
  };
}

function buildScenarios(input: RiskReportInput, market: readonly MarketLine[]): ScenarioReport[] {
  const { result, scenarios } = input;
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const order: string[] = [];
  const runsById = new Map<string, RunRecord[]>();
  for (const run of result.runs) {
    let runs = runsById.get(run.scenario);
    if (!runs) {
      runs = [];
      runsById.set(run.scenario, runs);
      order.push(run.scenario);
    }
    runs.push(run);
  }
  return order.map((id) => {
    const scenario = byId.get(id);
    if (!scenario)
      throw new ReportInputError('scenarios', `the result has runs of scenario ${id}, which is not given`);
    return {
      id,
      name: scenario.name,
      kind: scenario.kind,
      window: scenario.window ? [...scenario.window] : null,
      shocks: shockEntries(scenario),
      effective: effectiveShocks(scenario, market),
      runs: runsById.get(id)!.map((run) => runReport(run, market)),
    };
  });
}

/**
 * Each client's worst run, ranked. The per-run lists hold that run's ten largest (> 0), and
 * their union is enough: a client among the overall ten largest worst-run values, worst in run
 * r, has fewer than ten clients above it in r (each of those would rank above it overall), so
 * it is in r's list. Exact when `count` ≤ the per-run list length (ties at the cut aside).
 */
function rankWorstRuns(
  result: CalculationResult,
  key: 'loss' | 'uncovered',
  count: number,
): ClientWorstRun[] {
  const worst = new Map<string, ClientWorstRun>();
  for (const run of result.runs) {
    const list = key === 'loss' ? run.topClients.byLoss : run.topClients.byUncovered;
    for (const client of list) {
      const known = worst.get(client.clientId);
      if (known && known[key] >= client[key]) continue;
      worst.set(client.clientId, {
        clientId: client.clientId,
        scenario: run.scenario,
        regime: run.regime,
        loss: client.loss,
        uncovered: client.uncovered,
        liquidatedUnits: client.liquidatedUnits,
      });
    }
  }
  return [...worst.values()]
    .filter((c) => c[key] > 0)
    .sort((a, b) => b[key] - a[key] || (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0))
    .slice(0, count);
}

function buildTopClients(result: CalculationResult, count: number): TopClients {
  return {
    byLoss: rankWorstRuns(result, 'loss', count),
    byUncovered: rankWorstRuns(result, 'uncovered', count),
  };
}

const RECORD_KINDS: readonly RecordCountLine['record'][] = [
  'marketAssets',
  'clients',
  'subaccounts',
  'positions',
  'collateral',
  'scenarios',
];

function buildDataQuality(result: CalculationResult, limits: ReportLimits): DataQualityReport {
  const rejectedListed = Math.min(result.rejected.length, limits.rejectedListed ?? 200);
  const groups = new Map<string, ReasonCount>();
  for (const record of result.rejected) {
    const key = `${record.document}\u0000${record.reason}`;
    const group = groups.get(key);
    groups.set(key, { document: record.document, reason: record.reason, count: (group?.count ?? 0) + 1 });
  }
  const reasons = [...groups.values()]
    .sort(
      (a, b) =>
        b.count - a.count ||
        (a.document < b.document ? -1 : a.document > b.document ? 1 : 0) ||
        (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0),
    )
    .slice(0, limits.reasons ?? 50);
  return {
    counts: RECORD_KINDS.map((record) => {
      const count = result.dataQuality[record];
      return { record, received: count.received, accepted: count.accepted, rejected: count.rejected };
    }),
    rejectedTotal: result.rejected.length,
    reasons,
    rejected: result.rejected.slice(0, rejectedListed).map((r) => ({
      document: r.document,
      path: r.path,
      reason: r.reason,
      clientId: r.clientId ?? null,
      venue: r.venue ?? null,
    })),
    rejectedListed,
    warningsTotal: result.warnings.length,
    warnings: result.warnings
      .slice(0, limits.warningsListed ?? 200)
      .map((w) => ({ document: w.document, path: w.path, message: w.message })),
  };
}

export function buildRiskReport(input: RiskReportInput): RiskReport {
  const { result, exposure, params } = input;
  if (exposure.asOf !== result.asOf)
    throw new ReportInputError('exposure', `is as of ${exposure.asOf}, the result as of ${result.asOf}`);
  if (params.version !== result.paramsVersion)
    throw new ReportInputError(
      'params',
      `version ${params.version} is not the result's ${result.paramsVersion}`,
    );
  const previous = input.previous ?? null;
  if (previous && !(previous.identity.asOf < result.asOf))
    throw new ReportInputError(
      'previous',
      `is as of ${previous.identity.asOf}, which is not before this report's ${result.asOf}`,
    );
  const limits = input.limits ?? {};
  const regimes = params.regimes;
  const market = exposure.market.map((line) => ({ ...line }));

  const report: RiskReport = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    identity: buildIdentity(input),
    summary: buildSummary(result, exposure, regimes),
    margin: buildMargin(result, exposure, regimes),
    market,
    scenarios: buildScenarios(input, market),
    topClients: buildTopClients(result, limits.topClients ?? 10),
    concentration: exposure.concentration.map((c) => ({
      ...c,
      topClients: c.topClients.map((t) => ({ ...t })),
    })),
    dataQuality: buildDataQuality(result, limits),
    dayOverDay: null,
    methodology: describeMethodology(params, result.modelVersion),
  };
  return previous ? { ...report, dayOverDay: compareReports(previous, report) } : report;
}
