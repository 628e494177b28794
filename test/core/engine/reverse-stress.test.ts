/**
 * Reverse stress (MODEL.md §7): the least severe uniform crypto move R*, down and up, at which the
 * as-is bad debt exceeds the insurance fund; scan 0, −0.05, …, −0.95 (0, +0.10, …, +3.00), then
 * 16 halvings of the first bracket that crosses, R* = its severe end.
 *
 * The thresholds of the tiny books are solved in closed form by hand; the one with options is
 * checked against a brute-force scan and bisection written here on the literal reference model.
 */
import { describe, expect, it } from 'vitest';
import { calculate } from '../../../functions/core/calculation/calculate.js';
import {
  BISECTION_STEPS,
  DOWN_GRID,
  searchThreshold,
  UP_GRID,
} from '../../../functions/core/engine/reverse-stress.js';
import { computeLiteralResult } from '../../reference/literal-model.js';
import { textbookParams, uniformShockScenarios } from '../../support/cascade-builders.js';
import {
  bookDocument,
  calculationDocuments,
  client,
  cryptoQuote,
  type JsonRecord,
  marketDocument,
  option,
  perp,
  referenceParams,
  scenariosDocument,
  smallExampleMarket,
  subaccount,
} from '../../support/core-builders.js';

/** Bracket widths after the 16 halvings. */
const DOWN_RESOLUTION = 0.05 / 2 ** 16;
const UP_RESOLUTION = 0.1 / 2 ** 16;
/** Slack for the floating-point evaluation of holds(R) right at the crossing. */
const EPS = 1e-12;

/** R* is the severe end of a bracket of width `resolution` around the exact crossing `exact`. */
function expectSevereEnd(actual: number | null, exact: number, resolution: number, side: 'down' | 'up') {
  expect(actual).not.toBeNull();
  const value = actual!;
  if (side === 'down') {
    expect(value).toBeLessThanOrEqual(exact + EPS);
    expect(value).toBeGreaterThanOrEqual(exact - resolution - EPS);
  } else {
    expect(value).toBeGreaterThanOrEqual(exact - EPS);
    expect(value).toBeLessThanOrEqual(exact + resolution + EPS);
  }
}

/** A standard-margin client: 1,000 USD and a BTC perp entered at 100. */
const perpClient = (id: string, qty: number) =>
  client(
    id,
    subaccount('venue-a', 'standard', { collateral: { USD: 1_000 }, positions: [perp('BTC', qty, 100)] }),
  );

function thresholds(book: JsonRecord, params: JsonRecord, depth1pct = 1e9) {
  return calculate(
    calculationDocuments({
      book,
      market: marketDocument({ BTC: cryptoQuote(100, 0.8, { adv: 1e9, depth1pct }) }),
      params,
      scenarios: scenariosDocument(),
    }),
  ).reverseStress;
}

describe('the search on a known predicate', () => {
  it('uses the published grids', () => {
    expect(DOWN_GRID).toHaveLength(20);
    expect(DOWN_GRID.map((r, i) => r + 0.05 * i).every((d) => Math.abs(d) < 1e-15)).toBe(true);
    expect(UP_GRID).toHaveLength(31);
    expect(UP_GRID.map((r, i) => r - 0.1 * i).every((d) => Math.abs(d) < 1e-15)).toBe(true);
    expect(BISECTION_STEPS).toBe(16);
    // R = 0 is +0 on both sides, so a book already past its fund reports 0, never −0.
    expect(Object.is(DOWN_GRID[0], 0)).toBe(true);
    const alreadyPast = searchThreshold(DOWN_GRID, () => true);
    expect(Object.is(alreadyPast, 0)).toBe(true);
  });

  it('bisects the first crossing 16 times and returns the severe end', () => {
    // holds(R) ⇔ R < −0.123: first grid hold −0.15, bracket [−0.10, −0.15].
    const probes: number[] = [];
    const result = searchThreshold(DOWN_GRID, (r) => {
      probes.push(r);
      return r < -0.123;
    });
    expect(probes).toHaveLength(4 + 16); // 0, −0.05, −0.10, −0.15, then 16 midpoints
    expectSevereEnd(result, -0.123, DOWN_RESOLUTION, 'down');
  });

  it('stops at the first crossing even when the predicate is false further out', () => {
    // holds only on (−0.62, −0.31): the scan meets −0.35 first; −0.95 would not hold.
    const result = searchThreshold(DOWN_GRID, (r) => r < -0.31 && r > -0.62);
    expectSevereEnd(result, -0.31, DOWN_RESOLUTION, 'down');
  });
});

