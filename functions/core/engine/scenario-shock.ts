/**
 * Round 0 of a scenario (MODEL.md §6): shocked prices P⁰ = S·(1 + R), shocked vols
 * σ* = σ·(1 + v) (held for the whole cascade) and liquidity multipliers λ.
 * "*" applies to every crypto asset not named; a named entry replaces "*" entirely (missing
 * fields take shock 0, vol 0, liquidity 1). Stablecoins move only when named and only in
 * price; USD never moves.
 */
import { ALL_CRYPTO, NO_SHOCK, type Scenario } from '../model/scenario.js';
import { type AssetUniverse, CRYPTO, STABLECOIN } from './asset-universe.js';

export interface ShockedMarket {
  readonly prices: Float64Array;
  readonly vols: Float64Array;
  readonly liquidity: Float64Array;
}

export function applyScenario(universe: AssetUniverse, scenario: Scenario): ShockedMarket {
  const prices = Float64Array.from(universe.price);
  const vols = Float64Array.from(universe.vol);
  const liquidity = new Float64Array(universe.count).fill(1);
  const everyCrypto = scenario.shocks.get(ALL_CRYPTO) ?? NO_SHOCK;
  for (let a = 0; a < universe.count; a++) {
    const named = scenario.shocks.get(universe.symbols[a]!);
    if (universe.kind[a] === CRYPTO) {
      const shock = named ?? everyCrypto;
      prices[a] = universe.price[a]! * (1 + shock.shock);
      vols[a] = universe.vol[a]! * (1 + shock.vol);
      liquidity[a] = shock.liquidity;
    } else if (universe.kind[a] === STABLECOIN && named) {
      prices[a] = universe.price[a]! * (1 + named.shock);
    }
  }
  return { prices, vols, liquidity };
}

/** The reverse-stress shock (MODEL.md §7): return R on every crypto asset, nothing else. */
export function uniformCryptoShock(universe: AssetUniverse, shock: number): ShockedMarket {
  const prices = Float64Array.from(universe.price);
  for (const a of universe.cryptoIndices) prices[a] = universe.price[a]! * (1 + shock);
  return {
    prices,
    vols: Float64Array.from(universe.vol),
    liquidity: new Float64Array(universe.count).fill(1),
  };
}
