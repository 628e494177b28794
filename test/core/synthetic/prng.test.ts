import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cumulativeWeights, hashSeed, Prng } from '../../../functions/core/synthetic/prng.js';

const seedArb = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));

function moments(values: readonly number[]): { mean: number; variance: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

function draw(n: number, f: () => number): number[] {
  return Array.from({ length: n }, f);
}

describe('Prng', () => {
  it('is deterministic per (seed, stream) and streams differ', () => {
    fc.assert(
      fc.property(seedArb, fc.nat(), (seed, stream) => {
        const a = new Prng(seed, stream);
        const b = new Prng(seed, stream);
        const xs = draw(32, () => a.nextUint32());
        expect(draw(32, () => b.nextUint32())).toEqual(xs);
        const other = new Prng(seed, stream + 1);
        expect(draw(32, () => other.nextUint32())).not.toEqual(xs);
      }),
      { numRuns: 200 },
    );
  });

  it('reseed restarts the sequence, including the cached normal', () => {
    const rng = new Prng('x', 3);
    const first = [rng.normal(), rng.next(), rng.normal()];
    rng.reseed(hashSeed('x'), 3);
    expect([rng.normal(), rng.next(), rng.normal()]).toEqual(first);
  });

  it('hashes a number seed through its decimal form', () => {
    expect(hashSeed(7)).toEqual(hashSeed('7'));
    expect(hashSeed(7)).not.toEqual(hashSeed(8));
    expect(() => hashSeed(Number.NaN)).toThrow(RangeError);
  });

  it('uniform: values in [0, 1), mean 1/2 and variance 1/12', () => {
    const rng = new Prng('uniform');
    const xs = draw(200_000, () => rng.next());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const { mean, variance } = moments(xs);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 3);
    // Deciles are flat.
    const bins = new Array<number>(10).fill(0);
    for (const x of xs) bins[Math.floor(x * 10)]! += 1;
    for (const count of bins) expect(Math.abs(count / xs.length - 0.1)).toBeLessThan(0.005);
  });

  it('normal, lognormal, exponential and pareto have the right moments / tails', () => {
    const rng = new Prng(42);
    const normal = moments(draw(200_000, () => rng.normal(1, 2)));
    expect(normal.mean).toBeCloseTo(1, 1);
    expect(Math.sqrt(normal.variance)).toBeCloseTo(2, 1);
    const logs = draw(100_000, () => Math.log(rng.lognormal(0.5, 0.3)));
    expect(moments(logs).mean).toBeCloseTo(0.5, 2);
    expect(moments(draw(100_000, () => rng.exponential(3))).mean).toBeCloseTo(3, 1);
    const pareto = draw(100_000, () => rng.pareto(2, 1.5));
    expect(pareto.every((x) => x >= 2)).toBe(true);
    // P(X > 20) = (2/20)^1.5 ≈ 0.0316
    const tail = pareto.filter((x) => x > 20).length / pareto.length;
    expect(tail).toBeGreaterThan(0.028);
    expect(tail).toBeLessThan(0.036);
  });

  it('int is inclusive and within bounds; pick and weighted picks follow their weights', () => {
    fc.assert(
      fc.property(seedArb, fc.integer({ min: -1000, max: 1000 }), fc.nat(50), (seed, lo, span) => {
        const rng = new Prng(seed);
        for (let i = 0; i < 50; i++) {
          const v = rng.int(lo, lo + span);
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(lo);
          expect(v).toBeLessThanOrEqual(lo + span);
        }
      }),
    );
    const rng = new Prng('weights');
    const seen = new Set(draw(1000, () => rng.int(0, 3)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
    const cumulative = cumulativeWeights([1, 0, 3]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[rng.weightedIndex(cumulative)]! += 1;
    expect(counts[1]).toBe(0);
    expect(counts[0]! / 40_000).toBeCloseTo(0.25, 1);
    expect(rng.weightedPick(['a', 'b', 'c'], cumulative)).not.toBe('b');
    expect(['x', 'y']).toContain(rng.pick(['x', 'y']));
    expect(() => cumulativeWeights([0, 0])).toThrow(RangeError);
    expect(() => rng.pick([])).toThrow(RangeError);
  });
});
