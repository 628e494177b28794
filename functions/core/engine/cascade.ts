/**
 * The liquidation cascade of one scenario under one regime (MODEL.md §6).
 *
 * Round k = 1, 2, …: every active unit is evaluated at P^{k−1} and σ*; the units with
 * E_adj < MM are all chosen before any flow is applied (simultaneous liquidation); their
 * signed USD flow per crypto asset, valued at the shocked price P⁰, adds to the cumulative
 * flow Q; the new price P^k = P⁰·max(floor, 1 + I(Q)) (impact is permanent); each chosen
 * unit is closed out at P^k (options at V(P^k, σ*)) and leaves the active set, its negative
 * equity becoming bad debt. The cascade stops when no unit is liquidatable or after maxRounds.
 */
import type { RiskParams } from '../model/params.js';
import { type AssetUniverse, CRYPTO } from './asset-universe.js';
import { type InstrumentTable, OPTION } from './instruments.js';
import type { MarginUnits } from './margin-units.js';
import { MarketState } from './market-state.js';
import type { ShockedMarket } from './scenario-shock.js';
import type { SlackBounds } from './slack-bounds.js';
import { emptyUnitMargin, type UnitMarginCalculator } from './unit-margin.js';

/** How a regime chooses each unit's margin model: the unit's own mode, or one for all. */
export type ModeRule = { readonly kind: 'own' } | { readonly kind: 'fixed'; readonly mode: number };

export interface CascadeSetup {
  readonly universe: AssetUniverse;
  readonly instruments: InstrumentTable;
  readonly units: MarginUnits;
  readonly calculator: UnitMarginCalculator;
  readonly modeRule: ModeRule;
  readonly params: RiskParams;
  /** When given, units provably far from liquidation are not re-evaluated in rounds ≥ 2. */
  readonly bounds?: SlackBounds;
  /**
   * Working arrays reused from one cascade to the next on the same units (fewer large
   * allocations, less garbage collection); never part of an outcome. One cascade at a time.
   */
  readonly scratch?: CascadeScratch;
}

/** Per-unit working arrays of a cascade, sized for the units they are created for. */
export class CascadeScratch {
  readonly active: Int32Array;
  readonly chosen: Int32Array;
  readonly slack: Float64Array;
  readonly evaluatedAt: Int32Array;

  constructor(unitCount: number) {
    this.active = new Int32Array(unitCount);
    this.chosen = new Int32Array(unitCount);
    this.slack = new Float64Array(unitCount);
    this.evaluatedAt = new Int32Array(unitCount);
  }
}

export interface CascadeOptions {
  /** Record a per-round trace (prices, liquidations, flows, bad debt). */
  readonly trace?: boolean;
  /**
   * Stop as soon as cumulative bad debt exceeds this amount (reverse stress only needs to know
   * whether it does; bad debt never decreases during a cascade). The result is then partial.
   */
  readonly stopWhenBadDebtAbove?: number;
  /**
   * Each unit's slack E_adj − MM at a known state, so that round 1 may skip units too. Every
   * known state must differ from the shocked market only in crypto prices (same vols, same
   * stablecoin prices): reverse stress starts from the unshocked market or from the round 1 of
   * another uniform shock. `marginCalled` is not counted then (a skipped unit's IM is never
   * computed) and is reported as −1.
   */
  readonly knownSlack?: KnownSlack;
  /**
   * Only bad debt is wanted (reverse stress): units that survive are not valued at the final
   * state, so their `equityAfter` stays 0.
   */
  readonly badDebtOnly?: boolean;
  /** Return every unit's slack after round 1 as `roundOneSlack` (a start for a later cascade). */
  readonly keepRoundOneSlack?: boolean;
}

/**
 * Slack E_adj − MM per unit, each at the state it was computed at: `slack[u]` at the crypto
 * prices `states[evaluatedAt[u]]` (at `states[0]` for every unit when `evaluatedAt` is absent).
 */
export interface KnownSlack {
  readonly states: readonly Float64Array[];
  readonly slack: Float64Array;
  readonly evaluatedAt?: Int32Array;
}

