/**
 * Progressive ("tax bracket") tier margin, MODEL.md §3:
 *   IM = Σ_i imr_i·(min(N, upTo_i) − upTo_{i−1})⁺, upTo_0 = 0, the same for MM with mmr,
 * in both forms of functions/core/engine/tiers.ts (the literal `progressiveMargin` and the
 * precomputed `TierSchedule` the engine uses), on the reference params' schedules.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { progressiveMargin, TierSchedule } from '../../../functions/core/engine/tiers.js';
import type { MarginTier } from '../../../functions/core/model/params.js';
import { assetRiskParams, validateParams } from '../../../functions/core/validation/validate-params.js';
import { referenceParams } from '../../support/core-builders.js';

const params = validateParams(referenceParams());

function tiersOf(asset: string): readonly MarginTier[] {
  const effective = assetRiskParams(params, asset, 'crypto');
  if (!effective) throw new Error(`no params for ${asset}`);
  return effective.tiers;
}

/*
 * params.reference.json, BTC:   upTo         imr    mmr
 *                               1,000,000    1%     0.5%
 *                               5,000,000    2%     1%
 *                              25,000,000    4%     2%
 *                             100,000,000   10%     5%
 *                                    null   25%    12.5%
 * Cumulative margin at each edge:
 *   1M:   IM 10,000                              MM 5,000
 *   5M:   IM 10,000 + 2%·4M   =    90,000        MM 5,000 + 1%·4M    =    45,000
 *   25M:  IM 90,000 + 4%·20M  =   890,000        MM 45,000 + 2%·20M  =   445,000
 *   100M: IM 890,000 + 10%·75M = 8,390,000       MM 445,000 + 5%·75M = 4,195,000
 */
const BTC = tiersOf('BTC');
const BTC_SCHEDULE = new TierSchedule(BTC);

/** Exact products of a few binary-inexact rates: a few ulps of the result. */
const MONEY_REL_TOL = 1e-12;

function expectMargin(tiers: readonly MarginTier[], notional: number, im: number, mm: number): void {
  const schedule = new TierSchedule(tiers);
  for (const [actual, expected] of [
    [progressiveMargin(tiers, notional, 'imr'), im],
    [progressiveMargin(tiers, notional, 'mmr'), mm],
    [schedule.initial(notional), im],
    [schedule.maintenance(notional), mm],
  ] as const) {
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(MONEY_REL_TOL * Math.max(1, expected));
  }
}

describe('reference schedules as parsed', () => {
  it('BTC has five brackets ending with an open one (upTo null → Infinity)', () => {
    expect(BTC.map((t) => [t.upTo, t.imr, t.mmr])).toEqual([
      [1_000_000, 0.01, 0.005],
      [5_000_000, 0.02, 0.01],
      [25_000_000, 0.04, 0.02],
      [100_000_000, 0.1, 0.05],
      [Number.POSITIVE_INFINITY, 0.25, 0.125],
    ]);
  });

  it('an asset without its own tiers takes the "*" schedule', () => {
    expect(tiersOf('SOL')).toEqual(tiersOf('DOGE'));
    expect(tiersOf('SOL')[0]).toEqual({ upTo: 250_000, imr: 0.02, mmr: 0.01 });
  });
});