describe('hand-solved thresholds (textbook params, as-is, BTC at 100)', () => {
  // Long L: 1,000 USD, +100 BTC at 100; short S: 1,000 USD, −100 BTC at 100; fund F = 234.
  // Under a uniform move R, P⁰ = 100·(1 + R). Shorts gain on the way down and longs on the way
  // up, so only L can fail down and only S up; each is liquidatable long before it is bankrupt
  // (MM = 5% of notional > 0 while E < 0 near the threshold).
  const book = bookDocument([perpClient('L', 100), perpClient('S', -100)], { insuranceFund: 234 });

  it('without impact (Y = 0): R* = ∓(1,000 + 234)/10,000 = ∓0.1234', () => {
    // L closes at P⁰: E = 1,000 + 100·(100·(1 + R) − 100) = 1,000 + 10,000·R < −234 ⇔ R < −0.1234.
    // S: E = 1,000 − 10,000·R < −234 ⇔ R > +0.1234.
    const { down, up } = thresholds(book, textbookParams({ impact: { y: 0 } }));
    expectSevereEnd(down, -0.1234, DOWN_RESOLUTION, 'down');
    expectSevereEnd(up, 0.1234, UP_RESOLUTION, 'up');
  });

  it('with linear impact: the crossings solve a quadratic in P⁰', () => {
    // depth1pct 10,000, λ = 1. L sells Q = −100·x at x = P⁰: I = 0.01·Q/10,000 = −x/10,000,
    //   fill P¹ = x − x²/10,000, E = 1,000 + 100·(P¹ − 100) = 100x − x²/100 − 9,000.
    //   E < −234 ⇔ x² − 10,000x + 876,600 > 0 ⇔ x < (10,000 − √(10⁸ − 3,506,400))/2 ≈ 88.4422.
    // S buys Q = +100·x: P¹ = x + x²/10,000, E = 1,000 − 100·(P¹ − 100) = 11,000 − 100x − x²/100.
    //   E < −234 ⇔ x² + 10,000x − 1,123,400 > 0 ⇔ x > (−10,000 + √(10⁸ + 4,493,600))/2 ≈ 111.1056.
    const xDown = (10_000 - Math.sqrt(1e8 - 3_506_400)) / 2;
    const xUp = (-10_000 + Math.sqrt(1e8 + 4_493_600)) / 2;
    expect(xDown).toBeCloseTo(88.4422, 4);
    expect(xUp).toBeCloseTo(111.1056, 4);
    const { down, up } = thresholds(book, textbookParams({ impact: { model: 'linear' } }), 10_000);
    expectSevereEnd(down, xDown / 100 - 1, DOWN_RESOLUTION, 'down');
    expectSevereEnd(up, xUp / 100 - 1, UP_RESOLUTION, 'up');
  });

  it('is null on a side that never crosses within the grid', () => {
    // Only the long: up moves only make it richer → up = null; down as in the Y = 0 case.
    const longOnly = bookDocument([perpClient('L', 100)], { insuranceFund: 234 });
    const { down, up } = thresholds(longOnly, textbookParams({ impact: { y: 0 } }));
    expectSevereEnd(down, -0.1234, DOWN_RESOLUTION, 'down');
    expect(up).toBeNull();
  });

  it('is null on both sides when the fund exceeds any possible bad debt', () => {
    // L's bad debt is at most 10,000·0.95 − 1,000 = 8,500 on the grid; S's at most 29,000.
    const rich = bookDocument([perpClient('L', 100), perpClient('S', -100)], { insuranceFund: 30_000 });
    expect(thresholds(rich, textbookParams({ impact: { y: 0 } }))).toEqual({ down: null, up: null });
  });

  it('is 0 on both sides when the book is already beyond the fund at R = 0', () => {
    // 100 USD, long 100 BTC at 110: E = 100 + 100·(100 − 110) = −900 < MM → bad debt 900 > F = 0.
    const broke = bookDocument([
      client(
        'Z',
        subaccount('venue-a', 'standard', { collateral: { USD: 100 }, positions: [perp('BTC', 100, 110)] }),
      ),
    ]);
    // Compared in the interchange form (result.json), where a zero threshold is written 0.
    const found = thresholds(broke, textbookParams({ impact: { y: 0 } }));
    expect(JSON.parse(JSON.stringify(found))).toEqual({ down: 0, up: 0 });
  });
});