export interface RoundTrace {
  readonly round: number;
  readonly liquidatedUnits: number;
  /** P^k per asset (USD). */
  readonly prices: Float64Array;
  /** Flow added in this round per asset (USD at P⁰, signed: negative = selling). */
  readonly flow: Float64Array;
  /** Signed units of underlying closed in this round per asset (flow / P⁰). */
  readonly unitsClosed: Float64Array;
  readonly cumulativeBadDebt: number;
}

export interface CascadeOutcome {
  readonly rounds: number;
  /** Units with E_adj < IM in round 1. */
  readonly marginCalled: number;
  readonly liquidatedUnits: number;
  /** Cumulative signed liquidation flow Q per asset (USD at P⁰). */
  readonly flow: Float64Array;
  readonly finalPrices: Float64Array;
  /** Per asset: the unclamped 1 + I left the circuit-breaker band in some round. */
  readonly halted: Uint8Array;
  readonly badDebt: number;
  /** Round in which each unit was liquidated (0 = survived). */
  readonly liquidatedInRound: Int32Array;
  /** Equity after the scenario per unit: close-out equity if liquidated, else at the final state. */
  readonly equityAfter: Float64Array;
  readonly trace: readonly RoundTrace[];
  /** True when stopped early by `stopWhenBadDebtAbove`. */
  readonly stoppedEarly: boolean;
  /** Unit evaluations over all rounds (the work the skip test saved is unitCount·rounds − this). */
  readonly evaluations: number;
  /** With `keepRoundOneSlack` and slack bounds: every unit's known slack after round 1. */
  readonly roundOneSlack?: KnownSlack;
}

function impactedPrice(
  setup: CascadeSetup,
  shocked: ShockedMarket,
  cumulativeFlow: Float64Array,
  halted: Uint8Array,
  prices: Float64Array,
): void {
  const { universe, params } = setup;
  const { model, y, priceFloor } = params.impact;
  const band = params.cascade.circuitBreaker?.band;
  for (const a of universe.cryptoIndices) {
    const q = cumulativeFlow[a]!;
    let impact = 0;
    if (q !== 0) {
      const liquidity = shocked.liquidity[a]!;
      impact =
        model === 'sqrt'
          ? Math.sign(q) *
            y *
            (shocked.vols[a]! / Math.sqrt(365)) *
            Math.sqrt(Math.abs(q) / (universe.adv[a]! * liquidity))
          : (0.01 * q) / (universe.depth1pct[a]! * liquidity);
    }
    let relative = 1 + impact;
    if (band !== undefined) {
      if (relative > 1 + band || relative < 1 - band) halted[a] = 1;
      relative = Math.min(1 + band, Math.max(1 - band, relative));
    }
    prices[a] = shocked.prices[a]! * Math.max(priceFloor, relative);
  }
}

/** Outcomes of SkipTest.classify. */
const SAFE = 1;
const DOOMED = -1;
const EVALUATE = 0;

/**
 * The skip test of slack-bounds.ts over one cascade: remembers each unit's slack at the state
 * where it was last evaluated (an index into the price vectors seen so far) and, per round,
 * the absolute price change from every earlier state to the current one. Without a known
 * starting state every unit is evaluated in round 1.
 */
class SkipTest {
  private readonly slack: Float64Array;
  private readonly evaluatedAt: Int32Array;
  /** The price vectors of the states seen so far, oldest first. */
  private readonly history: Float64Array[] = [];
  /** changes[j·assets + a] = |P_a − history[j]_a| for the current state P. */
  private changes: Float64Array;
  private current: Float64Array;
  private skipping: boolean;

  constructor(
    private readonly bounds: SlackBounds,
    private readonly assetCount: number,
    start: KnownSlack | undefined,
    scratch: CascadeScratch,
  ) {
    // Round 1 records every unit it evaluates before reading it; without a start it skips none.
    this.slack = scratch.slack;
    this.evaluatedAt = scratch.evaluatedAt;
    if (start) this.slack.set(start.slack);
    if (start?.evaluatedAt) this.evaluatedAt.set(start.evaluatedAt);
    else this.evaluatedAt.fill(0);
    this.changes = new Float64Array(4 * assetCount);
    this.current = start?.states[0] ?? new Float64Array(assetCount);
    this.skipping = start !== undefined;
    if (start) this.history.push(...start.states);
  }

