/**
 * Round 0 of a scenario (MODEL.md §6) and what it does to a cascade: the "*" wildcard, named
 * entries that replace it entirely (missing fields take shock 0, vol 0, liquidity 1), stablecoins
 * that move only when named and only in price, USD that never moves, and unknown keys that are
 * ignored with a warning. Expected values are computed by hand in the comments.
 *
 * Market: BTC 100 and ETH 100 (σ/√365 = 0.1 each; adv 8,000 and 262,500 USD), USDT and USDC at 1.
 * Textbook params (test/support/cascade-builders.ts): crypto haircut 10%, IMR 10%, MMR 5%.
 */
import { describe, expect, it } from 'vitest';
import { applyScenario, uniformCryptoShock } from '../../../functions/core/engine/scenario-shock.js';
import { calculateFor, DAILY_SIGMA_10PCT, runOf, textbookParams } from '../../support/cascade-builders.js';
import {
  bookDocument,
  buildEngine,
  calculationDocuments,
  client,
  cryptoQuote,
  marketDocument,
  perp,
  scenario,
  scenariosDocument,
  stablecoinQuote,
  subaccount,
} from '../../support/core-builders.js';

function expectClose(actual: number, expected: number, what = ''): void {
  const tolerance = 1e-12 * Math.max(1, Math.abs(expected));
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

const market = marketDocument({
  BTC: cryptoQuote(100, DAILY_SIGMA_10PCT, { adv: 8_000, depth1pct: 1e9 }),
  ETH: cryptoQuote(100, DAILY_SIGMA_10PCT, { adv: 262_500, depth1pct: 1e9 }),
  USDT: stablecoinQuote(1, 0.01),
  USDC: stablecoinQuote(1, 0.01),
});

/** "*" crashes crypto 20% with vol +50% and half the liquidity; ETH is named (+5%, nothing else). */
const wildcard = { shock: -0.2, vol: 0.5, liquidity: 0.5 };
const scenarios = scenariosDocument(
  scenario('depeg', {
    '*': wildcard,
    ETH: { shock: 0.05 },
    USDT: { shock: -0.1 },
    // A stablecoin's vol and liquidity are ignored; only its price moves.
    USDC: { shock: -0.05, vol: 5, liquidity: 0.01 },
    DOGE: { shock: -0.9 },
  }),
  scenario('no-depeg', { '*': wildcard, ETH: { shock: 0.05 } }),
);

// Client D (standard margin): 900 USDT and 2 BTC of collateral, short 100 ETH perp at 100.
//   Unshocked: E = 900 + 200 + 0 = 1,100; E_adj = 900 + 200·0.9 = 1,080 ≥ IM = 10%·10,000 = 1,000.
//   depeg (BTC 80, ETH 105, USDT 0.9):
//     E = 810 + 160 − 100·5 = 470;  E_adj = 810 + 160·0.9 − 500 = 454 < MM = 5%·100·105 = 525.
//   no-depeg (USDT stays 1): E_adj = 900 + 144 − 500 = 544 ≥ 525 → survives.
const book = bookDocument([
  client(
    'D',
    subaccount('venue-a', 'standard', {
      collateral: { USDT: 900, BTC: 2 },
      positions: [perp('ETH', -100, 100)],
    }),
  ),
]);
const documents = () => calculationDocuments({ book, market, params: textbookParams(), scenarios });

describe('round 0: shocked prices, vols and liquidity', () => {
  const { engine, inputs } = buildEngine({ book, market, params: textbookParams(), scenarios });
  const index = (symbol: string) => engine.universe.symbols.indexOf(symbol);
  const [depeg, noDepeg] = inputs.scenarios;

  it('applies "*" to unnamed crypto, the named entry (with defaults) to ETH, named stablecoins in price only', () => {
    const shocked = applyScenario(engine.universe, depeg!);
    // BTC via "*": P⁰ = 100·0.8 = 80, σ* = σ·1.5, λ = 0.5.
    expectClose(shocked.prices[index('BTC')]!, 80, 'BTC P⁰');
    expectClose(shocked.vols[index('BTC')]!, 1.5 * DAILY_SIGMA_10PCT, 'BTC σ*');
    expect(shocked.liquidity[index('BTC')]).toBe(0.5);
    // ETH named: P⁰ = 105; its entry replaces "*" entirely, so vol 0 and liquidity 1.
    expectClose(shocked.prices[index('ETH')]!, 105, 'ETH P⁰');
    expect(shocked.vols[index('ETH')]).toBe(DAILY_SIGMA_10PCT);
    expect(shocked.liquidity[index('ETH')]).toBe(1);
    // USDT named −10%, USDC named −5% (its vol 5 and liquidity 0.01 are ignored).
    expectClose(shocked.prices[index('USDT')]!, 0.9, 'USDT');
    expectClose(shocked.prices[index('USDC')]!, 0.95, 'USDC');
    expect(shocked.vols[index('USDC')]).toBe(0.01);
    expect(shocked.liquidity[index('USDC')]).toBe(1);
  });

  it('never applies "*" to stablecoins', () => {
    const shocked = applyScenario(engine.universe, noDepeg!);
    expect(shocked.prices[index('USDT')]).toBe(1);
    expect(shocked.prices[index('USDC')]).toBe(1);
  });

  it('the reverse-stress shock moves every crypto asset by R and nothing else', () => {
    const shocked = uniformCryptoShock(engine.universe, -0.25);
    expectClose(shocked.prices[index('BTC')]!, 75, 'BTC');
    expectClose(shocked.prices[index('ETH')]!, 75, 'ETH');
    expect(shocked.prices[index('USDT')]).toBe(1);
    expect(shocked.vols[index('BTC')]).toBe(DAILY_SIGMA_10PCT);
    expect([...shocked.liquidity]).toEqual(new Array(engine.universe.count).fill(1));
  });
});

describe('a stablecoin depeg tips a client into liquidation', () => {
  const result = calculateFor(documents());
  const run = runOf(result, 'depeg');

  it('liquidates D in round 1 only when USDT depegs', () => {
    expect(run.rounds).toBe(1);
    expect(run.marginCalled).toBe(1);
    expect(run.liquidatedUnits).toBe(1);
    const calm = runOf(result, 'no-depeg');
    expect(calm.rounds).toBe(0);
    expect(calm.liquidatedUnits).toBe(0);
    // Survivor at P⁰: E = 900 + 160 − 500 = 560 → loss 1,100 − 560 = 540.
    expectClose(calm.totalLoss, 540, 'no-depeg loss');
    expect(calm.finalPrices).toEqual({ BTC: 80, ETH: 105, USDT: 1, USDC: 1 });
  });

  it('flows only in crypto: buys back 10,500 of ETH, sells 160 of BTC, nothing for USDT', () => {
    // ETH: −q·P⁰ = −(−100)·105 = +10,500. BTC collateral: −n·P⁰ = −2·80 = −160.
    expect(Object.keys(run.liquidationFlowUsd)).toEqual(['BTC', 'ETH']);
    expectClose(run.liquidationFlowUsd.ETH!, 10_500, 'ETH flow');
    expectClose(run.liquidationFlowUsd.BTC!, -160, 'BTC flow');
  });

  it('moves ETH with its own vol and full liquidity, BTC with the "*" vol and liquidity', () => {
    // ETH: I = +0.1·√(10,500/(262,500·1)) = 0.1·0.2 = +0.02 → P¹ = 105·1.02 = 107.1.
    // BTC: I = −0.15·√(160/(8,000·0.5)) = −0.15·0.2 = −0.03 → P¹ = 80·0.97 = 77.6.
    // Stablecoins stay at P⁰; USD is not listed.
    expect(Object.keys(run.finalPrices)).toEqual(['BTC', 'ETH', 'USDT', 'USDC']);
    expectClose(run.finalPrices.ETH!, 107.1, 'ETH');
    expectClose(run.finalPrices.BTC!, 77.6, 'BTC');
    expectClose(run.finalPrices.USDT!, 0.9, 'USDT');
    expectClose(run.finalPrices.USDC!, 0.95, 'USDC');
  });

  it('closes out at P¹: E = 810 + 155.2 − 710 = 255.2, a loss of 844.8 and no bad debt', () => {
    expect(run.badDebt).toBe(0);
    expectClose(run.totalLoss, 1_100 - 255.2, 'loss');
  });

  it('ignores the scenario key of an asset not in the market, with a warning', () => {
    expect(result.warnings).toContainEqual(expect.objectContaining({ path: 'scenarios[0].shocks.DOGE' }));
    expect(result.rejected).toEqual([]);
    expect(Object.keys(run.finalPrices)).not.toContain('DOGE');
  });
});
