/**
 * Standard normal distribution, accurate to about 1e-16 absolute.
 *
 * Φ(x) = ½·erfc(−x/√2) with W. J. Cody's rational Chebyshev approximation of erfc
 * ("Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969),
 * 631–637; coefficients of the CALERF routine, SPECFUN/netlib). The Abramowitz–Stegun
 * 7.1.26 polynomial (error ~1e-7) is not good enough for MODEL.md §0 (1e-14 absolute).
 */

const A = [3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315];
const B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
const C = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769,
  1712.0476126340707, 2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
];
const D = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597,
  4362.619090143247, 3439.3676741437216, 1230.3393548037495,
];
const P = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 0.0006587491615298378,
  0.016315387137302097,
];
const Q = [
  2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918,
];

const ONE_OVER_SQRT_PI = 0.5641895835477563;
const THRESHOLD = 0.46875;
const SQRT_HALF = Math.SQRT1_2;
const ONE_OVER_SQRT_2PI = 0.3989422804014327;

/** exp(−y²) computed as exp(−t²)·exp(−(y−t)(y+t)) with t = y rounded to 1/16, as in CALERF. */
function expMinusSquare(y: number): number {
  const t = Math.trunc(y * 16) / 16;
  const del = (y - t) * (y + t);
  return Math.exp(-t * t) * Math.exp(-del);
}

/** Complementary error function erfc(x) for y = |x| > THRESHOLD, before the sign correction. */
function erfcTail(y: number): number {
  if (y <= 4) {
    let num = C[8]! * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]!) * y;
      den = (den + D[i]!) * y;
    }
    return ((num + C[7]!) / (den + D[7]!)) * expMinusSquare(y);
  }
  if (y >= 26.7) return 0; // below the smallest double
  const z = 1 / (y * y);
  let num = P[5]! * z;
  let den = z;
  for (let i = 0; i < 4; i++) {
    num = (num + P[i]!) * z;
    den = (den + Q[i]!) * z;
  }
  const r = (z * (num + P[4]!)) / (den + Q[4]!);
  return ((ONE_OVER_SQRT_PI - r) / y) * expMinusSquare(y);
}

/** erf(x) for |x| ≤ THRESHOLD. */
function erfSmall(x: number): number {
  const z = x * x;
  let num = A[4]! * z;
  let den = z;
  for (let i = 0; i < 3; i++) {
    num = (num + A[i]!) * z;
    den = (den + B[i]!) * z;
  }
  return (x * (num + A[3]!)) / (den + B[3]!);
}

/** Complementary error function. */
export function erfc(x: number): number {
  const y = Math.abs(x);
  if (y <= THRESHOLD) return 1 - erfSmall(x);
  const tail = erfcTail(y);
  return x < 0 ? 2 - tail : tail;
}

/** Standard normal cumulative distribution function Φ(x). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x * SQRT_HALF);
}

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return ONE_OVER_SQRT_2PI * Math.exp(-0.5 * x * x);
}