  /** A round evaluates at `prices`. */
  beginRound(prices: Float64Array): void {
    const seen = this.history.length;
    if (seen > 0 && !this.skipping) this.skipping = true; // round 2 onwards
    this.history.push(prices);
    this.current = prices;
    const n = this.assetCount;
    if (this.changes.length < seen * n) this.changes = new Float64Array(2 * seen * n);
    for (let j = 0; j < seen; j++) {
      const past = this.history[j]!;
      for (let a = 0; a < n; a++) this.changes[j * n + a] = Math.abs(prices[a]! - past[a]!);
    }
  }

  /**
   * SAFE when unit u provably stays above its maintenance margin at the current state, DOOMED
   * when it provably falls below it (E_adj < MM: evaluating it would choose it), else EVALUATE.
   */
  classify(u: number): number {
    if (!this.skipping) return EVALUATE;
    const j = this.evaluatedAt[u]!;
    const { start, asset, coefficient, concentrationScale } = this.bounds;
    const past = this.history[j]!;
    const offset = j * this.assetCount;
    let bound = 0;
    let exposure = 0;
    for (let e = start[u]!, end = start[u + 1]!; e < end; e++) {
      const a = asset[e]!;
      const now = this.current[a]!;
      if (concentrationScale[e]! * Math.max(now, past[a]!) >= 1) return EVALUATE;
      bound += coefficient[e]! * this.changes[offset + a]!;
      exposure += coefficient[e]! * now;
    }
    // Guard against rounding in the slack itself: a relative 1e-9 of the exposure plus 1e-6 USD.
    const guard = 1e-9 * exposure + 1e-6;
    const slack = this.slack[u]!;
    if (slack - bound > guard) return SAFE;
    if (slack + bound < -guard) return DOOMED;
    return EVALUATE;
  }

  record(u: number, slack: number): void {
    this.slack[u] = slack;
    this.evaluatedAt[u] = this.history.length - 1;
  }

  /** Every unit's slack as known now (copies: the test goes on changing its own). */
  snapshot(): KnownSlack {
    return {
      states: [...this.history],
      slack: Float64Array.from(this.slack),
      evaluatedAt: Int32Array.from(this.evaluatedAt),
    };
  }
}