describe('brute force on the literal model (options, portfolio margin, sqrt impact)', () => {
  // P (portfolio): 12,000 USDC, long 2 BTC perp at 91,500 and 3 long 70,000 puts (Dec).
  // Q (standard): 12,000 USDT, short 20 ETH perp at 3,020. Fund 1,000. The puts make P's bad
  // debt rise and then vanish on the way down (not monotone in R).
  const fund = 1_000;
  const clients = [
    client(
      'P',
      subaccount('venue-a', 'portfolio', {
        collateral: { USDC: 12_000 },
        positions: [perp('BTC', 2, 91_500), option('BTC', 'put', 70_000, '2026-12-25', 3)],
      }),
    ),
    client(
      'Q',
      subaccount('venue-a', 'standard', {
        collateral: { USDT: 12_000 },
        positions: [perp('ETH', -20, 3_020)],
      }),
    ),
  ];
  const params = { ...referenceParams(), regimes: ['as-is'] };

  // One literal-model cascade per probe: the scenario "*": {shock: R} is exactly §7's uniform
  // shock. A probe client owing 1 USD (E = −1, liquidatable, no flow because USD never trades)
  // makes holds(0) true in the probe document, so the literal model's own reverse-stress search
  // there ends at once; its 1 USD of bad debt is taken off again. It adds no flow, so it changes
  // no price and no other unit's fate.
  const probeClient = client('probe', subaccount('venue-z', 'standard', { collateral: { USD: -1 } }));
  function literalBadDebts(shocks: readonly number[]): number[] {
    const result = computeLiteralResult({
      book: bookDocument([...clients, probeClient]),
      market: smallExampleMarket(),
      params,
      scenarios: uniformShockScenarios(shocks),
    });
    return result.runs.map((run) => run.badDebt - 1);
  }
  const literalHolds = (shock: number) => literalBadDebts([shock])[0]! > fund;

  /** §7 written out: scan, then bisect the first bracket that holds. */
  function bruteForce(grid: readonly number[]): number | null {
    const holdsOnGrid = literalBadDebts(grid).map((badDebt) => badDebt > fund);
    const first = holdsOnGrid.indexOf(true);
    if (first < 0) return null;
    if (first === 0) return 0;
    let lo = grid[first - 1]!;
    let hi = grid[first]!;
    for (let step = 0; step < 16; step++) {
      const mid = (lo + hi) / 2;
      if (literalHolds(mid)) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  const grid = (count: number, step: number) => Array.from({ length: count }, (_, i) => (i * step) / 100);
  const downGrid = grid(20, -5);
  const upGrid = grid(31, 10);

  it('the book is not monotone in R: bad debt exceeds the fund at −30% but not at −70%', () => {
    const [at30, at70] = literalBadDebts([-0.3, -0.7]);
    expect(at30!).toBeGreaterThan(fund);
    expect(at70!).toBeLessThanOrEqual(fund);
  });

  it('the engine finds the same thresholds as the brute force, on the same dyadic points', () => {
    const engine = calculate(
      calculationDocuments({
        book: bookDocument(clients, { insuranceFund: fund }),
        market: smallExampleMarket(),
        params,
        scenarios: scenariosDocument(),
      }),
    ).reverseStress;
    const down = bruteForce(downGrid);
    const up = bruteForce(upGrid);
    expect(down).not.toBeNull();
    expect(up).not.toBeNull();
    expect(engine.down).toBeCloseTo(down!, 12);
    expect(engine.up).toBeCloseTo(up!, 12);
    // First crossings: between −5% and −10% down, between +20% and +30% up.
    expect(down!).toBeLessThan(-0.05);
    expect(down!).toBeGreaterThan(-0.1);
    expect(up!).toBeGreaterThan(0.2);
    expect(up!).toBeLessThan(0.3);
  });
});
