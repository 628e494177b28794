/**
 * The historical library reproduces the [DATA] figures of functions/data/EVENTS.md (headline
 * table). EVENTS.md gives percentages to one decimal, i.e. returns to 3 decimals, so a figure
 * agrees when |computed − published| ≤ 0.0005.
 */
import { describe, expect, it } from 'vitest';
import { findScenarioById } from '../../../functions/core/scenarios/library.js';
import type { HistoricalScenario } from '../../../functions/core/scenarios/scenario-types.js';

const HALF_LAST_DIGIT = 0.0005;

function historical(id: string): HistoricalScenario {
  const scenario = findScenarioById(id);
  if (scenario?.kind !== 'historical') throw new Error(`no historical scenario ${id}`);
  return scenario as HistoricalScenario;
}

function shockOf(id: string, asset: string): number {
  const shock = historical(id).shocks[asset]?.shock;
  if (shock === undefined) throw new Error(`${id} has no shock for ${asset}`);
  return shock;
}

// [scenario id, asset, EVENTS.md figure]
const PUBLISHED: readonly (readonly [string, string, number])[] = [
  // Black Thursday 2020-03-12/13
  ['hist-2020-03-12-c2c', 'BTC', -0.395],
  ['hist-2020-03-12-low', 'BTC', -0.523],
  ['hist-2020-03-12-c2c', 'ETH', -0.446],
  ['hist-2020-03-12-low', 'ETH', -0.558],
  ['hist-2020-03-12-low', 'BNB', -0.615],
  // Easter crash 2021-04-18 (extra)
  ['hist-2021-04-18-c2c', 'BTC', -0.064],
  ['hist-2021-04-18-low', 'BTC', -0.151],
  ['hist-2021-04-18-c2c', 'ETH', -0.035],
  ['hist-2021-04-18-low', 'ETH', -0.16],
  ['hist-2021-04-18-low', 'AVAX', -0.336],
  // China ban 2021-05-19
  ['hist-2021-05-19-c2c', 'BTC', -0.144],
  ['hist-2021-05-19-low', 'BTC', -0.3],
  ['hist-2021-05-19-c2c', 'ETH', -0.277],
  ['hist-2021-05-19-low', 'ETH', -0.441],
  ['hist-2021-05-19-low', 'DOGE', -0.556],
  ['hist-2021-05-19-low', 'SOL', -0.527],
  // El Salvador 2021-09-07 (extra)
  ['hist-2021-09-07-c2c', 'BTC', -0.11],
  ['hist-2021-09-07-low', 'BTC', -0.186],
  ['hist-2021-09-07-c2c', 'ETH', -0.125],
  ['hist-2021-09-07-low', 'ETH', -0.235],
  // Dec-4 weekend 2021-12-04
  ['hist-2021-12-04-c2c', 'BTC', -0.083],
  ['hist-2021-12-04-low', 'BTC', -0.216],
  ['hist-2021-12-04-c2c', 'ETH', -0.023],
  ['hist-2021-12-04-low', 'ETH', -0.169],
  ['hist-2021-12-04-low', 'XRP', -0.349],
  ['hist-2021-12-04-low', 'DOGE', -0.345],
  ['hist-2021-12-04-low', 'LINK', -0.343],
  // Terra/LUNA 2022-05-09..12
  ['hist-2022-05-09-c2c', 'BTC', -0.116],
  ['hist-2022-05-09-low', 'BTC', -0.216],
  ['hist-2022-05-09-c2c', 'ETH', -0.116],
  ['hist-2022-05-09-low', 'ETH', -0.286],
  ['hist-2022-05-09-low', 'AVAX', -0.545],
  ['hist-2022-05-09-low', 'SOL', -0.504],
  // Celsius/3AC 2022-06-13..18
  ['hist-2022-06-13-c2c', 'BTC', -0.154],
  ['hist-2022-06-13-low', 'BTC', -0.337],
  ['hist-2022-06-13-c2c', 'ETH', -0.157],
  ['hist-2022-06-13-low', 'ETH', -0.386],
  ['hist-2022-06-13-low', 'BNB', -0.28],
  // FTX 2022-11-08..09
  ['hist-2022-11-08-c2c', 'BTC', -0.141],
  ['hist-2022-11-08-low', 'BTC', -0.243],
  ['hist-2022-11-08-c2c', 'ETH', -0.174],
  ['hist-2022-11-08-low', 'ETH', -0.315],
  ['hist-2022-11-08-low', 'SOL', -0.582],
  ['hist-2022-11-08-c2c', 'SOL', -0.422],
  // USDC/SVB 2023-03-09..11
  ['hist-2023-03-09-c2c', 'BTC', -0.01],
  ['hist-2023-03-09-low', 'BTC', -0.099],
  ['hist-2023-03-09-c2c', 'ETH', -0.008],
  ['hist-2023-03-09-low', 'ETH', -0.107],
  ['hist-2023-03-09-low', 'SOL', -0.131],
  // Yen carry 2024-08-05
  ['hist-2024-08-05-c2c', 'BTC', -0.071],
  ['hist-2024-08-05-low', 'BTC', -0.158],
  ['hist-2024-08-05-c2c', 'ETH', -0.1],
  ['hist-2024-08-05-low', 'ETH', -0.215],
  ['hist-2024-08-05-low', 'LINK', -0.257],
  // Tariff / record liquidation 2025-10-10/11
  ['hist-2025-10-10-c2c', 'BTC', -0.073],
  ['hist-2025-10-10-low', 'BTC', -0.162],
  ['hist-2025-10-10-c2c', 'ETH', -0.123],
  ['hist-2025-10-10-low', 'ETH', -0.214],
  ['hist-2025-10-10-low', 'AVAX', -0.7],
  ['hist-2025-10-10-low', 'LINK', -0.641],
  ['hist-2025-10-10-low', 'DOGE', -0.618],
  ['hist-2025-10-10-low', 'XRP', -0.552],
];

