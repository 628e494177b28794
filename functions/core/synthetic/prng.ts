/**
 * A small, fast, seeded pseudo-random number generator for synthetic data (never for security).
 *
 * Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state, passes
 * PractRand), seeded through splitmix32 from a 64-bit hash (cyrb53) of the seed. A seed may be a
 * number or a string; a number is hashed through its decimal form, so `7` and `"7"` are the same
 * seed. `stream` selects an independent sub-sequence of one seed (e.g. one per client), so
 * element i of a synthetic data set can be regenerated without generating elements 0..i−1.
 *
 * Everything is deterministic: no clock, no Math.random, only IEEE-754 arithmetic and Math.*
 * functions, so the same seed gives the same sequence on every run of the same engine.
 */

const TWO_POW_MINUS_32 = 2 ** -32;
const TWO_PI = 2 * Math.PI;
const GOLDEN_GAMMA = 0x9e3779b9;

/** The seeds of one Prng: the 64-bit hash of the user's seed as two 32-bit halves. */
export interface SeedHash {
  readonly hi: number;
  readonly lo: number;
}

/** cyrb53 (bryc): a fast 53-bit string hash with good avalanche, returned as two 32-bit words. */
export function hashSeed(seed: number | string): SeedHash {
  if (typeof seed === 'number' && !Number.isFinite(seed))
    throw new RangeError('seed must be a finite number');
  const text = typeof seed === 'number' ? String(seed) : seed;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return { hi: h2 >>> 0, lo: h1 >>> 0 };
}

/** The splitmix32 / murmur3 finaliser: a bijective 32-bit mix. */
function mix32(value: number): number {
  let z = value | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Seeded PRNG with the distributions the synthetic generator needs. One instance is meant to
 * be reused (`reseed`) rather than allocated per record.
 */
export class Prng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  private spare = 0;
  private hasSpare = false;

  constructor(seed: number | string | SeedHash = 0, stream = 0) {
    this.reseed(typeof seed === 'object' ? seed : hashSeed(seed), stream);
  }

  /** Restarts the sequence at (seed, stream); `stream` is any 32-bit unsigned integer. */
  reseed(seed: SeedHash, stream = 0): void {
    let s = seed.lo ^ mix32((stream >>> 0) ^ mix32(seed.hi + GOLDEN_GAMMA));
    s = (s + GOLDEN_GAMMA) | 0;
    this.a = mix32(s);
    s = (s + GOLDEN_GAMMA) | 0;
    this.b = mix32(s) ^ seed.hi;
    s = (s + GOLDEN_GAMMA) | 0;
    this.c = mix32(s);
    this.d = stream | 0;
    this.hasSpare = false;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** The next raw 32-bit output, an integer in [0, 2³²). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform on [0, 1) with 2⁻³² resolution. */
  next(): number {
    return this.nextUint32() * TWO_POW_MINUS_32;
  }

  /** Uniform on the open interval (0, 1): safe to take a logarithm of. */
  nextOpen(): number {
    return (this.nextUint32() + 0.5) * TWO_POW_MINUS_32;
  }

  /** Uniform on [min, max). */
  uniform(min = 0, max = 1): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max] (both inclusive; min ≤ max, span < 2³²). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Normal(mean, sd) by Box–Muller; the second variate of each pair is cached. */
  normal(mean = 0, sd = 1): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return mean + sd * this.spare;
    }
    const radius = Math.sqrt(-2 * Math.log(this.nextOpen()));
    const angle = TWO_PI * this.next();
    this.spare = radius * Math.sin(angle);
    this.hasSpare = true;
    return mean + sd * radius * Math.cos(angle);
  }

  /** exp(Normal(mu, sigma)): median e^mu. */
  lognormal(mu: number, sigma: number): number {
    return Math.exp(this.normal(mu, sigma));
  }

  /** Exponential with the given mean. */
  exponential(mean = 1): number {
    return -mean * Math.log(this.nextOpen());
  }

  /** Pareto (type I) with scale xm > 0 and tail index alpha > 0: P(X > x) = (xm/x)^alpha. */
  pareto(xm: number, alpha: number): number {
    return xm * this.nextOpen() ** (-1 / alpha);
  }

  /** A uniformly chosen element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /**
   * An index drawn with probability proportional to the weights, given their running sums
   * (see `cumulativeWeights`); linear scan, meant for short lists.
   */
  weightedIndex(cumulative: ArrayLike<number>): number {
    const last = cumulative.length - 1;
    if (last < 0) throw new RangeError('weighted pick from an empty list');
    const target = this.next() * (cumulative[last] as number);
    for (let i = 0; i < last; i++) {
      if (target < (cumulative[i] as number)) return i;
    }
    return last;
  }

  /** An element drawn with probability proportional to its weight. */
  weightedPick<T>(items: readonly T[], cumulative: ArrayLike<number>): T {
    if (items.length !== cumulative.length) throw new RangeError('items and weights differ in length');
    return items[this.weightedIndex(cumulative)] as T;
  }
}

/** Running sums of non-negative weights, for `Prng.weightedIndex`; the total must be > 0. */
export function cumulativeWeights(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number;
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weight ${i} must be a finite number ≥ 0`);
    sum += w;
    out[i] = sum;
  }
  if (!(sum > 0)) throw new RangeError('weights must not all be zero');
  return out;
}

/** A fresh generator for (seed, stream). */
export function createPrng(seed: number | string, stream = 0): Prng {
  return new Prng(seed, stream);
}
