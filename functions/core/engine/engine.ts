/**
 * The calculation engine for one validated (book, market, params): builds the instrument
 * table and the margin units once, then answers margin, scenario and reverse-stress questions.
 * Inputs are never modified; every method is deterministic.
 */
import type { Book } from '../model/book.js';
import type { Market } from '../model/market.js';
import type { Regime, RiskParams } from '../model/params.js';
import type { Scenario } from '../model/scenario.js';
import { type AssetUniverse, buildAssetUniverse } from './asset-universe.js';
import {
  type CascadeOptions,
  type CascadeOutcome,
  CascadeScratch,
  type KnownSlack,
  type ModeRule,
  runCascade,
} from './cascade.js';
import { InstrumentRegistry, type InstrumentTable } from './instruments.js';
import {
  buildMarginUnits,
  indexPositions,
  type MarginUnits,
  PORTFOLIO_MODE,
  STANDARD_MODE,
} from './margin-units.js';
import { MarketState } from './market-state.js';
import {
  memoiseHolds,
  REVERSE_STRESS_GRIDS,
  type ReverseStressResult,
  type ReverseStressSide,
  searchThreshold,
} from './reverse-stress.js';
import { applyScenario, type ShockedMarket, uniformCryptoShock } from './scenario-shock.js';
import { buildSlackBounds, mixSlackBounds, type SlackBounds } from './slack-bounds.js';
import { emptyUnitMargin, UnitMarginCalculator } from './unit-margin.js';

export interface MarginSummary {
  readonly units: number;
  readonly im: number;
  readonly mm: number;
  readonly marginCalled: number;
  readonly liquidatable: number;
}

/** Per-unit figures at the unshocked market under one regime. */
export interface UnitSnapshot {
  readonly equity: Float64Array;
  readonly adjustedEquity: Float64Array;
  readonly im: Float64Array;
  readonly mm: Float64Array;
}

/** Per-client figures of one run, indexed like book.clients. */
export interface ClientOutcomes {
  /** E_before − E_after over the client's units (USD; gains negative). */
  readonly loss: Float64Array;
  /** The client's bad debt (USD ≥ 0). */
  readonly uncovered: Float64Array;
  /** How many of the client's units were liquidated. */
  readonly liquidatedUnits: Int32Array;
}

/** The loss waterfall of one run (MODEL.md §6 steps 6–8), in USD. */
export interface LossFigures {
  readonly badDebt: number;
  readonly insuranceFundUsed: number;
  readonly adl: number;
  readonly cover1: number;
  readonly cover2: number;
  readonly totalLoss: number;
}

/** Just the loss figures of `run`, in result order (for records built from a larger object). */
export function lossFigures(run: LossFigures): LossFigures {
  const { badDebt, insuranceFundUsed, adl, cover1, cover2, totalLoss } = run;
  return { badDebt, insuranceFundUsed, adl, cover1, cover2, totalLoss };
}

export interface ScenarioRun extends LossFigures {
  readonly regime: Regime;
  readonly outcome: CascadeOutcome;
  readonly clients: ClientOutcomes;
}

interface RegimeSetup {
  readonly units: MarginUnits;
  readonly calculator: UnitMarginCalculator;
  readonly modeRule: ModeRule;
  /** E per unit at the unshocked market. */
  readonly equityBefore: Float64Array;
  readonly bounds: SlackBounds;
}

/** The instrument table and both groupings of margin units of one book. */
export interface EngineParts {
  readonly instruments: InstrumentTable;
  readonly perVenue: MarginUnits;
  readonly perClient: MarginUnits;
}

/** How many reverse-stress round-1 starts an engine keeps (about 12 bytes per unit each). */
const REMEMBERED_STARTS = 4;

export class ContagionEngine {
  readonly universe: AssetUniverse;
  readonly instruments: InstrumentTable;
  readonly baseState: MarketState;
  private readonly perVenue: MarginUnits;
  private readonly perClient: MarginUnits;
  private readonly regimes = new Map<Regime, RegimeSetup>();
  private readonly boundsByMode = new Map<string, SlackBounds>();
  private readonly snapshots = new Map<string, UnitSnapshot>();
  private readonly calculators = new Map<MarginUnits, UnitMarginCalculator>();
  private readonly scratches = new Map<MarginUnits, CascadeScratch>();
  private asIsSlack: KnownSlack | undefined;
  /** Round-1 slack of the latest reverse-stress shocks (at most REMEMBERED_STARTS), by shock. */
  private readonly reverseStarts = new Map<number, KnownSlack>();
  private readonly holds = memoiseHolds((shock) => this.breachesInsuranceFund(shock));