describe('EVENTS.md [DATA] price figures', () => {
  it.each(PUBLISHED)('%s %s ≈ %d', (id, asset, published) => {
    expect(Math.abs(shockOf(id, asset) - published)).toBeLessThanOrEqual(HALF_LAST_DIGIT + 1e-12);
  });

  it('El Salvador: AVAX/LINK/XRP worst lows "≈ −31%"', () => {
    for (const asset of ['AVAX', 'LINK', 'XRP']) {
      expect(Math.abs(shockOf('hist-2021-09-07-low', asset) + 0.31)).toBeLessThan(0.01);
    }
  });
});

describe('EVENTS.md facts that are not prices', () => {
  /** v from DVOL levels published to one decimal: the exact ratio lies within their rounding. */
  function expectVolFromRoundedLevels(id: string, pre: number, peak: number): void {
    const vol = historical(id).shocks.BTC?.vol ?? Number.NaN;
    expect(vol).toBeGreaterThanOrEqual((peak - 0.05) / (pre + 0.05) - 1);
    expect(vol).toBeLessThanOrEqual((peak + 0.05) / (pre - 0.05) - 1);
  }

  it('DVOL vol shocks: FTX 59.5 → 114.7, SVB 50.1 → 59.8, yen carry 49.8 (08-01) → 63.1', () => {
    for (const method of ['c2c', 'low']) {
      expectVolFromRoundedLevels(`hist-2022-11-08-${method}`, 59.5, 114.7);
      expectVolFromRoundedLevels(`hist-2023-03-09-${method}`, 50.1, 59.8);
      expectVolFromRoundedLevels(`hist-2024-08-05-${method}`, 49.8, 63.1);
    }
  });

  it('2025-10-10: DVOL pre level 39.7; the peak inside the 10-10/11 window is the 10-11 close 46.15', () => {
    expectVolFromRoundedLevels('hist-2025-10-10-low', 39.7, 46.15);
  });

  it('stablecoin depegs: USDT low 0.9485 (Terra), USDC low 0.8774 and DAI 0.88 (SVB), in both scenarios', () => {
    for (const method of ['c2c', 'low']) {
      expect(shockOf(`hist-2022-05-09-${method}`, 'USDT')).toBeCloseTo(0.9485 - 1, 12);
      expect(shockOf(`hist-2023-03-09-${method}`, 'USDC')).toBeCloseTo(0.8774 - 1, 12);
      expect(shockOf(`hist-2023-03-09-${method}`, 'DAI')).toBeCloseTo(0.88 - 1, 12);
      expect(historical(`hist-2023-03-09-${method}`).metadata.perAsset.USDC?.shockSource).toContain('0.8774');
    }
  });

  it('Black Thursday LINK: the 0.0001 bad print is replaced by the documented 1h-close −57%', () => {
    expect(shockOf('hist-2020-03-12-low', 'LINK')).toBe(-0.57);
    expect(historical('hist-2020-03-12-low').metadata.perAsset.LINK?.shockSource).toContain('bad wick');
  });

  it('"*" is the worst observed alt move: BNB on Black Thursday, SOL in FTX, AVAX on 2025-10-10', () => {
    expect(shockOf('hist-2020-03-12-low', '*')).toBe(shockOf('hist-2020-03-12-low', 'BNB'));
    expect(shockOf('hist-2022-11-08-low', '*')).toBe(shockOf('hist-2022-11-08-low', 'SOL'));
    expect(shockOf('hist-2025-10-10-low', '*')).toBe(shockOf('hist-2025-10-10-low', 'AVAX'));
  });
});