export function runCascade(
  setup: CascadeSetup,
  shocked: ShockedMarket,
  options: CascadeOptions = {},
): CascadeOutcome {
  const { universe, instruments, units, calculator, modeRule, params } = setup;
  const unitCount = units.count;
  const assetCount = universe.count;
  const maxRounds = params.cascade.maxRounds;
  const stopAbove = options.stopWhenBadDebtAbove ?? Number.POSITIVE_INFINITY;
  const isCrypto = universe.kind;

  const liquidatedInRound = new Int32Array(unitCount);
  const equityAfter = new Float64Array(unitCount);
  const flow = new Float64Array(assetCount);
  const halted = new Uint8Array(assetCount);
  const trace: RoundTrace[] = [];
  const margin = emptyUnitMargin();

  const scratch =
    setup.scratch && setup.scratch.active.length === unitCount
      ? setup.scratch
      : new CascadeScratch(unitCount);
  const active = scratch.active;
  for (let u = 0; u < unitCount; u++) active[u] = u;
  let activeCount = unitCount;
  let state = new MarketState(universe, instruments, shocked.prices, shocked.vols);
  let rounds = 0;
  let marginCalled = 0;
  let liquidatedUnits = 0;
  let badDebt = 0;
  let stoppedEarly = false;
  let evaluations = 0;
  const chosen = scratch.chosen;
  const start = options.knownSlack;
  if (start && !setup.bounds) throw new RangeError('knownSlack needs slack bounds');
  const skip = setup.bounds ? new SkipTest(setup.bounds, assetCount, start, scratch) : undefined;
  let roundOneSlack: KnownSlack | undefined;

  for (let k = 1; k <= maxRounds; k++) {
    // 1–2. Evaluate every active unit at P^{k−1}, σ*; choose all liquidatable units first.
    let chosenCount = 0;
    let survivors = 0;
    skip?.beginRound(state.prices);
    for (let n = 0; n < activeCount; n++) {
      const u = active[n]!;
      const known = skip ? skip.classify(u) : EVALUATE;
      if (known === SAFE) {
        active[survivors++] = u;
        continue;
      }
      if (known === DOOMED) {
        chosen[chosenCount++] = u;
        continue;
      }
      const mode = modeRule.kind === 'own' ? units.ownMode[u]! : modeRule.mode;
      calculator.evaluate(u, mode, state, margin);
      evaluations++;
      skip?.record(u, margin.adjustedEquity - margin.mm);
      if (k === 1 && margin.adjustedEquity < margin.im) marginCalled++;
      if (margin.adjustedEquity < margin.mm) chosen[chosenCount++] = u;
      else active[survivors++] = u;
    }
    if (k === 1 && options.keepRoundOneSlack) roundOneSlack = skip?.snapshot();
    if (chosenCount === 0) break;
    rounds = k;

    // 3. Liquidation flow, valued at P⁰ (options at their delta at P^{k−1}, σ*).
    const roundFlow = new Float64Array(assetCount);
    for (let n = 0; n < chosenCount; n++) {
      const u = chosen[n]!;
      for (let p = units.posStart[u]!, end = units.posStart[u + 1]!; p < end; p++) {
        const i = units.posInstr[p]!;
        const a = units.posAsset[p]!;
        const closed =
          instruments.type[i] === OPTION ? units.posQty[p]! * state.exposure[i]! : units.posQty[p]!;
        roundFlow[a] = roundFlow[a]! - closed * shocked.prices[a]!;
      }
      for (let c = units.colStart[u]!, end = units.colStart[u + 1]!; c < end; c++) {
        const a = units.colAsset[c]!;
        if (isCrypto[a] !== CRYPTO) continue; // stablecoin and USD legs cause no flow
        roundFlow[a] = roundFlow[a]! - units.colQty[c]! * shocked.prices[a]!;
      }
    }
    for (const a of universe.cryptoIndices) flow[a] = flow[a]! + roundFlow[a]!;

    // 4. New prices from the cumulative flow.
    const nextPrices = Float64Array.from(shocked.prices);
    impactedPrice(setup, shocked, flow, halted, nextPrices);
    state = new MarketState(universe, instruments, nextPrices, shocked.vols);

    // 5. Close out at P^k.
    for (let n = 0; n < chosenCount; n++) {
      const u = chosen[n]!;
      const equity = calculator.equity(u, state);
      equityAfter[u] = equity;
      liquidatedInRound[u] = k;
      if (equity < 0) badDebt -= equity;
    }
    liquidatedUnits += chosenCount;
    activeCount = survivors;

    if (options.trace) {
      const unitsClosed = new Float64Array(assetCount);
      for (const a of universe.cryptoIndices) unitsClosed[a] = roundFlow[a]! / shocked.prices[a]!;
      trace.push({
        round: k,
        liquidatedUnits: chosenCount,
        prices: nextPrices,
        flow: roundFlow,
        unitsClosed,
        cumulativeBadDebt: badDebt,
      });
    }
    if (badDebt > stopAbove) {
      stoppedEarly = true;
      break;
    }
  }

  // Survivors are valued at the final prices and σ*.
  const valued = options.badDebtOnly ? 0 : activeCount;
  for (let n = 0; n < valued; n++) {
    const u = active[n]!;
    equityAfter[u] = calculator.equity(u, state);
  }
  return {
    rounds,
    marginCalled: start ? -1 : marginCalled,
    liquidatedUnits,
    flow,
    finalPrices: state.prices,
    halted,
    badDebt,
    liquidatedInRound,
    equityAfter,
    trace,
    stoppedEarly,
    evaluations,
    ...(roundOneSlack && { roundOneSlack }),
  };
}
