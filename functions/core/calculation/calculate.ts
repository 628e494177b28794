/**
 * Use case: the whole calculation on four documents (MODEL.md §1–§8). Validates the inputs
 * (rejecting bad records with their paths), then computes the margin block, every
 * scenario × regime cascade, and the reverse stress thresholds.
 */
import type { IsoDate } from '../dates.js';
import {
  ContagionEngine,
  type EngineParts,
  lossFigures,
  type ScenarioRun,
  topIndices,
} from '../engine/engine.js';
import type { ReverseStressSide } from '../engine/reverse-stress.js';
import type { Book } from '../model/book.js';
import type { Market } from '../model/market.js';
import type { Regime, RiskParams } from '../model/params.js';
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
    ...lossFigures(run),
    halted: crypto
      .filter((a) => outcome.halted[a] === 1)
      .map((a) => universe.symbols[a]!)
      .sort(),
    scenarioName: scenario.name,
    topClients: { byLoss, byUncovered },
    trace,
  };
}

/**
 * One independent piece of the calculation after preparation: a scenario × regime run (by its
 * position in the result's `runs`, scenarios outer, regimes inner) or one reverse-stress side.
 * Tasks share nothing mutable, so they may run in any order or in parallel (see
 * functions/adapters/worker-pool-calculator.ts) and assemble to the same result.
 */
export type CalculationTask =
  | { readonly kind: 'run'; readonly index: number }
  | { readonly kind: 'reverse-stress'; readonly side: ReverseStressSide };

export type TaskOutput =
  | { readonly kind: 'run'; readonly index: number; readonly run: RunRecord }
  | { readonly kind: 'reverse-stress'; readonly side: ReverseStressSide; readonly threshold: number | null };

/** Validated inputs, the engine built on them, and the result's parts that precede the tasks. */
export interface PreparedCalculation {
  readonly inputs: ValidatedInputs;
  readonly engine: ContagionEngine;
  readonly margin: Partial<Record<Regime, MarginBlock>>;
  /** Every task, the reverse-stress sides first (the longest), then the runs in result order. */
  readonly tasks: readonly CalculationTask[];
}

export interface PrepareOptions extends CalculationOptions {
  /**
   * Leave `margin` empty (add it later with withMarginBlock): the worker pool hands the
   * engine's parts to its threads before the margin block is computed.
   */
  readonly skipMargin?: boolean;
}

export function prepareCalculation(
  documents: CalculationDocuments,
  options: PrepareOptions = {},
): PreparedCalculation {
  const progress = options.onProgress ?? (() => {});
  progress({ phase: 'validate', done: 0, total: 1 });
  const inputs = validateInputs(documents);
  progress({ phase: 'prepare', done: 0, total: 1 });
  const engine = new ContagionEngine(inputs.book, inputs.market, inputs.params);
  const prepared = { inputs, engine, margin: {}, tasks: taskList(inputs, options.skipReverseStress) };
  return options.skipMargin ? prepared : withMarginBlock(prepared, options);
}

/** The preparation with its margin block (MODEL.md §8) computed. */
export function withMarginBlock(
  prepared: PreparedCalculation,
  options: CalculationOptions = {},
): PreparedCalculation {
  const progress = options.onProgress ?? (() => {});
  const { engine } = prepared;
  const { regimes } = prepared.inputs.params;
  // as-is last: its units are then read from the standard and portfolio snapshots.
  const computed = new Map<Regime, MarginBlock>();
  const order = [...regimes.filter((r) => r !== 'as-is'), ...regimes.filter((r) => r === 'as-is')];
  order.forEach((regime, i) => {
    progress({ phase: 'margin', done: i, total: regimes.length, label: regime });
    computed.set(regime, engine.marginSummary(regime));
  });
  const margin: Partial<Record<Regime, MarginBlock>> = {};
  for (const regime of regimes) margin[regime] = computed.get(regime)!;
  return { ...prepared, margin };
}

function taskList(inputs: ValidatedInputs, skipReverseStress = false): CalculationTask[] {
  const tasks: CalculationTask[] = [];
  if (!skipReverseStress) {
    tasks.push({ kind: 'reverse-stress', side: 'down' }, { kind: 'reverse-stress', side: 'up' });
  }
  const runCount = inputs.scenarios.length * inputs.params.regimes.length;
  for (let index = 0; index < runCount; index++) tasks.push({ kind: 'run', index });
  return tasks;
}

/**
 * What another thread needs to run the tasks of a preparation without validating the book
 * again: the small documents (market, params, scenarios, validated again there), the book's
 * header and client ids, and the engine's parts (typed arrays). Structured-cloneable.
 */