  constructor(
    readonly book: Book,
    readonly market: Market,
    readonly params: RiskParams,
    /** Skip re-evaluating units provably far from liquidation (slack-bounds.ts); off = literal loop. */
    private readonly skipFarUnits = true,
    /**
     * The parts another engine built from the same book, market and params (`engine.parts`, as
     * a worker thread receives them): then `book` needs only asOf, insuranceFund and the
     * clients' ids, in order; their subaccounts are not read.
     */
    parts?: EngineParts,
  ) {
    this.universe = buildAssetUniverse(market, params);
    if (parts) {
      this.instruments = parts.instruments;
      this.perVenue = parts.perVenue;
      this.perClient = parts.perClient;
    } else {
      const registry = new InstrumentRegistry(book.asOf, market.rate);
      const instrumentOf = indexPositions(book, this.universe, registry);
      this.instruments = registry.freeze();
      this.perVenue = buildMarginUnits(book, this.universe, this.instruments, instrumentOf, 'venue');
      this.perClient = buildMarginUnits(book, this.universe, this.instruments, instrumentOf, 'client');
    }
    this.baseState = new MarketState(this.universe, this.instruments, this.universe.price, this.universe.vol);
  }

  /** What the engine built from the book's records: plain data (typed arrays, strings) a thread can be sent. */
  get parts(): EngineParts {
    return { instruments: this.instruments, perVenue: this.perVenue, perClient: this.perClient };
  }

  /** Margin units, margin model and pre-scenario equity of a regime (MODEL.md §5). */
  private regime(regime: Regime): RegimeSetup {
    let setup = this.regimes.get(regime);
    if (!setup) {
      const units = regime === 'cross-venue' ? this.perClient : this.perVenue;
      const sibling = [...this.regimes.values()].find((s) => s.units === units);
      const calculator = this.calculatorFor(units);
      let equityBefore = sibling?.equityBefore;
      if (!equityBefore) {
        equityBefore = new Float64Array(units.count);
        for (let u = 0; u < units.count; u++) equityBefore[u] = calculator.equity(u, this.baseState);
      }
      const modeRule: ModeRule =
        regime === 'as-is'
          ? { kind: 'own' }
          : { kind: 'fixed', mode: regime === 'standard' ? STANDARD_MODE : PORTFOLIO_MODE };
      const bounds =
        modeRule.kind === 'own'
          ? mixSlackBounds(
              this.pureBounds(units, STANDARD_MODE),
              this.pureBounds(units, PORTFOLIO_MODE),
              (u) => units.ownMode[u] === PORTFOLIO_MODE,
            )
          : this.pureBounds(units, modeRule.mode);
      setup = { units, calculator, modeRule, equityBefore, bounds };
      this.regimes.set(regime, setup);
    }
    return setup;
  }

  /** Cascade working arrays per unit set (cascades of one engine run one at a time). */
  private scratchFor(units: MarginUnits): CascadeScratch {
    let scratch = this.scratches.get(units);
    if (!scratch) {
      scratch = new CascadeScratch(units.count);
      this.scratches.set(units, scratch);
    }
    return scratch;
  }

  /** One calculator per unit set (its scratch is per thread, its results per unit). */
  private calculatorFor(units: MarginUnits): UnitMarginCalculator {
    let calculator = this.calculators.get(units);
    if (!calculator) {
      calculator = new UnitMarginCalculator(units, this.params);
      this.calculators.set(units, calculator);
    }
    return calculator;
  }

  /** Slack bounds of `units` all under `mode`, built once (regimes share them). */
  private pureBounds(units: MarginUnits, mode: number): SlackBounds {
    const key = `${units.grouping}:${mode}`;
    let bounds = this.boundsByMode.get(key);
    if (!bounds) {
      bounds = buildSlackBounds(units, this.instruments, this.universe, this.params, () => mode);
      this.boundsByMode.set(key, bounds);
    }
    return bounds;
  }

  unitsOf(regime: Regime): MarginUnits {
    return this.regime(regime).units;
  }

  /** Per-unit E, E_adj, IM, MM at the unshocked market (fresh arrays, the caller's to keep). */
  unitSnapshot(regime: Regime): UnitSnapshot {
    const { units, modeRule } = this.regime(regime);
    if (modeRule.kind === 'fixed') return copySnapshot(this.pureSnapshot(units, modeRule.mode));
    // Regime as-is: each unit under its own mode, taken from the pure snapshots when both exist.
    const standard = this.snapshots.get(`${units.grouping}:${STANDARD_MODE}`);
    const portfolio = this.snapshots.get(`${units.grouping}:${PORTFOLIO_MODE}`);
    if (standard && portfolio) {
      const snapshot = copySnapshot(standard);
      for (let u = 0; u < units.count; u++) {
        if (units.ownMode[u] !== PORTFOLIO_MODE) continue;
        snapshot.equity[u] = portfolio.equity[u]!;
        snapshot.adjustedEquity[u] = portfolio.adjustedEquity[u]!;
        snapshot.im[u] = portfolio.im[u]!;
        snapshot.mm[u] = portfolio.mm[u]!;
      }
      return snapshot;
    }
    return this.evaluateSnapshot(units, (u) => units.ownMode[u]!);
  }

