import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateInputs } from '../../../functions/core/calculation/calculate.js';
import { computeBookExposure } from '../../../functions/core/report/book-exposure.js';
import { PARAMS } from './report-fixtures.js';

const params = JSON.parse(readFileSync(PARAMS, 'utf8')) as unknown;

const market = {
  asOf: '2026-11-30',
  rate: 0,
  assets: {
    BTC: { kind: 'crypto', price: 100_000, vol: 0.5, adv: 1e9, depth1pct: 1e6 },
    ETH: { kind: 'crypto', price: 3_000, vol: 0.6, adv: 5e8, depth1pct: 5e5 },
    USDT: { kind: 'stablecoin', price: 1, vol: 0.01 },
  },
};

/**
 * A: two venues, BTC collateral and perps on both (net 0.5 + 2 − 1 = 1.5 BTC) and an ETH future.
 * B: 4 one-year at-the-money BTC calls. C: two venues, each 10 BTC long on $100 of margin.
 */
const book = {
  asOf: '2026-11-30',
  insuranceFund: 1_000_000,
  clients: [
    {
      id: 'A',
      subaccounts: [
        {
          venue: 'x',
          marginMode: 'standard',
          collateral: { USDT: 1_000, BTC: 0.5 },
          positions: [{ type: 'perp', asset: 'BTC', qty: 2, entry: 100_000 }],
        },
        {
          venue: 'y',
          marginMode: 'portfolio',
          collateral: { USDT: 50_000 },
          positions: [
            { type: 'perp', asset: 'BTC', qty: -1, entry: 100_000 },
            { type: 'future', asset: 'ETH', qty: 10, entry: 3_000, expiry: '2027-03-26' },
          ],
        },
      ],
    },
    {
      id: 'B',
      subaccounts: [
        {
          venue: 'x',
          marginMode: 'standard',
          collateral: {},
          positions: [
            { type: 'option', asset: 'BTC', right: 'call', strike: 100_000, expiry: '2027-11-30', qty: 4 },
          ],
        },
      ],
    },
    {
      id: 'C',
      subaccounts: ['x', 'y'].map((venue) => ({
        venue,
        marginMode: 'standard',
        collateral: { USDT: 100 },
        positions: [{ type: 'perp', asset: 'BTC', qty: 10, entry: 100_000 }],
      })),
    },
  ],
};

const exposure = computeBookExposure(validateInputs({ book, market, params, scenarios: { scenarios: [] } }));

describe('computeBookExposure on a hand-built book', () => {
  it('lists today’s market in market order', () => {
    expect(exposure.asOf).toBe('2026-11-30');
    expect(exposure.market.map((m) => [m.asset, m.kind, m.price])).toEqual([
      ['BTC', 'crypto', 100_000],
      ['ETH', 'crypto', 3_000],
      ['USDT', 'stablecoin', 1],
    ]);
  });

  it('adds perps, collateral and option deltas per client, venues pooled', () => {
    // B's call: τ = 365/365 = 1, r = 0 → d1 = (0 + ½·0.5²·1)/(0.5·1) = 0.25, Δ = N(0.25) = 0.5987063256829237.
    const callDelta = 4 * 0.5987063256829237;
    const btc = exposure.concentration.find((c) => c.asset === 'BTC')!;
    // A: 0.5 + 2 − 1 = 1.5; B: 2.3948253; C: 10 + 10 = 20.
    expect(btc.netDelta).toBeCloseTo(1.5 + callDelta + 20, 9);
    expect(btc.netDeltaUsd).toBeCloseTo((1.5 + callDelta + 20) * 100_000, 4);
    expect(btc.shortUsd).toBe(0);
    expect(btc.clients).toBe(3);
    expect(btc.topClients.map((t) => t.clientId)).toEqual(['C', 'B', 'A']);
    expect(btc.topClients[1]!.netDelta).toBeCloseTo(callDelta, 12);
    // Share of gross for A: 150,000 / 2,389,482.53 = 0.0627752.
    expect(btc.topClients[2]!.shareOfGross).toBeCloseTo(150_000 / ((1.5 + callDelta + 20) * 100_000), 12);
    // Larger side in days of ADV: $2,389,482.53 / $1e9.
    expect(btc.largerSideAdvDays!).toBeCloseTo(((1.5 + callDelta + 20) * 100_000) / 1e9, 12);
  });

  it('counts a future by its quantity (delta 1 per unit of the underlying)', () => {
    const eth = exposure.concentration.find((c) => c.asset === 'ETH')!;
    expect(eth).toMatchObject({
      netDelta: 10,
      netDeltaUsd: 30_000,
      longUsd: 30_000,
      shortUsd: 0,
      clients: 1,
    });
    expect(eth.topClients).toEqual([{ clientId: 'A', netDelta: 10, netDeltaUsd: 30_000, shareOfGross: 1 }]);
  });

  it('leaves stablecoins out of the concentration', () => {
    expect(exposure.concentration.map((c) => c.asset)).toEqual(['BTC', 'ETH']);
  });

  it('counts a client with two margin-called subaccounts once', () => {
    // C per venue: notional 10 × 100,000 = $1m; BTC tier 1 (up to $1m): IM 1% = $10,000, MM 0.5% = $5,000,
    // against E_adj = $100 → margin-called and liquidatable on both venues. A and B are well margined:
    // A/x: E_adj = 1,000 + 0.5·100,000·0.95 = $48,500 against IM 1% × $200,000 = $2,000.
    const byRegime = Object.fromEntries(exposure.clientCounts.map((c) => [c.regime, c]));
    expect(byRegime['as-is']).toEqual({ regime: 'as-is', marginCalledClients: 1, liquidatableClients: 1 });
    expect(byRegime.standard).toEqual({ regime: 'standard', marginCalledClients: 1, liquidatableClients: 1 });
    expect(byRegime['cross-venue']!.marginCalledClients).toBe(1);
    expect(exposure.clientCounts.map((c) => c.regime)).toEqual([
      'as-is',
      'standard',
      'portfolio',
      'cross-venue',
    ]);
  });

  it('honours topClientsPerAsset', () => {
    const one = computeBookExposure(validateInputs({ book, market, params, scenarios: { scenarios: [] } }), {
      topClientsPerAsset: 1,
    });
    expect(one.concentration[0]!.topClients.map((t) => t.clientId)).toEqual(['C']);
  });
});
