import { describe, expect, it } from 'vitest';
import { PRICE_ASSETS } from '../../../functions/core/scenarios/historical-events.js';
import { findScenarioById, scenarioLibrary } from '../../../functions/core/scenarios/library.js';
import type { HistoricalScenario } from '../../../functions/core/scenarios/scenario-types.js';

const scenarios = scenarioLibrary.scenarios;
const historical = scenarios.filter((s): s is HistoricalScenario => s.kind === 'historical');

const REQUIRED_WINDOWS = [
  '2020-03-12',
  '2021-05-19',
  '2021-12-04',
  '2022-05-09',
  '2022-06-13',
  '2022-11-08',
  '2023-03-09',
  '2024-08-05',
  '2025-10-10',
];

describe('scenarioLibrary', () => {
  it('has unique ids, and findScenarioById finds each', () => {
    const ids = scenarios.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const scenario of scenarios) expect(findScenarioById(scenario.id)).toBe(scenario);
    expect(findScenarioById('no-such-scenario')).toBeUndefined();
  });

  it('keeps a stable order: historical (chronological, c2c then low), then hypothetical', () => {
    const kinds = scenarios.map((s) => s.kind);
    expect(kinds.lastIndexOf('historical')).toBeLessThan(kinds.indexOf('hypothetical'));
    const ids = historical.map((s) => s.id);
    expect(ids).toEqual([...ids].sort());
    historical.forEach((s, i) => {
      expect(s.id.endsWith(i % 2 === 0 ? '-c2c' : '-low')).toBe(true);
    });
  });

  it('holds both scenarios of every required window', () => {
    for (const day of REQUIRED_WINDOWS) {
      expect(findScenarioById(`hist-${day}-c2c`)?.kind).toBe('historical');
      expect(findScenarioById(`hist-${day}-low`)?.kind).toBe('historical');
    }
  });

  it('keeps every shock > −1, vol ≥ −1 and liquidity > 0', () => {
    for (const scenario of scenarios) {
      for (const [key, entry] of Object.entries(scenario.shocks)) {
        const where = `${scenario.id} ${key}`;
        if (entry.shock !== undefined) expect(entry.shock, where).toBeGreaterThan(-1);
        if (entry.vol !== undefined) expect(entry.vol, where).toBeGreaterThanOrEqual(-1);
        if (entry.liquidity !== undefined) expect(entry.liquidity, where).toBeGreaterThan(0);
        for (const value of Object.values(entry)) expect(Number.isFinite(value), where).toBe(true);
      }
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(scenarioLibrary.scenarios)).toBe(true);
    expect(Object.isFrozen(scenarios[0]?.shocks)).toBe(true);
  });
});

describe('historical scenarios', () => {
  it('name every price asset and "*", with shock, vol and liquidity', () => {
    for (const scenario of historical) {
      for (const key of [...PRICE_ASSETS, '*']) {
        const entry = scenario.shocks[key];
        expect(entry, `${scenario.id} ${key}`).toBeDefined();
        expect(Object.keys(entry ?? {}).sort()).toEqual(['liquidity', 'shock', 'vol']);
      }
    }
  });

  it('carry a source for every number of every entry', () => {
    for (const scenario of historical) {
      const { perAsset, sources, baseDate, lastDay } = scenario.metadata;
      expect(Object.keys(perAsset).sort()).toEqual(Object.keys(scenario.shocks).sort());
      for (const provenance of Object.values(perAsset)) {
        expect(provenance.shockSource.length).toBeGreaterThan(0);
        expect(provenance.volSource.length).toBeGreaterThan(0);
        expect(provenance.liquiditySource.length).toBeGreaterThan(0);
      }
      expect(sources.some((s) => s.includes('1a00f0748cc41ff0e476285ad927ce3bbc133893'))).toBe(true);
      expect(scenario.window).toEqual([baseDate, lastDay]);
    }
  });

  it('give every proxied asset a beta and a reason; only SOL and AVAX on Black Thursday are proxies', () => {
    const proxied: string[] = [];
    for (const scenario of historical) {
      for (const [asset, provenance] of Object.entries(scenario.metadata.perAsset)) {
        if (!provenance.proxied) continue;
        proxied.push(`${scenario.id} ${asset}`);
        expect(provenance.proxied.beta).toBeGreaterThan(0);
        expect(Number.isFinite(provenance.proxied.beta)).toBe(true);
        expect(provenance.proxied.reason).toMatch(/no .* bars/);
        const btc = scenario.shocks.BTC?.shock ?? Number.NaN;
        expect(scenario.shocks[asset]?.shock).toBeCloseTo((1 + btc) ** provenance.proxied.beta - 1, 6);
      }
    }
    expect(proxied).toEqual([
      'hist-2020-03-12-c2c SOL',
      'hist-2020-03-12-c2c AVAX',
      'hist-2020-03-12-low SOL',
      'hist-2020-03-12-low AVAX',
    ]);
  });

  it('move stablecoins only in depeg windows, by shock only', () => {
    for (const scenario of historical) {
      for (const key of Object.keys(scenario.shocks)) {
        if ([...PRICE_ASSETS, '*'].includes(key)) continue;
        expect(['hist-2022-05-09', 'hist-2023-03-09']).toContain(scenario.id.slice(0, 15));
        expect(Object.keys(scenario.shocks[key] ?? {})).toEqual(['shock']);
      }
    }
  });
});
