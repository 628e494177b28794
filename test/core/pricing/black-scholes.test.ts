/**
 * Black–Scholes price and Greeks (functions/core/pricing/black-scholes.ts) against textbook
 * values, put–call parity, finite differences, and the expired / zero-vol conventions of
 * MODEL.md §0 and functions/core/README.md ("Units and sign conventions").
 *
 * Conventions under test: τ in years ACT/365 (MODEL.md §0), r continuously compounded, vega per
 * 1.00 of vol, theta per year of calendar time (= −∂V/∂τ).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type IsoDate, parseIsoDate, yearFraction } from '../../../functions/core/dates.js';
import {
  blackScholes,
  type OptionRight,
  optionDelta,
  optionPrice,
} from '../../../functions/core/pricing/black-scholes.js';
import { bookDocument, buildEngine, client, option, subaccount } from '../../support/core-builders.js';

function iso(text: string): IsoDate {
  const date = parseIsoDate(text);
  if (!date) throw new Error(`not a date: ${text}`);
  return date;
}

/**
 * Reference values: mpmath 1.3.0 at mp.dps = 40 evaluating the closed forms
 *   d1 = (ln(S/K) + (r + σ²/2)τ)/(σ√τ), c = S·N(d1) − K·e^{−rτ}·N(d2), p = K·e^{−rτ}·N(−d2) − S·N(−d1),
 *   Δ_c = N(d1), Γ = n(d1)/(Sσ√τ), vega = S·n(d1)·√τ, Θ_c = −S·n(d1)·σ/(2√τ) − rK·e^{−rτ}·N(d2)
 * at the exact doubles below, then rounded to the nearest double (shortest round-trip form). The price is a difference of
 * two terms of size ≈ S, each accurate to a few ulps: 1e-12 absolute is ~100× the rounding error.
 */
const PRICE_ABS_TOL = 1e-12;
/** Greeks are single closed-form expressions (no cancellation): a few ulps relative. */
const GREEK_REL_TOL = 1e-13;

