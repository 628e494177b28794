/**
 * Use case: the whole calculation on four documents (MODEL.md §1–§8). Validates the inputs
 * (rejecting bad records with their paths), then computes the margin block, every
 * scenario × regime cascade, and the reverse stress thresholds.
 */
import { ContagionEngine, type ScenarioRun, topIndices } from '../engine/engine.js';
import type { Book } from '../model/book.js';
import type { Market } from '../model/market.js';
import type { RiskParams } from '../model/params.js';
import { ValidationLog } from '../model/rejection.js';
import type { Scenario } from '../model/scenario.js';
import { validateBook } from '../validation/validate-book.js';
import { validateMarket } from '../validation/validate-market.js';
import { requireParamsFor, validateParams } from '../validation/validate-params.js';
import { validateScenarios } from '../validation/validate-scenarios.js';
import {
  type CalculationResult,
  type ClientLoss,
  type DataQuality,
  type MarginBlock,
  MODEL_VERSION,
  type RoundRecord,
  type RunRecord,
} from './result.js';

export interface CalculationDocuments {
  readonly book: unknown;
  readonly market: unknown;
  readonly params: unknown;
  readonly scenarios: unknown;
}

export type CalculationPhase = 'validate' | 'prepare' | 'margin' | 'scenarios' | 'reverse-stress';

export interface CalculationProgress {
  readonly phase: CalculationPhase;
  readonly done: number;
  readonly total: number;
  readonly label?: string;
}

export interface CalculationOptions {
  readonly onProgress?: (progress: CalculationProgress) => void;
  /** Skip the reverse stress search (both sides null). Default: run it. */
  readonly skipReverseStress?: boolean;
}

export interface ValidatedInputs {
  readonly book: Book;
  readonly market: Market;
  readonly params: RiskParams;
  readonly scenarios: readonly Scenario[];
  readonly log: ValidationLog;
  readonly dataQuality: DataQuality;
}

/** Validation of all four documents (MODEL.md §1.4). Throws for what cannot be skipped. */
export function validateInputs(documents: CalculationDocuments): ValidatedInputs {
  const params = validateParams(documents.params);
  const log = new ValidationLog();
  const market = validateMarket(documents.market, log);
  requireParamsFor(
    params,
    market.market.assets.filter((a) => a.kind === 'crypto').map((a) => a.symbol),
  );
  const book = validateBook(documents.book, market.market, market.rejectedAssets, log);
  const scenarios = validateScenarios(documents.scenarios, market.market, log);
  const marketCount = market.received;
  return {
    book: book.book,
    market: market.market,
    params,
    scenarios: scenarios.scenarios,
    log,
    dataQuality: {
      marketAssets: {
        received: marketCount,
        accepted: market.market.assets.length,
        rejected: marketCount - market.market.assets.length,
      },
      ...book.counts,
      scenarios: scenarios.count,
    },
  };
}

const TOP_CLIENTS = 10;

function assetRecord(symbols: readonly string[], indices: readonly number[], values: ArrayLike<number>) {
  const record: Record<string, number> = {};
  for (const a of indices) record[symbols[a]!] = values[a]! + 0; // + 0 turns −0 into 0
  return record;
}

function runRecord(engine: ContagionEngine, scenario: Scenario, run: ScenarioRun): RunRecord {
  const { universe, book } = engine;
  const crypto = universe.cryptoIndices;
  const everyAsset = universe.symbols.map((_, a) => a).filter((a) => a !== universe.usdIndex);
  const { outcome } = run;
  const { loss, uncovered, liquidatedUnits } = run.clients;
  const toLoss = (c: number): ClientLoss => ({
    clientId: book.clients[c]!.id,
    loss: loss[c]!,
    uncovered: uncovered[c]!,
    liquidatedUnits: liquidatedUnits[c]!,
  });
  const byLoss = topIndices(loss, TOP_CLIENTS, (value) => value > 0).map(toLoss);
  const byUncovered = topIndices(uncovered, TOP_CLIENTS, (value) => value > 0).map(toLoss);
  const trace: RoundRecord[] = outcome.trace.map((round) => ({
    round: round.round,
    liquidatedUnits: round.liquidatedUnits,
    prices: assetRecord(universe.symbols, everyAsset, round.prices),
    flowUsd: assetRecord(universe.symbols, crypto, round.flow),
    unitsClosed: assetRecord(universe.symbols, crypto, round.unitsClosed),
    cumulativeBadDebt: round.cumulativeBadDebt,
  }));
  return {
    scenario: scenario.id,
    regime: run.regime,
    rounds: outcome.rounds,
    marginCalled: outcome.marginCalled,
    liquidatedUnits: outcome.liquidatedUnits,
    liquidationFlowUsd: assetRecord(universe.symbols, crypto, outcome.flow),
    finalPrices: assetRecord(universe.symbols, everyAsset, outcome.finalPrices),
    badDebt: run.badDebt,
    insuranceFundUsed: run.insuranceFundUsed,
    adl: run.adl,
    cover1: run.cover1,
    cover2: run.cover2,
    totalLoss: run.totalLoss,
    halted: crypto
      .filter((a) => outcome.halted[a] === 1)
      .map((a) => universe.symbols[a]!)
      .sort(),
    scenarioName: scenario.name,
    topClients: { byLoss, byUncovered },
    trace,
  };
}

export function calculate(
  documents: CalculationDocuments,
  options: CalculationOptions = {},
): CalculationResult {
  const progress = options.onProgress ?? (() => {});
  progress({ phase: 'validate', done: 0, total: 1 });
  const inputs = validateInputs(documents);
  progress({ phase: 'prepare', done: 0, total: 1 });
  const engine = new ContagionEngine(inputs.book, inputs.market, inputs.params);
  const { regimes } = inputs.params;

  const margin: Partial<Record<(typeof regimes)[number], MarginBlock>> = {};
  regimes.forEach((regime, i) => {
    progress({ phase: 'margin', done: i, total: regimes.length, label: regime });
    margin[regime] = engine.marginSummary(regime);
  });

  const runs: RunRecord[] = [];
  const total = inputs.scenarios.length * regimes.length;
  for (const scenario of inputs.scenarios) {
    for (const regime of regimes) {
      progress({ phase: 'scenarios', done: runs.length, total, label: `${scenario.id} / ${regime}` });
      runs.push(runRecord(engine, scenario, engine.runScenario(scenario, regime, { trace: true })));
    }
  }

  progress({ phase: 'reverse-stress', done: 0, total: 1 });
  const reverseStress = options.skipReverseStress ? { down: null, up: null } : engine.reverseStress();

  return {
    asOf: inputs.book.asOf,
    modelVersion: MODEL_VERSION,
    paramsVersion: inputs.params.version,
    insuranceFund: inputs.book.insuranceFund,
    margin,
    runs,
    reverseStress,
    rejected: inputs.log.rejected,
    warnings: inputs.log.warnings,
    dataQuality: inputs.dataQuality,
  };
}
