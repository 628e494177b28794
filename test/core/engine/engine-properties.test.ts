/**
 * Invariants of the contagion engine (MODEL.md §6–§8) on random small books, checked with
 * fast-check: monotonicity in the shock, the round limit, conservation of the liquidation flow,
 * finite output, determinism and untouched inputs. Seeds are fixed so a failure reproduces;
 * fast-check prints the shrunk counterexample.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalculationDocuments, calculate } from '../../../functions/core/calculation/calculate.js';
import { stringifyResult } from '../../../functions/core/calculation/serialize.js';
import type { Regime } from '../../../functions/core/model/params.js';
import {
  ALL_REGIMES,
  randomBookArb,
  randomParamsArb,
  randomScenariosArb,
  uniformShockScenarios,
} from '../../support/cascade-builders.js';
import { buildEngine, deepFreeze, type JsonRecord, referenceParams } from '../../support/core-builders.js';

const REGIMES: readonly Regime[] = ALL_REGIMES;

// ─── arbitraries ───

/**
 * Long-only books without options: every balance and position gains with the price. Liquidity
 * factors ≥ 0.05 keep the square-root impact below 2/3 (σ/√365 ≤ 1.5/√365 ≈ 0.079 and
 * √(|Q|/adv) ≤ √20), which is what makes the fill price P⁰·(1 − c·√(X·P⁰)) increase with P⁰
 * (its derivative is 1 − 1.5·|I|).
 */
const longOnlyBook = randomBookArb({
  options: false,
  shorts: false,
  liquidity: { min: 0.05, max: 5 },
  maxClients: 8,
  maxAssets: 2,
});

/** Books with shorts, borrowing and hedges across venues, but no options (flows are then exact quantities). */
const linearBook = randomBookArb(
  { options: false, shorts: true, liquidity: { min: 0.001, max: 3 }, maxClients: 8, maxAssets: 2 },
  fc.constantFrom(0, 0.05),
);

/** Everything: options (some expired), several venues, both modes, rates ≠ 0, linear impact, breakers. */
const anyBook = randomBookArb(
  { options: true, shorts: true, liquidity: { min: 0.0003, max: 1 }, maxClients: 6 },
  fc.oneof(fc.constant(0), fc.constantFrom(-0.01, 0.03, 0.08)),
);

const anyCase = fc
  .record({ book: anyBook, params: randomParamsArb, scenarios: randomScenariosArb })
  .map(({ book, params, scenarios }) => ({ ...book, params, scenarios }));

/** Sqrt-impact params (any floor, breaker or not, any maxRounds) for the monotonicity property. */
const sqrtParams = randomParamsArb.map(
  (params): JsonRecord => ({ ...params, impact: { ...(params.impact as JsonRecord), model: 'sqrt' } }),
);

// ─── helpers ───

/** The shocked price P⁰ of every market asset except USD, from the scenario document (MODEL.md §6). */
function shockedPrices(market: JsonRecord, scenarioDoc: JsonRecord): Record<string, number> {
  const shocks = scenarioDoc.shocks as Record<string, { shock?: number }>;
  const out: Record<string, number> = {};
  for (const [name, quote] of Object.entries(market.assets as Record<string, JsonRecord>)) {
    const named = shocks[name];
    const entry = quote.kind === 'crypto' ? (named ?? shocks['*']) : named;
    out[name] = (quote.price as number) * (1 + (entry?.shock ?? 0));
  }
  return out;
}

/** Every number reachable from `value`, with its path. */
function* numbersIn(value: unknown, path = '$'): Generator<[string, number]> {
  if (typeof value === 'number') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* numbersIn(v, `${path}[${i}]`);
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) yield* numbersIn(v, `${path}.${k}`);
}

const close = (a: number, b: number, scale: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, scale);

// ─── properties ───

/** A long-only book, sqrt-impact params and two uniform down shocks, the second more severe. */
const severityPair = fc
  .record({
    book: longOnlyBook,
    params: sqrtParams,
    mildPct: fc.integer({ min: 0, max: 80 }),
    extraPct: fc.integer({ min: 1, max: 40 }),
  })
  .map(({ book, params, mildPct, extraPct }) => {
    const mild = -mildPct / 100;
    return { book, params, mild, severe: Math.max(-0.99, mild - extraPct / 100) };
  });