describe('Black–Scholes against Hull, Options, Futures, and Other Derivatives', () => {
  it('Example 15.6: S=42, K=40, r=10%, σ=20%, T=0.5 → call 4.76, put 0.81', () => {
    const call = blackScholes('call', 42, 40, 0.5, 0.2, 0.1);
    const put = blackScholes('put', 42, 40, 0.5, 0.2, 0.1);
    // Hull prints c = 4.76 and p = 0.81 (d1 = 0.7693, d2 = 0.6278).
    expect(call.price).toBeCloseTo(4.759422, 6);
    expect(put.price).toBeCloseTo(0.808599, 6);
    expect(Math.abs(call.price - 4.759422392871533)).toBeLessThanOrEqual(PRICE_ABS_TOL);
    expect(Math.abs(put.price - 0.8085993729000936)).toBeLessThanOrEqual(PRICE_ABS_TOL);
    expect(optionPrice(true, 42, 40, 0.5, 0.2, 0.1)).toBe(call.price);
    expect(optionPrice(false, 42, 40, 0.5, 0.2, 0.1)).toBe(put.price);
  });

  /**
   * Chapter 19 (The Greek letters) running example: 100,000 calls, S = 49, K = 50, r = 5%,
   * σ = 20%, 20 weeks to expiry. Hull prints delta 0.522 (Ex. 19.1), theta −4.31 per year
   * (Ex. 19.2), gamma 0.066 (Ex. 19.4), vega 12.1 (Ex. 19.6), and the value ≈ $240,000 for the
   * block, i.e. 2.40 per option. The 6-digit figures are for T = 20/52 exactly; Hull writes
   * T = 0.3846 in the text, which shifts delta by 3e-6 and vega by 2.4e-4 (checked below).
   */
  it('ch. 19: S=49, K=50, r=5%, σ=20%, T=20/52 → Δ 0.521605, Γ 0.065544, vega 12.10548, Θ −4.31', () => {
    const tau = 20 / 52;
    const greeks = blackScholes('call', 49, 50, tau, 0.2, 0.05);
    expect(greeks.delta).toBeCloseTo(0.521605, 6);
    expect(greeks.gamma).toBeCloseTo(0.065544, 6);
    expect(greeks.vega).toBeCloseTo(12.10548, 5);
    expect(greeks.theta).toBeCloseTo(-4.31, 2);
    expect(greeks.price).toBeCloseTo(2.4, 2);
    expect(greeks.delta).toBeCloseTo(0.5216046610663964, 14);
    expect(Math.abs(greeks.gamma / 0.06554403934784439 - 1)).toBeLessThanOrEqual(GREEK_REL_TOL);
    expect(Math.abs(greeks.vega / 12.1054798826288 - 1)).toBeLessThanOrEqual(GREEK_REL_TOL);
    expect(Math.abs(greeks.theta / -4.305329822932573 - 1)).toBeLessThanOrEqual(GREEK_REL_TOL);
    expect(Math.abs(greeks.price - 2.4005273232717146)).toBeLessThanOrEqual(PRICE_ABS_TOL);
  });

  it('ch. 19 with T = 0.3846 as printed: Δ 0.5216016, Γ 0.0655454, vega 12.10524 (all round to Hull)', () => {
    const greeks = blackScholes('call', 49, 50, 0.3846, 0.2, 0.05);
    expect(greeks.delta).toBeCloseTo(0.5216016339715761, 14);
    expect(Math.abs(greeks.gamma / 0.06554537725247866 - 1)).toBeLessThanOrEqual(GREEK_REL_TOL);
    expect(Math.abs(greeks.vega / 12.105242754243845 - 1)).toBeLessThanOrEqual(GREEK_REL_TOL);
    expect(Math.abs(greeks.theta / -4.305389964546104 - 1)).toBeLessThanOrEqual(GREEK_REL_TOL);
    // Hull's rounded figures hold for either reading of "20 weeks".
    expect(greeks.delta).toBeCloseTo(0.522, 3);
    expect(greeks.gamma).toBeCloseTo(0.066, 3);
    expect(greeks.vega).toBeCloseTo(12.1, 1);
  });

  it('put Greeks of the Example 15.6 option (Δ_p = Δ_c − 1, same Γ and vega, Θ_p = −0.754 per year)', () => {
    const call = blackScholes('call', 42, 40, 0.5, 0.2, 0.1);
    const put = blackScholes('put', 42, 40, 0.5, 0.2, 0.1);
    expect(call.delta).toBeCloseTo(0.779131290942669, 14);
    expect(put.delta).toBeCloseTo(0.779131290942669 - 1, 14);
    expect(Math.abs(put.gamma / 0.04996267040591185 - 1)).toBeLessThanOrEqual(GREEK_REL_TOL);
    expect(Math.abs(put.vega / 8.813415059602852 - 1)).toBeLessThanOrEqual(GREEK_REL_TOL);
    expect(Math.abs(call.theta / -4.559092194592627 - 1)).toBeLessThanOrEqual(GREEK_REL_TOL);
    expect(Math.abs(put.theta / -0.7541744965897705 - 1)).toBeLessThanOrEqual(GREEK_REL_TOL);
  });
});

// A grid spanning deep OTM to deep ITM, one day to three years, low to extreme vol, negative to
// positive rates. K = 100 throughout (prices are homogeneous of degree 1 in (S, K)).
const STRIKE = 100;
const SPOTS = [50, 80, 95, 100, 105, 120, 200];
const TAUS = [1 / 365, 0.05, 0.25, 1, 3];
const VOLS = [0.05, 0.3, 0.8, 1.5];
const RATES = [-0.01, 0, 0.05];
const RIGHTS: readonly OptionRight[] = ['call', 'put'];

interface GridPoint {
  readonly right: OptionRight;
  readonly spot: number;
  readonly tau: number;
  readonly vol: number;
  readonly rate: number;
}

const GRID: readonly GridPoint[] = RIGHTS.flatMap((right) =>
  SPOTS.flatMap((spot) =>
    TAUS.flatMap((tau) => VOLS.flatMap((vol) => RATES.map((rate) => ({ right, spot, tau, vol, rate })))),
  ),
);

