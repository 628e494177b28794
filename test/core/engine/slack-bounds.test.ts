/**
 * The cascade's skip test (slack-bounds.ts) must never change a decision: with and without it,
 * every run liquidates the same units in the same rounds, leaves the same equity per unit and
 * the same prices, bad debt and trace, bit for bit. Synthetic books with options, both margin
 * modes, borrowed balances and clients near liquidation; every library scenario and regime.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateInputs } from '../../../functions/core/calculation/calculate.js';
import type { KnownSlack } from '../../../functions/core/engine/cascade.js';
import { ContagionEngine } from '../../../functions/core/engine/engine.js';
import { PORTFOLIO_MODE, STANDARD_MODE } from '../../../functions/core/engine/margin-units.js';
import { MarketState } from '../../../functions/core/engine/market-state.js';
import { uniformCryptoShock } from '../../../functions/core/engine/scenario-shock.js';
import { buildSlackBounds } from '../../../functions/core/engine/slack-bounds.js';
import { emptyUnitMargin, UnitMarginCalculator } from '../../../functions/core/engine/unit-margin.js';
import { REGIMES } from '../../../functions/core/model/params.js';
import { scenarioLibrary } from '../../../functions/core/scenarios/library.js';
import { generateSyntheticBook } from '../../../functions/core/synthetic/generate-book.js';
import { hashSeed, Prng } from '../../../functions/core/synthetic/prng.js';

const params = JSON.parse(
  readFileSync(new URL('../../fixtures/spec/params.reference.json', import.meta.url), 'utf8'),
);

function engines(seed: string, overrides: Record<string, unknown> = {}) {
  const { book, market } = generateSyntheticBook({
    clients: 400,
    seed,
    asOf: '2026-11-30',
    nearLiquidationShare: 0.2,
  });
  const inputs = validateInputs({
    book,
    market,
    params: { ...params, ...overrides },
    scenarios: scenarioLibrary,
  });
  return {
    inputs,
    fast: new ContagionEngine(inputs.book, inputs.market, inputs.params, true),
    literal: new ContagionEngine(inputs.book, inputs.market, inputs.params, false),
  };
}

describe('skipping units far from liquidation changes nothing', () => {
  it.each([
    ['seed-a', {}],
    ['seed-b', { impact: { model: 'linear', y: 1, priceFloor: 0.05 } }],
    ['seed-c', { cascade: { maxRounds: 30, circuitBreaker: { band: 0.3 } } }],
  ])(
    'book %s, every library scenario × regime',
    (seed, overrides) => {
      const { inputs, fast, literal } = engines(seed, overrides);
      let multiRound = 0;
      for (const scenario of inputs.scenarios) {
        for (const regime of REGIMES) {
          const a = fast.runScenario(scenario, regime, { trace: true });
          const b = literal.runScenario(scenario, regime, { trace: true });
          expect(a.outcome.liquidatedInRound).toEqual(b.outcome.liquidatedInRound);
          expect(a.outcome.equityAfter).toEqual(b.outcome.equityAfter);
          expect(a.outcome.finalPrices).toEqual(b.outcome.finalPrices);
          expect([a.badDebt, a.totalLoss, a.cover2, a.outcome.marginCalled]).toEqual([
            b.badDebt,
            b.totalLoss,
            b.cover2,
            b.outcome.marginCalled,
          ]);
          expect(a.outcome.trace).toEqual(b.outcome.trace);
          if (a.outcome.rounds >= 2) multiRound++;
        }
      }
      // The comparison is only meaningful if cascades go past round 1, where units are skipped.
      expect(multiRound).toBeGreaterThan(20);
      expect(fast.reverseStress()).toEqual(literal.reverseStress());
    },
    120_000,
  );
});

describe('reverse-stress cascades started from another shock change nothing', () => {
  it('each uniform shock, started from the round 1 of the previous one, equals the literal cascade', () => {
    const { inputs, fast, literal } = engines('seed-d');
    const { universe } = fast;
    const unshocked = fast.unitSnapshot('as-is');
    let start: KnownSlack = {
      states: [universe.price],
      slack: Float64Array.from(unshocked.adjustedEquity, (e, u) => e - unshocked.mm[u]!),
    };
    // A scan, then bisection-like steps: starts move by a grid step, then by ever smaller ones.
    const shocks = [-0.05, -0.1, -0.15, -0.2, -0.175, -0.1875, -0.18125, 0.1, 0.2, 0.15, 0.175];
    let fastEvaluations = 0;
    let literalEvaluations = 0;
    let liquidated = 0;
    for (const shock of shocks) {
      const shocked = uniformCryptoShock(universe, shock);
      const a = fast.cascade('as-is', shocked, { knownSlack: start, keepRoundOneSlack: true, trace: true });
      const b = literal.cascade('as-is', shocked, { trace: true });
      expect(a.liquidatedInRound).toEqual(b.liquidatedInRound);
      expect(a.equityAfter).toEqual(b.equityAfter);
      expect(a.badDebt).toBe(b.badDebt);
      expect(a.trace).toEqual(b.trace);
      expect(a.marginCalled).toBe(-1); // not counted when round 1 may skip
      fastEvaluations += a.evaluations;
      literalEvaluations += b.evaluations;
      liquidated += a.liquidatedUnits;
      start = a.roundOneSlack!;
    }
    expect(liquidated).toBeGreaterThan(100); // the shocks do liquidate: decisions were compared
    // The starts are used: far fewer evaluations than the literal loop.
    expect(fastEvaluations).toBeLessThan(literalEvaluations / 3);
    expect(inputs.book.insuranceFund).toBeGreaterThan(0);
    const thresholds = fast.reverseStress();
    expect(thresholds).toEqual(literal.reverseStress());
    expect(thresholds.down ?? thresholds.up).not.toBeNull(); // a bisection ran on some side
  }, 120_000);
});

describe('the slack bound holds unit by unit', () => {
  it('|Δ(E_adj − MM)| ≤ Σ K·|ΔP| for random price moves, under both margin models', () => {
    const { inputs, literal: engine } = engines('seed-bound');
    const { universe, instruments } = engine;
    let checked = 0;
    let tight = 0;
    for (const [regime, mode] of [
      ['standard', STANDARD_MODE],
      ['portfolio', PORTFOLIO_MODE],
    ] as const) {
      const units = engine.unitsOf(regime);
      const bounds = buildSlackBounds(units, instruments, universe, inputs.params, () => mode);
      const calculator = new UnitMarginCalculator(units, inputs.params);
      const random = new Prng(hashSeed(`bound-${regime}`));
      const vols = Float64Array.from(universe.vol, (v) => v * 1.4); // σ* held through the cascade
      for (let trial = 0; trial < 40; trial++) {
        const before = Float64Array.from(universe.price);
        const after = Float64Array.from(universe.price);
        for (const a of universe.cryptoIndices) {
          before[a] = universe.price[a]! * (0.7 + 0.3 * random.next());
          after[a] = before[a]! * (1 + 0.1 * (random.next() - 0.5) * (trial % 4));
        }
        const s0 = new MarketState(universe, instruments, before, vols);
        const s1 = new MarketState(universe, instruments, after, vols);
        const m = emptyUnitMargin();
        for (let u = 0; u < units.count; u++) {
          let bound = 0;
          let concentrationPossible = false;
          for (let e = bounds.start[u]!; e < bounds.start[u + 1]!; e++) {
            const a = bounds.asset[e]!;
            bound += bounds.coefficient[e]! * Math.abs(after[a]! - before[a]!);
            if (bounds.concentrationScale[e]! * Math.max(before[a]!, after[a]!) >= 1)
              concentrationPossible = true;
          }
          if (concentrationPossible) continue;
          calculator.evaluate(u, mode, s0, m);
          const slack0 = m.adjustedEquity - m.mm;
          calculator.evaluate(u, mode, s1, m);
          const change = Math.abs(m.adjustedEquity - m.mm - slack0);
          expect(change).toBeLessThanOrEqual(bound * (1 + 1e-12) + 1e-6);
          if (change > 0.5 * bound) tight++;
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
    expect(tight).toBeGreaterThan(0); // the bound is not vacuous: some moves come close to it
  }, 120_000);
});
