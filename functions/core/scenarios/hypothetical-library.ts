/**
 * Hypothetical scenarios: stylised shocks chosen to probe one mechanism each. Numbers are design
 * choices, not history; where one is anchored to a documented event the anchor is in `sources`.
 * Shock = simple return, vol = relative change of implied vol, liquidity = multiplier of ADV/depth.
 */
import type { HypotheticalScenario, HypotheticalScenarioDocument } from './scenario-types.js';

const DEPTH_ANCHOR =
  'EVENTS.md, Liquidity in stress [ART]: depth fell 13–74% per venue in FTX and SVB (Gemini −74%); about −50% within two hours';
const FTX_DVOL_ANCHOR = 'EVENTS.md FTX [DATA]: Deribit DVOL 59.5 → 114.7 (+93%) on 2022-11-09';

function uniformDown(percent: number): HypotheticalScenario {
  return {
    id: `uniform-down-${percent}`,
    name: `All crypto −${percent}%`,
    kind: 'hypothetical',
    shocks: { '*': { shock: -percent / 100 } },
    metadata: {
      description: `Every crypto asset −${percent}% with no vol or liquidity change and stablecoins at par (the reverse-stress shape of MODEL.md §7).`,
    },
  };
}

export const hypotheticalScenarioDocument: HypotheticalScenarioDocument = {
  scenarios: [
    uniformDown(10),
    uniformDown(20),
    uniformDown(30),
    uniformDown(50),
    {
      id: 'squeeze-up-25',
      name: 'Short squeeze +25%, vol +40%, depth halved',
      kind: 'hypothetical',
      shocks: { '*': { shock: 0.25, vol: 0.4, liquidity: 0.5 } },
      metadata: {
        description:
          'Every crypto asset +25% with implied vol +40% and half the usual depth: short books are liquidated into a thin market.',
        sources: [DEPTH_ANCHOR],
      },
    },
    {
      id: 'squeeze-up-50',
      name: 'Short squeeze +50%, vol +80%, depth −70%',
      kind: 'hypothetical',
      shocks: { '*': { shock: 0.5, vol: 0.8, liquidity: 0.3 } },
      metadata: {
        description:
          'Every crypto asset +50% with implied vol +80% and 30% of the usual depth: a squeeze twice the size, with vol and thinning scaled up.',
        sources: [DEPTH_ANCHOR],
      },
    },
    {
      id: 'vol-spike',
      name: 'Vol spike, no price move',
      kind: 'hypothetical',
      shocks: { '*': { shock: 0, vol: 1 } },
      metadata: {
        description:
          'Implied vol of every crypto asset doubles (+100%) while prices stay put: option margin and option-heavy books alone.',
        sources: [FTX_DVOL_ANCHOR],
      },
    },
    {
      id: 'liquidity-drain',
      name: 'Liquidity drain: depth −75%, crypto −5%',
      kind: 'hypothetical',
      shocks: { '*': { shock: -0.05, liquidity: 0.25 } },
      metadata: {
        description:
          'A modest −5% move into a market with a quarter of its usual depth and volume: how far liquidation impact alone carries a cascade.',
        sources: [DEPTH_ANCHOR],
      },
    },
    {
      id: 'usdt-depeg',
      name: 'USDT at 0.90, crypto −10%, vol +30%',
      kind: 'hypothetical',
      shocks: { USDT: { shock: -0.1 }, '*': { shock: -0.1, vol: 0.3 } },
      metadata: {
        description:
          'USDT trades at 0.90 (about twice its 2022 depeg) while crypto falls 10%: USDT collateral and USDT-margined books lose together.',
        sources: ['EVENTS.md Stablecoin depeg levels [DATA, Yahoo daily]: USDT low 0.9485 (2022-05-12)'],
      },
    },
    {
      id: 'usdc-depeg',
      name: 'USDC at 0.85 (DAI 0.88), crypto −10%, vol +30%',
      kind: 'hypothetical',
      shocks: { USDC: { shock: -0.15 }, DAI: { shock: -0.12 }, '*': { shock: -0.1, vol: 0.3 } },
      metadata: {
        description:
          'USDC trades at 0.85 (below its 2023 low) and DAI, USDC-backed, follows to 0.88 while crypto falls 10%: stablecoin collateral haircuts meet a crypto loss.',
        sources: [
          'EVENTS.md Stablecoin depeg levels [DATA, Yahoo daily]: USDC low 0.8774 (2023-03-11); DAI about 0.88–0.90 (2023-03-11)',
        ],
      },
    },
    {
      id: 'btc-only-down-20',
      name: 'BTC −20% alone',
      kind: 'hypothetical',
      shocks: { BTC: { shock: -0.2 }, '*': { shock: 0 } },
      metadata: {
        description:
          'BTC −20% with every other crypto asset unchanged: any move in other assets comes from liquidation flow, i.e. cross-asset spillover.',
      },
    },
  ],
};