describe('put–call parity C − P = S − K·e^{−rτ}', () => {
  /** Both prices carry ≈ 1e-16·max(S, K) rounding each; 1e-14·max(S, K) leaves 50× headroom. */
  const PARITY_REL_TOL = 1e-14;

  it('holds on the grid of spots, expiries, vols and rates', () => {
    for (const { spot, tau, vol, rate } of GRID.filter((p) => p.right === 'call')) {
      const call = optionPrice(true, spot, STRIKE, tau, vol, rate);
      const put = optionPrice(false, spot, STRIKE, tau, vol, rate);
      const forwardIntrinsic = spot - STRIKE * Math.exp(-rate * tau);
      expect(Math.abs(call - put - forwardIntrinsic)).toBeLessThanOrEqual(
        PARITY_REL_TOL * Math.max(spot, STRIKE),
      );
    }
  });

  it('holds for random inputs, and Δ_c − Δ_p = 1, Γ and vega equal (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.double({ min: 1e-3, max: 5, noNaN: true }),
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        fc.double({ min: -0.05, max: 0.2, noNaN: true }),
        (strike, moneyness, tau, vol, rate) => {
          const spot = strike * moneyness;
          const call = blackScholes('call', spot, strike, tau, vol, rate);
          const put = blackScholes('put', spot, strike, tau, vol, rate);
          const scale = Math.max(spot, strike);
          expect(
            Math.abs(call.price - put.price - (spot - strike * Math.exp(-rate * tau))),
          ).toBeLessThanOrEqual(PARITY_REL_TOL * scale);
          expect(call.delta - put.delta).toBeCloseTo(1, 15);
          expect(put.gamma).toBe(call.gamma);
          expect(put.vega).toBe(call.vega);
          // Θ_c − Θ_p = −r·K·e^{−rτ} (differentiate the parity in calendar time).
          expect(
            Math.abs(call.theta - put.theta + rate * strike * Math.exp(-rate * tau)),
          ).toBeLessThanOrEqual(1e-12 * scale);
        },
      ),
      { numRuns: 300, seed: 20261130 },
    );
  });
});

describe('price bounds (no-arbitrage)', () => {
  it('max(S − K·e^{−rτ}, 0) ≤ C ≤ S and max(K·e^{−rτ} − S, 0) ≤ P ≤ K·e^{−rτ}', () => {
    for (const { right, spot, tau, vol, rate } of GRID) {
      const price = optionPrice(right === 'call', spot, STRIKE, tau, vol, rate);
      const discountedStrike = STRIKE * Math.exp(-rate * tau);
      const slack = 1e-12 * STRIKE;
      if (right === 'call') {
        expect(price).toBeGreaterThanOrEqual(Math.max(spot - discountedStrike, 0) - slack);
        expect(price).toBeLessThanOrEqual(spot + slack);
      } else {
        expect(price).toBeGreaterThanOrEqual(Math.max(discountedStrike - spot, 0) - slack);
        expect(price).toBeLessThanOrEqual(discountedStrike + slack);
      }
    }
  });
});

/**
 * Central finite differences of optionPrice against the analytic Greeks. Steps are scaled to the
 * width of the terminal distribution w = S·σ·√τ (the length over which V bends), so the
 * truncation error is O((h/w)²) relative to each Greek's natural scale whatever the grid point:
 *   Δ: h = 1e-4·w → truncation ~1e-8·w²·V'''/6 ≲ 1e-9, rounding ~ε·V/h ≲ 1e-9     → tol 1e-7 absolute
 *   Γ: h = 1e-3·w → truncation ~1e-6/12 of 1/w, rounding ~4ε·V/h² ≲ 1e-8 of 1/w    → tol 1e-5 / w
 *   vega: h = 1e-4·σ → truncation ~1e-8 of S√τ, rounding ≲ 1e-10                  → tol 1e-7·S·√τ
 *   Θ = −∂V/∂τ: h = 1e-4·τ → same orders relative to S·σ/√τ                         → tol 1e-7·S·σ/√τ
 * Measured worst cases over the grid: 1.4e-9, 1.7e-6/w, 1.3e-9·S√τ, 8.9e-10·Sσ/√τ.
 */
