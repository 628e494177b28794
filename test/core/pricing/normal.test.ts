/**
 * Standard normal CDF Φ and density φ (functions/core/pricing/normal.ts) against
 * high-precision references. MODEL.md §0: "The standard normal CDF MUST be accurate to
 * 1e-14 absolute".
 */
import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, normalPdf } from '../../../functions/core/pricing/normal.js';

/** MODEL.md §0: |Φ(x) − Φ_exact(x)| ≤ 1e-14. */
const SPEC_ABS_TOL = 1e-14;
/** Φ(x) + Φ(−x) = 1: both terms are rounded once, and 1 − Φ is computed as ½·erfc, so ≤ 1e-15. */
const SYMMETRY_TOL = 1e-15;
/**
 * Cody's erfc keeps its relative accuracy in the far left tail (it computes exp(−y²) in two
 * factors); measured ≤ 1.5e-13 at x = −37. Not a spec requirement — a regression guard that an
 * absolute-only formula (e.g. 1 − Φ(−x)) would fail by 100%.
 */
const TAIL_REL_TOL = 1e-12;

/**
 * [x, Φ(x)] with Φ evaluated by mpmath 1.3.0 at mp.dps = 40 at the exact double x, then rounded
 * to the nearest double. Produced once with:
 *   from mpmath import mp, mpf, ncdf; mp.dps = 40
 *   xs = [-37 + 0.75*i for i in range(61)] + [-30.1, -26.5, -8.3, -2·√8, -1.959963984540054,
 *         -0.5, -0.25, ±0.46875 (Cody's first breakpoint), 0.1, 0.6629…(=0.46875·√2), 1.2, 2.5,
 *         2·√8 (=4·√2, Cody's second breakpoint)]
 *   for x in sorted(set(xs)): print([float(x), float(ncdf(mpf(float(x))))])
 */
const REFERENCE: readonly (readonly [number, number])[] = [
  [-37.0, 5.725571222524577e-300],
  [-36.25, 4.968506596540402e-288],
  [-35.5, 2.457691540661937e-276],
  [-34.75, 6.929967553740422e-265],
  [-34.0, 1.1138987855743794e-253],
  [-33.25, 1.0206571898843918e-242],
  [-32.5, 5.331424359678804e-232],
  [-31.75, 1.5876179359245268e-221],
  [-31.0, 2.6952500812005002e-211],
  [-30.25, 2.6086402857412604e-201],
  [-30.1, 2.4226672179857586e-199],
  [-29.5, 1.4394745522291793e-191],
  [-28.75, 4.5287883538797326e-182],
  [-28.0, 8.123869469659427e-173],
  [-27.25, 8.309263799347425e-164],
  [-26.5, 4.8461626603033206e-155],
  [-25.75, 1.6117135146044352e-146],
  [-25.0, 3.056696706382561e-138],
  [-24.25, 3.3060813584979603e-130],
  [-23.5, 2.0393675632499762e-122],
  [-22.75, 7.17504567166903e-115],
  [-22.0, 1.439892435145079e-107],
  [-21.25, 1.6483280423162502e-100],
  [-20.5, 1.0764673258790961e-93],
  [-19.75, 4.010891763113703e-87],
  [-19.0, 8.527223952630977e-81],
  [-18.25, 1.03454636775701e-74],
  [-17.5, 7.163458766235035e-69],
  [-16.75, 2.831314281544051e-63],
  [-16.0, 6.388754400538087e-58],
  [-15.25, 8.231656290531415e-53],
  [-14.5, 6.057494764415221e-48],
  [-13.75, 2.546476315973957e-43],
  [-13.0, 6.11716439954988e-39],
  [-12.25, 8.399796063633417e-35],
  [-11.5, 6.595771446113675e-31],
  [-10.75, 2.9630808780943587e-27],
  [-10.0, 7.619853024160525e-24],
  [-9.25, 1.1224633591327982e-20],
  [-8.5, 9.479534822203318e-18],
  [-8.3, 5.205569744890254e-17],
  [-7.75, 4.5946274357785954e-15],
  [-7.0, 1.279812543885835e-12],
  [-6.25, 2.0522634252189388e-10],
  [-5.656854249492381, 7.708628950139992e-9],
  [-5.5, 1.8989562465887718e-8],
  [-4.75, 1.0170832425687032e-6],
  [-4.0, 3.1671241833119924e-5],
  [-3.25, 0.000577025042390767],
  [-2.5, 0.006209665325776135],
  [-1.959963984540054, 0.025000000000000012],
  [-1.75, 0.04005915686381709],
  [-1.0, 0.15865525393145705],
  [-0.5, 0.3085375387259869],
  [-0.46875, 0.31962417151711764],
  [-0.25, 0.4012936743170763],
  [0.1, 0.539827837277029],
  [0.46875, 0.6803758284828824],
  [0.5, 0.6914624612740131],
  [0.6629126073623883, 0.746306736608969],
  [1.2, 0.8849303297782917],
  [1.25, 0.8943502263331448],
  [2.0, 0.9772498680518208],
  [2.5, 0.9937903346742238],
  [2.75, 0.9970202367649454],
  [3.5, 0.9997673709209645],
  [4.25, 0.9999893114742251],
  [5.0, 0.9999997133484281],
  [5.656854249492381, 0.999999992291371],
  [5.75, 0.9999999955378276],
  [6.5, 0.99999999995984],
  [7.25, 0.9999999999997916],
  [8.0, 0.9999999999999993],
];

