import { describe, expect, it } from 'vitest';
import { hypotheticalScenarioDocument } from '../../../functions/core/scenarios/hypothetical-library.js';
import type { ScenarioShocks } from '../../../functions/core/scenarios/scenario-types.js';

const byId = new Map(hypotheticalScenarioDocument.scenarios.map((s) => [s.id, s]));

function shocksOf(id: string): ScenarioShocks {
  const scenario = byId.get(id);
  if (!scenario) throw new Error(`no hypothetical scenario ${id}`);
  return scenario.shocks;
}

describe('hypothetical library', () => {
  it.each([10, 20, 30, 50])('uniform-down-%i: every crypto asset down by that much, nothing else', (pct) => {
    expect(shocksOf(`uniform-down-${pct}`)).toEqual({ '*': { shock: -pct / 100 } });
  });

  it('squeezes up 25% and 50% with a stated vol rise and liquidity thinning', () => {
    expect(shocksOf('squeeze-up-25')).toEqual({ '*': { shock: 0.25, vol: 0.4, liquidity: 0.5 } });
    expect(shocksOf('squeeze-up-50')).toEqual({ '*': { shock: 0.5, vol: 0.8, liquidity: 0.3 } });
  });

  it('spikes vol without a price move', () => {
    const star = shocksOf('vol-spike')['*'];
    expect(star?.shock ?? 0).toBe(0);
    expect(star?.vol).toBe(1);
  });

  it('drains liquidity to 0.25 with a modest shock', () => {
    const star = shocksOf('liquidity-drain')['*'];
    expect(star?.liquidity).toBe(0.25);
    expect(star?.shock).toBe(-0.05);
  });

  it('depegs USDT and USDC, each with a crypto shock', () => {
    expect(shocksOf('usdt-depeg')).toEqual({ USDT: { shock: -0.1 }, '*': { shock: -0.1, vol: 0.3 } });
    const usdc = shocksOf('usdc-depeg');
    expect(usdc.USDC).toEqual({ shock: -0.15 });
    expect(usdc['*']?.shock).toBe(-0.1);
  });

  it('shocks BTC alone to test spillover ("*" at 0)', () => {
    expect(shocksOf('btc-only-down-20')).toEqual({ BTC: { shock: -0.2 }, '*': { shock: 0 } });
  });

  it('describes every scenario in one line', () => {
    for (const scenario of hypotheticalScenarioDocument.scenarios) {
      expect(scenario.kind).toBe('hypothetical');
      expect(scenario.metadata.description.length).toBeGreaterThan(20);
      expect(scenario.metadata.description).not.toContain('\n');
    }
  });
});