describe('Greeks agree with central finite differences of the price', () => {
  const price = (p: GridPoint, spot: number, tau: number, vol: number) =>
    optionPrice(p.right === 'call', spot, STRIKE, tau, vol, p.rate);

  it.each(GRID.map((p) => [p.right, p.spot, p.tau, p.vol, p.rate, p] as const))(
    '%s S=%d τ=%d σ=%d r=%d',
    (_right, _spot, _tau, _vol, _rate, p) => {
      const { spot, tau, vol } = p;
      const greeks = blackScholes(p.right, spot, STRIKE, tau, vol, p.rate);
      const width = spot * vol * Math.sqrt(tau);

      const hDelta = 1e-4 * width;
      const fdDelta = (price(p, spot + hDelta, tau, vol) - price(p, spot - hDelta, tau, vol)) / (2 * hDelta);
      expect(Math.abs(fdDelta - greeks.delta)).toBeLessThanOrEqual(1e-7);

      const hGamma = 1e-3 * width;
      const fdGamma =
        (price(p, spot + hGamma, tau, vol) -
          2 * price(p, spot, tau, vol) +
          price(p, spot - hGamma, tau, vol)) /
        (hGamma * hGamma);
      expect(Math.abs(fdGamma - greeks.gamma)).toBeLessThanOrEqual(1e-5 / width);

      const hVega = 1e-4 * vol;
      const fdVega = (price(p, spot, tau, vol + hVega) - price(p, spot, tau, vol - hVega)) / (2 * hVega);
      expect(Math.abs(fdVega - greeks.vega)).toBeLessThanOrEqual(1e-7 * spot * Math.sqrt(tau));

      const hTau = 1e-4 * tau;
      const fdTheta = -(price(p, spot, tau + hTau, vol) - price(p, spot, tau - hTau, vol)) / (2 * hTau);
      expect(Math.abs(fdTheta - greeks.theta)).toBeLessThanOrEqual((1e-7 * spot * vol) / Math.sqrt(tau));

      // The one-value entry points give the same numbers as the full evaluation.
      expect(optionPrice(p.right === 'call', spot, STRIKE, tau, vol, p.rate)).toBeCloseTo(greeks.price, 12);
      expect(optionDelta(p.right === 'call', spot, STRIKE, tau, vol, p.rate)).toBe(greeks.delta);
    },
  );

  it('signs: Γ > 0 and vega > 0 before expiry; call Δ ∈ (0, 1), put Δ ∈ (−1, 0)', () => {
    for (const p of GRID) {
      const greeks = blackScholes(p.right, p.spot, STRIKE, p.tau, p.vol, p.rate);
      expect(greeks.gamma).toBeGreaterThanOrEqual(0);
      expect(greeks.vega).toBeGreaterThanOrEqual(0);
      if (p.right === 'call') {
        expect(greeks.delta).toBeGreaterThanOrEqual(0);
        expect(greeks.delta).toBeLessThanOrEqual(1);
      } else {
        expect(greeks.delta).toBeGreaterThanOrEqual(-1);
        expect(greeks.delta).toBeLessThanOrEqual(0);
      }
    }
  });
});