describe('normalCdf Φ', () => {
  it('matches 40-digit mpmath values to 1e-14 absolute over [−37, 8] (MODEL.md §0)', () => {
    expect(REFERENCE.length).toBeGreaterThanOrEqual(60);
    const failures = REFERENCE.filter(([x, v]) => !(Math.abs(normalCdf(x) - v) <= SPEC_ABS_TOL));
    expect(failures).toEqual([]);
  });

  it('keeps relative accuracy in the left tail (Cody erfc, not 1 − Φ(−x))', () => {
    for (const [x, v] of REFERENCE) {
      if (x >= 0) continue;
      expect(Math.abs(normalCdf(x) - v) / v, `x = ${x}`).toBeLessThanOrEqual(TAIL_REL_TOL);
    }
  });

  it('is exactly ½ at 0 and saturates to 0 and 1 far out', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-40)).toBe(0); // Φ(−40) ≈ 3.7e−350 is below the smallest double
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
  });

  it('is symmetric: Φ(x) + Φ(−x) = 1 within 1e-15', () => {
    for (let i = 0; i <= 800; i++) {
      const x = -10 + i * 0.025 + 1e-3 * Math.sin(i); // off-grid points, both sides of each breakpoint
      expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1), `x = ${x}`).toBeLessThanOrEqual(SYMMETRY_TOL);
    }
  });

  it('is non-decreasing on a fine grid across Cody’s breakpoints (|x|/√2 = 0.46875 and 4)', () => {
    let previous = normalCdf(-9);
    for (let i = 1; i <= 18_000; i++) {
      const value = normalCdf(-9 + i * 1e-3);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
  });

  it('erfc is 2 − erfc(−x) and erfc(0) = 1', () => {
    expect(erfc(0)).toBe(1);
    for (const x of [0.1, 0.46875, 0.5, 1, 2.2, 3.9, 4, 4.1, 6, 26]) {
      expect(Math.abs(erfc(-x) - (2 - erfc(x)))).toBeLessThanOrEqual(4e-16);
    }
    // mpmath (dps 40): erfc(1) = 0.1572992070502851306587793649174…
    expect(Math.abs(erfc(1) - 0.15729920705028513) / 0.15729920705028513).toBeLessThanOrEqual(1e-15);
  });
});

describe('normalPdf φ', () => {
  it('matches mpmath npdf (dps 40) to 1 ulp-ish (2e-16 relative)', () => {
    const cases: [number, number][] = [
      [0, 0.3989422804014327],
      [1, 0.24197072451914334],
      [-2.5, 0.017528300493568537],
      [3.75, 0.0003525956823674454],
    ];
    for (const [x, v] of cases) expect(Math.abs(normalPdf(x) - v) / v).toBeLessThanOrEqual(2.5e-16);
    expect(normalPdf(-1.3)).toBe(normalPdf(1.3));
  });

  it('integrates to Φ: composite Simpson of φ over [−12, x] equals Φ(x) − Φ(−12) (spot checks)', () => {
    // Simpson error ≤ (b − a)·h⁴·max|φ⁗|/180 with h = 1e-3 and max|φ⁗| = 3/√(2π) < 1.2:
    // ≤ 20·1e-12·1.2/180 < 1.4e-13; rounding of ~10⁵ terms adds ~1e-14.
    const INTEGRAL_TOL = 2e-13;
    const simpson = (a: number, b: number, n: number): number => {
      const h = (b - a) / n;
      let sum = normalPdf(a) + normalPdf(b);
      for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * normalPdf(a + i * h);
      return (sum * h) / 3;
    };
    for (const x of [-3, -1, 0, 0.7, 2, 5, 8]) {
      const n = Math.round((x + 12) / 1e-3 / 2) * 2;
      expect(Math.abs(simpson(-12, x, n) - (normalCdf(x) - normalCdf(-12))), `x = ${x}`).toBeLessThan(
        INTEGRAL_TOL,
      );
    }
  });

  it('is the derivative of Φ (central difference, h = 1e-5)', () => {
    // Truncation h²/6·|φ''| ≤ 1.7e-11; rounding eps/h ≈ 1.1e-11.
    for (const x of [-4, -1.5, -0.3, 0, 0.9, 2.2, 3.1]) {
      const h = 1e-5;
      const derivative = (normalCdf(x + h) - normalCdf(x - h)) / (2 * h);
      expect(Math.abs(derivative - normalPdf(x))).toBeLessThan(5e-11);
    }
  });
});