describe('a more severe uniform down shock (long-only books without options)', () => {
  // Every unit's E_adj − MM rises with each price (MMR < 1, haircut < 1, PM charges < 100% of
  // notional), liquidations only sell, and the fill price rises with P⁰ at a fixed quantity sold.
  // By induction on the rounds, the set liquidated by round k under the severe shock contains the
  // set under the mild one, and every price is lower.
  it('never liquidates fewer units, in any regime', () => {
    fc.assert(
      fc.property(severityPair, ({ book, params, mild, severe }) => {
        const result = calculate(
          { ...book, params, scenarios: uniformShockScenarios([mild, severe]) },
          { skipReverseStress: true },
        );
        for (const regime of REGIMES) {
          const [a, b] = result.runs.filter((r) => r.regime === regime);
          expect(b!.liquidatedUnits, `${regime}: ${mild} → ${severe}`).toBeGreaterThanOrEqual(
            a!.liquidatedUnits,
          );
        }
      }),
      { numRuns: 150, seed: 20_261_130 },
    );
  });

  it('never lowers bad debt when the cascade is one round (maxRounds = 1)', () => {
    // With one round every liquidated unit fills at P¹, which is lower under the severe shock,
    // and the severe shock liquidates a superset; so each unit's deficit and the sum can only grow.
    // (Over several rounds this is not a theorem: a unit that falls one round earlier under the
    // severe shock fills before a later liquidation's impact — a worked counterexample is in cascade.test.ts.)
    fc.assert(
      fc.property(severityPair, ({ book, params, mild, severe }) => {
        const oneRound = { ...params, cascade: { ...(params.cascade as JsonRecord), maxRounds: 1 } };
        const result = calculate(
          { ...book, params: oneRound, scenarios: uniformShockScenarios([mild, severe]) },
          { skipReverseStress: true },
        );
        for (const regime of REGIMES) {
          const [a, b] = result.runs.filter((r) => r.regime === regime);
          // Relative slack for summation order only.
          expect(b!.badDebt, `${regime}: ${mild} → ${severe}`).toBeGreaterThanOrEqual(
            a!.badDebt * (1 - 1e-12),
          );
        }
      }),
      { numRuns: 150, seed: 20_261_201 },
    );
  });
});