describe('expired options, τ ≤ 0 (MODEL.md §0)', () => {
  // r = 5% on purpose: the intrinsic value is undiscounted (no e^{−rτ} factor).
  const RATE = 0.05;

  it.each([0, -1 / 365, -2])('τ = %d: intrinsic value, undiscounted, insensitive to vol', (tau) => {
    // call K=100: S=130 → 30; S=100 → 0; S=70 → 0. put K=100: S=70 → 30; S=100 → 0; S=130 → 0.
    const cases: readonly [OptionRight, number, number][] = [
      ['call', 130, 30],
      ['call', 100, 0],
      ['call', 70, 0],
      ['put', 70, 30],
      ['put', 100, 0],
      ['put', 130, 0],
    ];
    for (const [right, spot, intrinsic] of cases) {
      for (const vol of [0, 0.01, 0.5, 5]) {
        const greeks = blackScholes(right, spot, STRIKE, tau, vol, RATE);
        expect(greeks.price).toBe(intrinsic);
        expect(optionPrice(right === 'call', spot, STRIKE, tau, vol, RATE)).toBe(intrinsic);
        expect(greeks.gamma).toBe(0);
        expect(greeks.vega).toBe(0);
        expect(greeks.theta).toBe(0);
      }
    }
  });

  it('delta is a step: 1 for a call with S > K, −1 for a put with S < K, 0 otherwise (also at S = K)', () => {
    const deltas = (right: OptionRight, spot: number) => [
      blackScholes(right, spot, STRIKE, 0, 0.5, RATE).delta,
      optionDelta(right === 'call', spot, STRIKE, -0.1, 0.5, RATE),
    ];
    expect(deltas('call', 100.01)).toEqual([1, 1]);
    expect(deltas('call', 100)).toEqual([0, 0]);
    expect(deltas('call', 99.99)).toEqual([0, 0]);
    expect(deltas('put', 99.99)).toEqual([-1, -1]);
    expect(deltas('put', 100)).toEqual([0, 0]);
    expect(deltas('put', 100.01)).toEqual([0, 0]);
  });

  it('the price just before expiry converges to the intrinsic value away from the strike', () => {
    // One second before expiry, σ = 80%: w = S·σ·√τ ≈ 130·0.8·1.8e-4 ≈ 0.019, so S − K = 30 is
    // ~1,600 widths in the money: the time value and the discounting (30·r·τ ≈ 5e-8) are < 1e-7.
    const tau = 1 / (365 * 86_400);
    expect(optionPrice(true, 130, STRIKE, tau, 0.8, RATE)).toBeCloseTo(30 + STRIKE * RATE * tau, 7);
    expect(optionPrice(false, 70, STRIKE, tau, 0.8, RATE)).toBeCloseTo(30 - STRIKE * RATE * tau, 7);
    expect(optionPrice(true, 70, STRIKE, tau, 0.8, RATE)).toBe(0);
  });
});

describe('zero volatility (σ = 0 after a −100% vol shock): the deterministic limit', () => {
  const RATE = 0.05;
  const TAU = 1;
  const discountedStrike = STRIKE * Math.exp(-RATE * TAU); // 95.1229…

  it('price = max(±(S − K·e^{−rτ}), 0), the limit of the σ > 0 price', () => {
    for (const spot of [80, 95, 96, 100, 130]) {
      const call = optionPrice(true, spot, STRIKE, TAU, 0, RATE);
      const put = optionPrice(false, spot, STRIKE, TAU, 0, RATE);
      expect(call).toBe(Math.max(spot - discountedStrike, 0));
      expect(put).toBe(Math.max(discountedStrike - spot, 0));
      // At σ = 1e-9 every spot above is ≥ 0.12/ (S·σ) ≈ 1e6 widths from the forward money.
      expect(optionPrice(true, spot, STRIKE, TAU, 1e-9, RATE)).toBeCloseTo(call, 12);
      expect(optionPrice(false, spot, STRIKE, TAU, 1e-9, RATE)).toBeCloseTo(put, 12);
    }
  });

  it('delta steps at the discounted strike, Γ = vega = 0, Θ = ∓r·K·e^{−rτ} in the money', () => {
    const itmCall = blackScholes('call', 100, STRIKE, TAU, 0, RATE); // 100 > 95.12: in the money
    expect(itmCall).toEqual({
      price: 100 - discountedStrike,
      delta: 1,
      gamma: 0,
      vega: 0,
      theta: -RATE * discountedStrike,
    });
    const otmPut = blackScholes('put', 100, STRIKE, TAU, 0, RATE);
    expect(otmPut).toEqual({ price: 0, delta: 0, gamma: 0, vega: 0, theta: 0 });
    const itmPut = blackScholes('put', 90, STRIKE, TAU, 0, RATE);
    expect(itmPut.delta).toBe(-1);
    expect(itmPut.theta).toBeCloseTo(RATE * discountedStrike, 12);
    expect(blackScholes('call', 90, STRIKE, TAU, 0, RATE).delta).toBe(0);
    // Θ matches −∂V/∂τ of the deterministic price: V = S − K·e^{−rτ}, −∂V/∂τ = −r·K·e^{−rτ}.
    const h = 1e-6;
    const fdTheta =
      -(optionPrice(true, 100, STRIKE, TAU + h, 0, RATE) - optionPrice(true, 100, STRIKE, TAU - h, 0, RATE)) /
      (2 * h);
    expect(fdTheta).toBeCloseTo(itmCall.theta, 6);
    // The σ → 0 limit of the analytic delta agrees away from the forward money.
    expect(optionDelta(true, 100, STRIKE, TAU, 1e-9, RATE)).toBe(1);
    expect(optionDelta(false, 90, STRIKE, TAU, 1e-9, RATE)).toBe(-1);
  });

  it('exactly at the discounted strike delta is the σ → 0⁺ limit N(0): ½ for a call, −½ for a put', () => {
    expect(optionDelta(true, discountedStrike, STRIKE, TAU, 0, RATE)).toBe(0.5);
    expect(optionDelta(false, discountedStrike, STRIKE, TAU, 0, RATE)).toBe(-0.5);
    expect(blackScholes('call', discountedStrike, STRIKE, TAU, 0, RATE).delta).toBe(0.5);
    // The analytic delta at a tiny σ tends to the same value: d1 = ½σ√τ → 0 (up to the
    // rounding of ln(S/K) + rτ, divided by σ√τ).
    expect(optionDelta(true, discountedStrike, STRIKE, TAU, 1e-9, RATE)).toBeCloseTo(0.5, 6);
    expect(optionDelta(false, discountedStrike, STRIKE, TAU, 1e-9, RATE)).toBeCloseTo(-0.5, 6);
  });
});