describe('hand-computed tier margin', () => {
  it('BTC N = 1,098,000 (12 BTC at 91,500) → IM 11,960, MM 5,980', () => {
    // IM = 1%·1,000,000 + 2%·98,000 = 10,000 + 1,960 = 11,960
    // MM = 0.5%·1,000,000 + 1%·98,000 = 5,000 + 980 = 5,980
    expectMargin(BTC, 12 * 91_500, 11_960, 5_980);
  });

  it('"*" N = 411,000 (3,000 SOL at 137) → IM 13,050, MM 6,525', () => {
    // IM = 2%·250,000 + 5%·161,000 = 5,000 + 8,050 = 13,050
    // MM = 1%·250,000 + 2.5%·161,000 = 2,500 + 4,025 = 6,525
    expectMargin(tiersOf('SOL'), 3_000 * 137, 13_050, 6_525);
  });

  it('ETH N = 906,000 (300 ETH at 3,020) → IM 14,770, MM 7,310', () => {
    // IM = 1.33%·500,000 + 2%·406,000 = 6,650 + 8,120 = 14,770
    // MM = 0.65%·500,000 + 1%·406,000 = 3,250 + 4,060 = 7,310
    expectMargin(tiersOf('ETH'), 300 * 3_020, 14_770, 7_310);
  });

  it('exactly at each BTC edge: the cumulative margin of the brackets below', () => {
    expectMargin(BTC, 1_000_000, 10_000, 5_000);
    expectMargin(BTC, 5_000_000, 90_000, 45_000);
    expectMargin(BTC, 25_000_000, 890_000, 445_000);
    expectMargin(BTC, 100_000_000, 8_390_000, 4_195_000);
  });

  it('one dollar either side of an edge moves the margin by the lower and upper rate', () => {
    // Just below 5M: 90,000 − 2%·1; just above: 90,000 + 4%·1.
    expectMargin(BTC, 4_999_999, 90_000 - 0.02, 45_000 - 0.01);
    expectMargin(BTC, 5_000_001, 90_000 + 0.04, 45_000 + 0.02);
  });

  it('above the last edge the open bracket applies: N = 120M → IM 13,390,000, MM 6,695,000', () => {
    // IM = 8,390,000 + 25%·20,000,000 = 13,390,000; MM = 4,195,000 + 12.5%·20,000,000 = 6,695,000
    expectMargin(BTC, 120_000_000, 13_390_000, 6_695_000);
    // Far beyond: the marginal rate tends to 25% / 12.5%.
    expectMargin(BTC, 1e12, 8_390_000 + 0.25 * (1e12 - 1e8), 4_195_000 + 0.125 * (1e12 - 1e8));
  });

  it('zero notional → zero margin; a negative notional is treated as none', () => {
    expectMargin(BTC, 0, 0, 0);
    expect(BTC_SCHEDULE.initial(-5)).toBe(0);
    expect(BTC_SCHEDULE.maintenance(-5)).toBe(0);
    expect(progressiveMargin(BTC, -5, 'imr')).toBe(0);
  });

  it('a single open bracket is a flat rate', () => {
    const flat: MarginTier[] = [{ upTo: Number.POSITIVE_INFINITY, imr: 0.1, mmr: 0.05 }];
    expectMargin(flat, 123_456, 12_345.6, 6_172.8);
  });
});

/** Valid tier tables: 1–6 brackets, strictly increasing edges, the last open. */
const tierTable = fc
  .array(
    fc.record({
      width: fc.double({ min: 1, max: 1e8, noNaN: true }),
      imr: fc.double({ min: 0, max: 1, noNaN: true }),
      mmr: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((rows) => {
    let upTo = 0;
    return rows.map((row, i): MarginTier => {
      upTo += row.width;
      return { upTo: i === rows.length - 1 ? Number.POSITIVE_INFINITY : upTo, imr: row.imr, mmr: row.mmr };
    });
  });

describe('properties (fast-check)', () => {
  it('TierSchedule equals the literal bracket sum for any schedule and notional', () => {
    fc.assert(
      fc.property(tierTable, fc.double({ min: 0, max: 1e10, noNaN: true }), (tiers, notional) => {
        const schedule = new TierSchedule(tiers);
        const im = progressiveMargin(tiers, notional, 'imr');
        const mm = progressiveMargin(tiers, notional, 'mmr');
        // Both sum the same products in a different grouping: rounding ≲ 1e-15 of the total.
        expect(Math.abs(schedule.initial(notional) - im)).toBeLessThanOrEqual(1e-12 * Math.max(1, im));
        expect(Math.abs(schedule.maintenance(notional) - mm)).toBeLessThanOrEqual(1e-12 * Math.max(1, mm));
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it('margin is ≥ 0, non-decreasing in the notional, and grows at most by the top rate', () => {
    fc.assert(
      fc.property(
        tierTable,
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        (tiers, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const schedule = new TierSchedule(tiers);
          const topRate = Math.max(...tiers.map((t) => t.imr));
          const imLow = schedule.initial(low);
          const imHigh = schedule.initial(high);
          expect(imLow).toBeGreaterThanOrEqual(0);
          expect(imHigh).toBeGreaterThanOrEqual(imLow - 1e-9 * Math.max(1, imLow));
          expect(imHigh - imLow).toBeLessThanOrEqual(topRate * (high - low) + 1e-9 * Math.max(1, imHigh));
        },
      ),
      { numRuns: 500, seed: 4 },
    );
  });

  it('MM ≤ IM whenever every bracket has mmr ≤ imr (true of every reference schedule)', () => {
    for (const asset of ['BTC', 'ETH', 'SOL']) {
      for (const tier of tiersOf(asset)) expect(tier.mmr).toBeLessThanOrEqual(tier.imr);
    }
    fc.assert(
      fc.property(tierTable, fc.double({ min: 0, max: 1e10, noNaN: true }), (raw, notional) => {
        const tiers = raw.map((t) => ({ ...t, mmr: Math.min(t.mmr, t.imr) }));
        const schedule = new TierSchedule(tiers);
        expect(schedule.maintenance(notional)).toBeLessThanOrEqual(schedule.initial(notional));
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