describe('round limit, flows and accounting (random scenarios)', () => {
  it('stops within maxRounds; the trace has one entry per round, each with liquidations', () => {
    fc.assert(
      fc.property(anyCase, (docs) => {
        const maxRounds = (docs.params.cascade as JsonRecord).maxRounds as number;
        const result = calculate(docs, { skipReverseStress: true });
        for (const run of result.runs) {
          expect(run.rounds).toBeGreaterThanOrEqual(0);
          expect(run.rounds).toBeLessThanOrEqual(maxRounds);
          expect(run.trace.map((r) => r.round)).toEqual(Array.from({ length: run.rounds }, (_, i) => i + 1));
          for (const round of run.trace) expect(round.liquidatedUnits).toBeGreaterThan(0);
          expect(run.trace.reduce((n, r) => n + r.liquidatedUnits, 0)).toBe(run.liquidatedUnits);
          expect(run.liquidatedUnits).toBeLessThanOrEqual(result.margin[run.regime]!.units);
          if (run.rounds === 0) expect(run.liquidatedUnits).toBe(0);
        }
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('values each round flow at P⁰: flowUsd = unitsClosed × P⁰, and the rounds add up to liquidationFlowUsd', () => {
    fc.assert(
      fc.property(anyCase, (docs) => {
        const result = calculate(docs, { skipReverseStress: true });
        const scenarioDocs = (docs.scenarios as JsonRecord).scenarios as JsonRecord[];
        for (const run of result.runs) {
          const p0 = shockedPrices(docs.market, scenarioDocs.find((s) => s.id === run.scenario)!);
          for (const [asset, total] of Object.entries(run.liquidationFlowUsd)) {
            let sum = 0;
            let gross = 0;
            for (const round of run.trace) {
              const flow = round.flowUsd[asset]!;
              const units = round.unitsClosed[asset]!;
              expect(close(flow, units * p0[asset]!, Math.abs(flow)), `${asset} round ${round.round}`).toBe(
                true,
              );
              sum += flow;
              gross += Math.abs(flow);
            }
            expect(close(total, sum, gross), `${asset} total`).toBe(true);
          }
        }
      }),
      { numRuns: 60, seed: 8 },
    );
  });

  it('closes exactly the liquidated quantities (books without options): units closed = −Σ q of the units', () => {
    // Recomputed from the book document, not from the engine's netting: per liquidated unit, the
    // quantities of its perps and futures plus its crypto collateral balances, per asset.
    fc.assert(
      fc.property(linearBook, randomScenariosArb, (book, scenarios) => {
        const { engine, inputs } = buildEngine({ ...book, params: referenceParams(), scenarios });
        const clients = book.book.clients as JsonRecord[];
        for (const scenarioModel of inputs.scenarios) {
          for (const regime of REGIMES) {
            const run = engine.runScenario(scenarioModel, regime, { trace: true });
            const units = engine.unitsOf(regime);
            const { outcome } = run;
            for (let k = 1; k <= outcome.rounds; k++) {
              const closed = new Map<string, number>();
              for (let u = 0; u < units.count; u++) {
                if (outcome.liquidatedInRound[u] !== k) continue;
                const owner = clients[units.client[u]!]!;
                const subaccounts = (owner.subaccounts as JsonRecord[]).filter(
                  (s) => units.venue[u] === null || s.venue === units.venue[u],
                );
                for (const s of subaccounts) {
                  for (const p of s.positions as JsonRecord[]) {
                    const asset = p.asset as string;
                    closed.set(asset, (closed.get(asset) ?? 0) + (p.qty as number));
                  }
                  for (const [asset, qty] of Object.entries(s.collateral as Record<string, number>)) {
                    if (asset === 'USD' || asset === 'USDT' || asset === 'USDC') continue;
                    closed.set(asset, (closed.get(asset) ?? 0) + qty);
                  }
                }
              }
              const traced = outcome.trace[k - 1]!;
              for (const a of engine.universe.cryptoIndices) {
                const symbol = engine.universe.symbols[a]!;
                const expected = -(closed.get(symbol) ?? 0);
                const actual = traced.unitsClosed[a]!;
                expect(close(actual, expected, Math.abs(expected)), `${regime} round ${k} ${symbol}`).toBe(
                  true,
                );
              }
            }
          }
        }
      }),
      { numRuns: 60, seed: 9 },
    );
  });

  it('keeps the insurance-fund accounting: used = min(fund, bad debt), ADL the rest, cover1 ≤ cover2 ≤ bad debt', () => {
    fc.assert(
      fc.property(anyCase, (docs) => {
        const result = calculate(docs, { skipReverseStress: true });
        const fund = docs.book.insuranceFund as number;
        for (const run of result.runs) {
          expect(run.badDebt).toBeGreaterThanOrEqual(0);
          expect(run.insuranceFundUsed).toBe(Math.min(fund, run.badDebt));
          expect(run.adl).toBe(run.badDebt - run.insuranceFundUsed);
          expect(run.cover1).toBeLessThanOrEqual(run.cover2);
          expect(run.cover2).toBeLessThanOrEqual(2 * run.cover1);
          expect(run.cover2).toBeLessThanOrEqual(run.badDebt * (1 + 1e-12) + 1e-9);
          if (run.liquidatedUnits === 0) expect(run.badDebt).toBe(0);
        }
      }),
      { numRuns: 60, seed: 10 },
    );
  });
});

describe('output hygiene (random books with options, breakers, rates)', () => {
  it('has no NaN or Infinity anywhere in the result', () => {
    fc.assert(
      fc.property(anyCase, (docs) => {
        const result = calculate(docs);
        for (const [path, value] of numbersIn(result)) expect(Number.isFinite(value), path).toBe(true);
      }),
      { numRuns: 40, seed: 11 },
    );
  });

  it('writes byte-identical JSON for the same inputs, and leaves the inputs untouched', () => {
    fc.assert(
      fc.property(anyCase, (docs) => {
        const snapshot = structuredClone(docs);
        const frozen: CalculationDocuments = deepFreeze(structuredClone(docs));
        const first = stringifyResult(calculate(frozen)); // a write to a frozen input would throw
        const second = stringifyResult(calculate(structuredClone(docs)));
        expect(second).toBe(first);
        expect(frozen).toEqual(snapshot);
        expect(docs).toEqual(snapshot);
      }),
      { numRuns: 25, seed: 12 },
    );
  });
});