describe('time convention: τ = (expiry − asOf) in days / 365 (ACT/365, MODEL.md §0)', () => {
  it('year fractions from dates.ts', () => {
    expect(yearFraction(iso('2026-11-30'), iso('2026-12-25'))).toBe(25 / 365);
    // 2027-03-01 → 2028-03-01 spans 2028-02-29: 366 days, τ = 366/365 > 1 (no leap-year adjustment).
    expect(yearFraction(iso('2027-03-01'), iso('2028-03-01'))).toBe(366 / 365);
    expect(yearFraction(iso('2026-11-30'), iso('2027-11-30'))).toBe(1);
    expect(yearFraction(iso('2026-11-30'), iso('2026-11-30'))).toBe(0);
    expect(yearFraction(iso('2026-11-30'), iso('2026-11-29'))).toBe(-1 / 365);
  });

  it('the engine marks an option at V(S, K, τ = days/365, σ, r) from the book asOf', () => {
    // BTC 91,500, σ 0.52 (small example market), r = 0 there; 25 days to 2026-12-25.
    const { engine } = buildEngine({
      book: bookDocument([
        client(
          'C1',
          subaccount('venue-a', 'standard', {
            positions: [
              option('BTC', 'call', 100_000, '2026-12-25', 1),
              option('BTC', 'put', 85_000, '2027-03-01', 1),
            ],
          }),
        ),
      ]),
    });
    const call = engine.instruments.keys.indexOf('option|BTC|2026-12-25|call|100000');
    const put = engine.instruments.keys.indexOf('option|BTC|2027-03-01|put|85000');
    expect(engine.instruments.tau[call]).toBe(25 / 365);
    expect(engine.instruments.tau[put]).toBe(91 / 365); // Dec 1 … Mar 1: 31 + 31 + 28 + 1 = 91 days
    expect(engine.baseState.mark[call]).toBe(optionPrice(true, 91_500, 100_000, 25 / 365, 0.52, 0));
    expect(engine.baseState.mark[put]).toBe(optionPrice(false, 91_500, 85_000, 91 / 365, 0.52, 0));
    // Another day count would give a visibly different mark (ACT/360: 25/360).
    expect(
      Math.abs(engine.baseState.mark[call]! - optionPrice(true, 91_500, 100_000, 25 / 360, 0.52, 0)),
    ).toBeGreaterThan(1);
  });
});