  /** Every unit of `units` under `mode` at the unshocked market, computed once (shared: never modified). */
  private pureSnapshot(units: MarginUnits, mode: number): UnitSnapshot {
    const key = `${units.grouping}:${mode}`;
    let snapshot = this.snapshots.get(key);
    if (!snapshot) {
      snapshot = this.evaluateSnapshot(units, () => mode);
      this.snapshots.set(key, snapshot);
    }
    return snapshot;
  }

  private evaluateSnapshot(units: MarginUnits, modeOf: (unit: number) => number): UnitSnapshot {
    const calculator = this.calculatorFor(units);
    const snapshot: UnitSnapshot = {
      equity: new Float64Array(units.count),
      adjustedEquity: new Float64Array(units.count),
      im: new Float64Array(units.count),
      mm: new Float64Array(units.count),
    };
    const margin = emptyUnitMargin();
    for (let u = 0; u < units.count; u++) {
      calculator.evaluate(u, modeOf(u), this.baseState, margin);
      snapshot.equity[u] = margin.equity;
      snapshot.adjustedEquity[u] = margin.adjustedEquity;
      snapshot.im[u] = margin.im;
      snapshot.mm[u] = margin.mm;
    }
    return snapshot;
  }

  /** The `margin` block of result.json for one regime (MODEL.md §8), at the unshocked market. */
  marginSummary(regime: Regime): MarginSummary {
    const snapshot = this.unitSnapshot(regime);
    if (regime === 'as-is') this.asIsSlack ??= slackAt(this.universe.price, snapshot);
    let im = 0;
    let mm = 0;
    let marginCalled = 0;
    let liquidatable = 0;
    for (let u = 0; u < snapshot.im.length; u++) {
      im += snapshot.im[u]!;
      mm += snapshot.mm[u]!;
      if (snapshot.adjustedEquity[u]! < snapshot.im[u]!) marginCalled++;
      if (snapshot.adjustedEquity[u]! < snapshot.mm[u]!) liquidatable++;
    }
    return { units: snapshot.im.length, im, mm, marginCalled, liquidatable };
  }

  cascade(regime: Regime, shocked: ShockedMarket, options: CascadeOptions = {}): CascadeOutcome {
    const { units, calculator, modeRule, bounds } = this.regime(regime);
    return runCascade(
      {
        universe: this.universe,
        instruments: this.instruments,
        units,
        calculator,
        modeRule,
        params: this.params,
        bounds: this.skipFarUnits ? bounds : undefined,
        scratch: this.scratchFor(units),
      },
      shocked,
      options,
    );
  }

  /** One scenario under one regime, with the insurance fund, ADL and client losses (MODEL.md §6). */
  runScenario(scenario: Scenario, regime: Regime, options: { trace?: boolean } = {}): ScenarioRun {
    const setup = this.regime(regime);
    const outcome = this.cascade(regime, applyScenario(this.universe, scenario), options);
    const { units, equityBefore } = setup;
    const clients = aggregateByClient(units, equityBefore, outcome, this.book.clients.length);
    let totalLoss = 0;
    for (let c = 0; c < clients.loss.length; c++) totalLoss += clients.loss[c]!;
    const [first = 0, second = 0] = largestValues(clients.uncovered, 2);
    const fund = this.book.insuranceFund;
    const insuranceFundUsed = Math.min(fund, outcome.badDebt);
    return {
      regime,
      outcome,
      badDebt: outcome.badDebt,
      insuranceFundUsed,
      adl: outcome.badDebt - insuranceFundUsed,
      cover1: first,
      cover2: first + second,
      totalLoss,
      clients,
    };
  }

  /** Does a uniform crypto shock R leave more as-is bad debt than the insurance fund covers? */
  breachesInsuranceFund(shock: number): boolean {
    const fund = this.book.insuranceFund;
    const outcome = this.cascade('as-is', uniformCryptoShock(this.universe, shock), {
      stopWhenBadDebtAbove: fund,
      knownSlack: this.skipFarUnits ? this.nearestKnownSlack(shock) : undefined,
      keepRoundOneSlack: this.skipFarUnits,
      badDebtOnly: true,
    });
    if (outcome.roundOneSlack) this.rememberStart(shock, outcome.roundOneSlack);
    return outcome.badDebt > fund;
  }