export interface PreparationTransfer {
  readonly market: unknown;
  readonly params: unknown;
  readonly scenarios: unknown;
  readonly book: {
    readonly asOf: IsoDate;
    readonly insuranceFund: number;
    readonly clientIds: readonly string[];
  };
  readonly parts: EngineParts;
  readonly dataQuality: DataQuality;
  readonly skipReverseStress: boolean;
}

export function transferOf(
  documents: CalculationDocuments,
  prepared: PreparedCalculation,
): PreparationTransfer {
  const { book, dataQuality } = prepared.inputs;
  return {
    market: documents.market,
    params: documents.params,
    scenarios: documents.scenarios,
    book: { asOf: book.asOf, insuranceFund: book.insuranceFund, clientIds: book.clients.map((c) => c.id) },
    parts: prepared.engine.parts,
    dataQuality,
    skipReverseStress: !prepared.tasks.some((task) => task.kind === 'reverse-stress'),
  };
}

/**
 * The preparation a transfer describes, for running tasks only: same engine, same tasks, no
 * margin block; its book holds the clients' ids without their records.
 */
export function prepareFromTransfer(transfer: PreparationTransfer): PreparedCalculation {
  const params = validateParams(transfer.params);
  const log = new ValidationLog();
  const market = validateMarket(transfer.market, log).market;
  const scenarios = validateScenarios(transfer.scenarios, market, log).scenarios;
  const book: Book = {
    asOf: transfer.book.asOf,
    insuranceFund: transfer.book.insuranceFund,
    clients: transfer.book.clientIds.map((id) => ({ id, subaccounts: [] })),
  };
  const inputs: ValidatedInputs = { book, market, params, scenarios, log, dataQuality: transfer.dataQuality };
  const engine = new ContagionEngine(book, market, params, true, transfer.parts);
  return { inputs, engine, margin: {}, tasks: taskList(inputs, transfer.skipReverseStress) };
}

/** A human label for progress lines. */
export function describeTask(prepared: PreparedCalculation, task: CalculationTask): string {
  if (task.kind === 'reverse-stress') return `reverse stress ${task.side}`;
  const { scenarios, params } = prepared.inputs;
  const scenario = scenarios[Math.floor(task.index / params.regimes.length)]!;
  return `${scenario.id} / ${params.regimes[task.index % params.regimes.length]}`;
}

export function runTask(prepared: PreparedCalculation, task: CalculationTask): TaskOutput {
  const { engine, inputs } = prepared;
  if (task.kind === 'reverse-stress') {
    return { kind: 'reverse-stress', side: task.side, threshold: engine.reverseStressSide(task.side) };
  }
  const { regimes } = inputs.params;
  const scenario = inputs.scenarios[Math.floor(task.index / regimes.length)];
  const regime = regimes[task.index % regimes.length];
  if (!scenario || !regime) throw new RangeError(`no run ${task.index} in this calculation`);
  const run = runRecord(engine, scenario, engine.runScenario(scenario, regime, { trace: true }));
  return { kind: 'run', index: task.index, run };
}

/** The result from a preparation and the output of every one of its tasks (in any order). */
export function assembleResult(
  prepared: PreparedCalculation,
  outputs: readonly TaskOutput[],
): CalculationResult {
  const { inputs, margin, tasks } = prepared;
  const runs: RunRecord[] = [];
  const reverseStress: { down: number | null; up: number | null } = { down: null, up: null };
  let expected = tasks.length;
  for (const output of outputs) {
    if (output.kind === 'run') runs[output.index] = output.run;
    else reverseStress[output.side] = output.threshold;
    expected--;
  }
  const runCount = tasks.filter((task) => task.kind === 'run').length;
  if (expected !== 0 || runs.length !== runCount || runs.includes(undefined as unknown as RunRecord)) {
    throw new RangeError(`incomplete calculation: ${outputs.length} task outputs for ${tasks.length} tasks`);
  }
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

/** The whole calculation in this thread: prepare, every task in order, assemble. */
export function calculate(
  documents: CalculationDocuments,
  options: CalculationOptions = {},
): CalculationResult {
  const progress = options.onProgress ?? (() => {});
  const prepared = prepareCalculation(documents, options);
  const outputs: TaskOutput[] = [];
  const runTotal = prepared.tasks.length - (options.skipReverseStress ? 0 : 2);
  // Runs first, then reverse stress, so that progress reads in the result's order.
  const ordered = [
    ...prepared.tasks.filter((task) => task.kind === 'run'),
    ...prepared.tasks.filter((task) => task.kind === 'reverse-stress'),
  ];
  for (const task of ordered) {
    if (task.kind === 'run') {
      progress({
        phase: 'scenarios',
        done: task.index,
        total: runTotal,
        label: describeTask(prepared, task),
      });
    } else {
      progress({ phase: 'reverse-stress', done: task.side === 'down' ? 0 : 1, total: 2, label: task.side });
    }
    outputs.push(runTask(prepared, task));
  }
  return assembleResult(prepared, outputs);
}
