/** The derivation on small hand-made histories, where every expected number is worked by hand. */
import { describe, expect, it } from 'vitest';
import {
  deriveHistoricalLibrary,
  HistoricalDerivationError,
  type HistoricalInputs,
} from '../../../functions/core/scenarios/derive-historical.js';
import {
  type HistoricalEvent,
  PRICE_ASSETS,
  type PriceAsset,
} from '../../../functions/core/scenarios/historical-events.js';
import { type DailyBar, daysBetween } from '../../../functions/core/scenarios/price-history.js';

const EVENT: HistoricalEvent = {
  name: 'Test crash',
  label: '2023-01-10/11',
  window: ['2023-01-10', '2023-01-11'],
  keyDay: '2023-01-10',
  dating: 'synthetic',
  vol: { method: 'dvol' },
  stablecoins: [{ asset: 'USDT', level: 0.95, source: 'test' }],
  lowOverrides: [],
  facts: [],
  notes: [],
};

/**
 * Every asset closes at 100 every day; BTC's daily log return alternates ±1% in 2021–22 and each
 * other asset's is exactly 1.5× BTC's, so every realised beta is 1.5. Crash: close 80 on 01-10,
 * low 60 on 01-11 (BTC), 50 (ETH), 40 (the others).
 */
function syntheticInputs(omit: readonly PriceAsset[] = [], ethLow = 50): HistoricalInputs {
  const prices = {} as Record<PriceAsset, DailyBar[]>;
  for (const asset of PRICE_ASSETS) {
    const scale = asset === 'BTC' ? 1 : 1.5;
    let close = 100;
    prices[asset] = daysBetween('2020-12-31', '2023-01-12').map((day, i): DailyBar => {
      if (day <= '2022-12-31' && i > 0) close *= Math.exp(scale * (i % 2 === 0 ? 0.01 : -0.01));
      if (day >= '2023-01-01') close = 100;
      let low = close;
      if (day === '2023-01-10') close = 80;
      if (day === '2023-01-11') low = asset === 'BTC' ? 60 : asset === 'ETH' ? ethLow : 40;
      return { day, open: close, high: close, low: Math.min(low, close), close };
    });
  }
  for (const asset of omit)
    prices[asset] = prices[asset].filter((bar) => bar.day >= '2022-01-01' && bar.day < '2023-01-05');
  const dvol = [
    { day: '2023-01-09', value: 50 },
    { day: '2023-01-10', value: 60 },
    { day: '2023-01-11', value: 75 },
  ];
  return { prices, dvol };
}

describe('deriveHistoricalLibrary', () => {
  it('measures close-to-close on the key day and the worst low over the window, both from the base close', () => {
    const [c2c, low] = deriveHistoricalLibrary(syntheticInputs(), [EVENT]).scenarios;
    expect(c2c?.id).toBe('hist-2023-01-10-c2c');
    expect(c2c?.window).toEqual(['2023-01-09', '2023-01-10']);
    expect(c2c?.shocks.BTC).toEqual({ shock: -0.2, vol: 0.5, liquidity: 0.5 });
    expect(low?.id).toBe('hist-2023-01-10-low');
    expect(low?.window).toEqual(['2023-01-09', '2023-01-11']);
    expect(low?.shocks.BTC).toEqual({ shock: -0.4, vol: 0.5, liquidity: 0.26 });
    expect(low?.shocks.ETH?.shock).toBe(-0.5);
    expect(low?.shocks.USDT).toEqual({ shock: -0.05 });
  });

  it('sets "*" to the worst observed non-BTC move', () => {
    const low = deriveHistoricalLibrary(syntheticInputs([], 30), [EVENT]).scenarios[1];
    expect(low?.shocks['*']?.shock).toBe(-0.7);
    expect(low?.metadata.perAsset['*']?.shockSource).toContain('ETH');
  });

  it('proxies an asset absent from the data by (1 + R_BTC)^β − 1 with its realised beta', () => {
    const low = deriveHistoricalLibrary(syntheticInputs(['SOL']), [EVENT]).scenarios[1];
    const proxied = low?.metadata.perAsset.SOL?.proxied;
    expect(proxied?.beta).toBe(1.5);
    expect(low?.shocks.SOL?.shock).toBeCloseTo(0.6 ** 1.5 - 1, 6);
    // a proxy is not an observation: "*" ignores it
    expect(low?.shocks['*']?.shock).toBe(-0.6);
  });

  it('refuses a suspect low unless the event documents an override', () => {
    const inputs = syntheticInputs([], 0.01);
    expect(() => deriveHistoricalLibrary(inputs, [EVENT])).toThrow(HistoricalDerivationError);
    const withOverride: HistoricalEvent = {
      ...EVENT,
      lowOverrides: [{ asset: 'ETH', shock: -0.45, source: 'bad print' }],
    };
    const low = deriveHistoricalLibrary(inputs, [withOverride]).scenarios[1];
    expect(low?.shocks.ETH?.shock).toBe(-0.45);
  });

  it('falls back to the largest DVOL-measured vol shock for an event without implied-vol facts', () => {
    const noIv: HistoricalEvent = {
      ...EVENT,
      window: ['2022-06-10', '2022-06-10'],
      keyDay: '2022-06-10',
      vol: { method: 'largest-dvol-event', reason: 'none' },
    };
    const scenarios = deriveHistoricalLibrary(syntheticInputs(), [noIv, EVENT]).scenarios;
    expect(scenarios[0]?.shocks.BTC?.vol).toBe(0.5);
  });

  it('leaves its inputs unmodified', () => {
    const inputs = syntheticInputs(['AVAX']);
    const before = structuredClone(inputs);
    deriveHistoricalLibrary(inputs, [EVENT]);
    expect(inputs).toStrictEqual(before);
  });
});