  /**
   * Where the reverse-stress cascade at `shock` starts from: the round 1 of the nearest shock
   * already evaluated, else the unshocked market (R = 0). Every uniform shock keeps vols and
   * stablecoins, so each of these states is a valid known state (cascade.ts) and the choice
   * changes only how many units round 1 evaluates, never the outcome. The nearer the state,
   * the smaller the price move and the more units are provably safe: the scan starts from the
   * previous grid point and every bisection step from an end of its bracket.
   */
  private nearestKnownSlack(shock: number): KnownSlack {
    let nearest = this.unshockedSlack();
    let distance = Math.abs(shock);
    for (const [known, slack] of this.reverseStarts) {
      if (Math.abs(shock - known) < distance) {
        nearest = slack;
        distance = Math.abs(shock - known);
      }
    }
    return nearest;
  }

  /** Keeps the latest shocks' starts; the one farthest from `shock` goes first (a bracket's ends stay). */
  private rememberStart(shock: number, slack: KnownSlack): void {
    this.reverseStarts.set(shock, slack);
    while (this.reverseStarts.size > REMEMBERED_STARTS) {
      let farthest = shock;
      for (const known of this.reverseStarts.keys()) {
        if (Math.abs(known - shock) > Math.abs(farthest - shock)) farthest = known;
      }
      this.reverseStarts.delete(farthest);
    }
  }

  /** E_adj − MM per as-is unit at the unshocked market: where the first reverse-stress cascade starts from. */
  private unshockedSlack(): KnownSlack {
    this.asIsSlack ??= slackAt(this.universe.price, this.unitSnapshot('as-is'));
    return this.asIsSlack;
  }

  /** MODEL.md §7, one side: the least severe crossing on that side's grid, or null. */
  reverseStressSide(side: ReverseStressSide): number | null {
    return searchThreshold(REVERSE_STRESS_GRIDS[side], this.holds);
  }

  /** MODEL.md §7, down and up. */
  reverseStress(): ReverseStressResult {
    return { down: this.reverseStressSide('down'), up: this.reverseStressSide('up') };
  }
}

function copySnapshot(snapshot: UnitSnapshot): UnitSnapshot {
  return {
    equity: Float64Array.from(snapshot.equity),
    adjustedEquity: Float64Array.from(snapshot.adjustedEquity),
    im: Float64Array.from(snapshot.im),
    mm: Float64Array.from(snapshot.mm),
  };
}

/** E_adj − MM per unit of a snapshot taken at the crypto prices `prices`. */
function slackAt(prices: Float64Array, snapshot: UnitSnapshot): KnownSlack {
  return {
    states: [prices],
    slack: Float64Array.from(snapshot.adjustedEquity, (e, u) => e - snapshot.mm[u]!),
  };
}

/** Loss, bad debt and liquidations per client, summed over the client's units (MODEL.md §6). */
function aggregateByClient(
  units: MarginUnits,
  equityBefore: Float64Array,
  outcome: CascadeOutcome,
  clientCount: number,
): ClientOutcomes {
  const loss = new Float64Array(clientCount);
  const uncovered = new Float64Array(clientCount);
  const liquidatedUnits = new Int32Array(clientCount);
  for (let u = 0; u < units.count; u++) {
    const client = units.client[u]!;
    const after = outcome.equityAfter[u]!;
    loss[client] = loss[client]! + (equityBefore[u]! - after);
    if (outcome.liquidatedInRound[u]! > 0) {
      liquidatedUnits[client] = liquidatedUnits[client]! + 1;
      if (after < 0) uncovered[client] = uncovered[client]! - after;
    }
  }
  return { loss, uncovered, liquidatedUnits };
}

/** The `count` largest values, largest first (fewer if `values` is shorter). */
export function largestValues(values: Float64Array, count: number): number[] {
  return topIndices(values, count).map((i) => values[i]!);
}

/**
 * Indices of the `count` largest values, largest first; ties go to the lower index, so the
 * order is deterministic. One pass with a small sorted buffer: O(n) for the usual small count.
 */
export function topIndices(
  values: ArrayLike<number>,
  count: number,
  include: (value: number) => boolean = () => true,
): number[] {
  const top: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!include(value)) continue;
    if (top.length === count && value <= values[top[count - 1]!]!) continue;
    let at = top.length;
    while (at > 0 && values[top[at - 1]!]! < value) at--;
    top.splice(at, 0, i);
    if (top.length > count) top.pop();
  }
  return top;
}
