/**
 * The liquidation cascade on books small enough to compute by hand (MODEL.md §6). Every expected
 * number below is derived from the specification with the arithmetic in the comments; none is
 * read back from the engine.
 *
 * Unless a test says otherwise: textbook params (test/support/cascade-builders.ts: one tier,
 * IMR 10%, MMR 5%; sqrt impact with Y = 1, floor 0.01), BTC at 100 USD with σ/√365 = 0.1, so a
 * sell of |Q| USD moves BTC by I = −0.1·√(|Q|/(adv·λ)). Collateral is USD (price 1, haircut 0).
 */
import { describe, expect, it } from 'vitest';
import {
  calculateFor,
  DAILY_SIGMA_10PCT,
  type RegimeName,
  runOf,
  textbookParams,
} from '../../support/cascade-builders.js';
import {
  bookDocument,
  breakerParams,
  calculationDocuments,
  client,
  cryptoQuote,
  type JsonRecord,
  marketDocument,
  perp,
  referenceParams,
  scenario,
  scenariosDocument,
  stablecoinQuote,
  subaccount,
} from '../../support/core-builders.js';

/** Relative agreement of hand arithmetic and the engine (a few ulps of accumulated rounding). */
function expectClose(actual: number, expected: number, what = ''): void {
  const tolerance = 1e-12 * Math.max(1, Math.abs(expected));
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

const down10 = scenariosDocument(scenario('down-10', { '*': { shock: -0.1 } }));

/** BTC at 100, σ/√365 = 0.1, with the given adv and depth (USD), and USDT at 1. */
function btcMarket(adv: number, depth1pct = 1_000_000): JsonRecord {
  return marketDocument({
    BTC: cryptoQuote(100, DAILY_SIGMA_10PCT, { adv, depth1pct }),
    USDT: stablecoinQuote(),
  });
}

/** A standard-margin client on one venue: USD cash and one BTC perp entered at 100. */
function perpClient(id: string, cash: number, qty: number, venue = 'venue-a'): JsonRecord {
  return client(
    id,
    subaccount(venue, 'standard', { collateral: { USD: cash }, positions: [perp('BTC', qty, 100)] }),
  );
}

// Client A: 1,200 USD, long 100 BTC at 100.
//   Unshocked: E = 1,200 ≥ IM = 10%·100·100 = 1,000 (not even margin-called).
//   Shock −10%: P⁰ = 90, E = 1,200 + 100·(90 − 100) = 200 < MM = 5%·100·90 = 450 → round 1.
const clientA = perpClient('A', 1_200, 100);
// Client B: 800 USD, long 50 BTC at 100.
//   At P⁰ = 90: E = 800 − 500 = 300 ≥ MM = 5%·50·90 = 225 → survives round 1 (but < IM 450: called).
const clientB = perpClient('B', 800, 50);

describe('one-account cascade (sqrt impact)', () => {
  // Round 1 flow: −q·P⁰ = −100·90 = −9,000 USD. adv = 225,000, λ = 1:
  //   I = −0.1·√(9,000 / 225,000) = −0.1·√0.04 = −0.02;  P¹ = 90·(1 − 0.02) = 88.2.
  // Close-out at P¹: E = 1,200 + 100·(88.2 − 100) = 1,200 − 1,180 = 20 ≥ 0 → no bad debt.
  // Loss = E_before − E_after = 1,200 − 20 = 1,180. Round 2 has no active unit: rounds = 1.
  const result = calculateFor(
    calculationDocuments({
      book: bookDocument([clientA]),
      market: btcMarket(225_000),
      params: textbookParams(),
      scenarios: down10,
    }),
  );
  const run = runOf(result, 'down-10');

  it('liquidates the client in round 1 and stops', () => {
    expect(run.rounds).toBe(1);
    expect(run.marginCalled).toBe(1);
    expect(run.liquidatedUnits).toBe(1);
  });

  it('sells 9,000 USD of BTC valued at P⁰ and fills at P¹ = 88.2', () => {
    expect(Object.keys(run.liquidationFlowUsd)).toEqual(['BTC']);
    expectClose(run.liquidationFlowUsd.BTC!, -9_000, 'flow');
    expect(Object.keys(run.finalPrices)).toEqual(['BTC', 'USDT']);
    expectClose(run.finalPrices.BTC!, 88.2, 'final BTC');
    expect(run.finalPrices.USDT).toBe(1);
    expect(run.halted).toEqual([]);
  });

  it('books a loss of 1,180 and no bad debt', () => {
    expect(run.badDebt).toBe(0);
    expect(run.insuranceFundUsed).toBe(0);
    expect(run.adl).toBe(0);
    expect(run.cover1).toBe(0);
    expect(run.cover2).toBe(0);
    expectClose(run.totalLoss, 1_180, 'totalLoss');
    expect(run.topClients.byLoss.map((c) => c.clientId)).toEqual(['A']);
    expectClose(run.topClients.byLoss[0]!.loss, 1_180, 'client loss');
    expect(run.topClients.byUncovered).toEqual([]);
  });

  it('traces the round: 100 BTC closed, 9,000 USD sold, price 88.2', () => {
    expect(run.trace).toHaveLength(1);
    const [round1] = run.trace;
    expect(round1!.round).toBe(1);
    expect(round1!.liquidatedUnits).toBe(1);
    expectClose(round1!.unitsClosed.BTC!, -100, 'units closed');
    expectClose(round1!.flowUsd.BTC!, -9_000, 'round flow');
    expectClose(round1!.prices.BTC!, 88.2, 'round price');
    expect(round1!.cumulativeBadDebt).toBe(0);
  });
});

describe('two-account cascade: the first liquidation knocks over the second', () => {
  // Round 1: only A is liquidatable (B: 300 ≥ 225). As above, P¹ = 88.2.
  // Round 2 at P¹: B has E = 800 + 50·(88.2 − 100) = 210 < MM = 5%·50·88.2 = 220.5 → liquidated.
  //   B's flow −50·P⁰ = −4,500; cumulative Q = −13,500;
  //   I = −0.1·√(13,500 / 225,000) = −0.1·√0.06;  P² = 90·(1 − 0.1·√0.06) ≈ 87.795459.
  //   B closes at P²: E = 800 + 50·(P² − 100) ≈ 189.772962 ≥ 0. A closed at P¹ (E = 20).
  // Round 3: nobody left → rounds = 2. Loss = 1,180 + (800 − E_B) ≈ 1,790.227038.
  const p2 = 90 * (1 - 0.1 * Math.sqrt(0.06));
  const equityB = 800 + 50 * (p2 - 100);
  const documents = (clients: JsonRecord[]) =>
    calculationDocuments({
      book: bookDocument(clients),
      market: btcMarket(225_000),
      params: textbookParams(),
      scenarios: down10,
    });
  const run = runOf(calculateFor(documents([clientA, clientB])), 'down-10');

  it('runs two rounds with one liquidation each; both were margin-called in round 1', () => {
    expect(run.rounds).toBe(2);
    expect(run.marginCalled).toBe(2);
    expect(run.liquidatedUnits).toBe(2);
    expect(run.trace.map((r) => r.liquidatedUnits)).toEqual([1, 1]);
  });

  it('accumulates the flow (−13,500) and moves the price to P² = 90·(1 − 0.1·√0.06)', () => {
    expectClose(run.liquidationFlowUsd.BTC!, -13_500, 'flow');
    expectClose(run.trace[0]!.prices.BTC!, 88.2, 'P¹');
    expectClose(run.trace[1]!.flowUsd.BTC!, -4_500, 'round 2 flow');
    expectClose(run.trace[1]!.unitsClosed.BTC!, -50, 'round 2 units');
    expectClose(run.finalPrices.BTC!, p2, 'P²');
    expect(p2).toBeCloseTo(87.795459231495, 9);
  });

  it('closes B at P² with positive equity: no bad debt, loss 1,180 + (800 − E_B)', () => {
    expect(equityB).toBeCloseTo(189.772961574757, 9);
    expect(run.badDebt).toBe(0);
    expectClose(run.totalLoss, 1_180 + (800 - equityB), 'totalLoss');
  });

  it('without A nothing happens: B alone survives the same shock', () => {
    const alone = runOf(calculateFor(documents([clientB])), 'down-10');
    expect(alone.rounds).toBe(0);
    expect(alone.liquidatedUnits).toBe(0);
    expect(alone.liquidationFlowUsd.BTC).toBe(0);
    expectClose(alone.finalPrices.BTC!, 90, 'P⁰');
    expectClose(alone.totalLoss, 500, 'B loss 50·(100 − 90)');
  });
});

describe('hedged cross-venue client: survives pooled, fails per venue', () => {
  // Client H, both subaccounts portfolio margin: venue-a 1,000 USD + long 100 BTC at 100;
  // venue-b 1,000 USD + short 100 BTC at 100. Textbook PM: grid −10%, 0, +10%, MM = 0.8·IM.
  //  portfolio (per venue), unshocked: each leg's IM = max loss on the grid = 100·100·10% = 1,000,
  //    MM = 800; E = 1,000 each → not called (1,000 < 1,000 is false).
  //  cross-venue: the perps net to Σq = 0 and disappear with locked-in profit
  //    −Σqᵢ·entryᵢ = −(100·100 − 100·100) = 0; E = 2,000, IM = MM = 0.
  //  Shock −10% (P⁰ = 90):
  //    portfolio venue-a: E = 1,000 − 1,000 = 0 < MM = 0.8·(100·90·10%) = 720 → liquidated (round 1).
  //      Flow −9,000, adv 225,000 → P¹ = 88.2 (as in the one-account case).
  //      Close-out: E = 1,000 + 100·(88.2 − 100) = −180 → bad debt 180 (not offset by venue-b).
  //    portfolio venue-b: E = 1,000 + 100·(100 − 88.2) = 2,180 at P¹, MM = 705.6 → survives.
  //    Client loss = 2,000 − (−180 + 2,180) = 0, but the venue's bad debt is 180.
  //    cross-venue: E = 2,000 ≥ IM = 0 → nothing happens, BTC ends at P⁰ = 90.
  const result = calculateFor(
    calculationDocuments({
      book: bookDocument([
        client(
          'H',
          subaccount('venue-a', 'portfolio', {
            collateral: { USD: 1_000 },
            positions: [perp('BTC', 100, 100)],
          }),
          subaccount('venue-b', 'portfolio', {
            collateral: { USD: 1_000 },
            positions: [perp('BTC', -100, 100)],
          }),
        ),
      ]),
      market: btcMarket(225_000),
      params: textbookParams({ regimes: ['portfolio', 'cross-venue'] }),
      scenarios: down10,
    }),
  );

  it('margins two venue units at 1,000 IM each, but one pooled unit at zero', () => {
    expect(result.margin.portfolio).toEqual({
      units: 2,
      im: 2_000,
      mm: 1_600,
      marginCalled: 0,
      liquidatable: 0,
    });
    expect(result.margin['cross-venue']).toEqual({
      units: 1,
      im: 0,
      mm: 0,
      marginCalled: 0,
      liquidatable: 0,
    });
  });

  it('fails the long venue under portfolio margin with 180 of bad debt', () => {
    const run = runOf(result, 'down-10', 'portfolio');
    expect(run.rounds).toBe(1);
    expect(run.marginCalled).toBe(1);
    expect(run.liquidatedUnits).toBe(1);
    expectClose(run.liquidationFlowUsd.BTC!, -9_000, 'flow');
    expectClose(run.finalPrices.BTC!, 88.2, 'P¹');
    expectClose(run.badDebt, 180, 'badDebt');
    expectClose(run.adl, 180, 'adl (fund 0)');
    expectClose(run.cover1, 180, 'cover1');
    expectClose(run.cover2, 180, 'cover2');
    expect(Math.abs(run.totalLoss)).toBeLessThanOrEqual(1e-9);
  });

  it('leaves the client untouched under cross-venue margin', () => {
    const run = runOf(result, 'down-10', 'cross-venue');
    expect(run.rounds).toBe(0);
    expect(run.marginCalled).toBe(0);
    expect(run.liquidatedUnits).toBe(0);
    expect(run.liquidationFlowUsd.BTC).toBe(0);
    expectClose(run.finalPrices.BTC!, 90, 'P⁰');
    expect(run.badDebt).toBe(0);
    expect(run.totalLoss).toBe(0);
  });
});

describe('bankrupt accounts: bad debt beyond the insurance fund', () => {
  // Shock −20% (P⁰ = 80); adv 400,000. Long clients X, Y, Z are all under water at P⁰:
  //   X: 500 + 100·(80 − 100) = −1,500;  Y: 200 + 60·(−20) = −1,000;  Z: 100 + 40·(−20) = −700.
  // Short client W: 2,000 USD, short 50 BTC at 100: E = 2,000 + 50·20 = 3,000 ≥ MM 200 → survives.
  // Round 1 flow = −(100 + 60 + 40)·80 = −16,000: I = −0.1·√(16,000/400,000) = −0.02; P¹ = 78.4.
  // Close-out at 78.4 (each long loses 21.6 per BTC):
  //   X: 500 − 2,160 = −1,660;  Y: 200 − 1,296 = −1,096;  Z: 100 − 864 = −764.
  //   Bad debt = 1,660 + 1,096 + 764 = 3,520; fund 1,000 → used 1,000, ADL 2,520.
  //   Cover-1 = 1,660 (X); Cover-2 = 1,660 + 1,096 = 2,756 (X + Y; Z is third).
  // W at 78.4: E = 2,000 + 50·21.6 = 3,080 → loss −1,080 (a gain). MM 196 → round 2 empty.
  // totalLoss = (500 + 1,660) + (200 + 1,096) + (100 + 764) − 1,080 = 3,240.
  const clients = [perpClient('X', 500, 100), perpClient('Y', 200, 60), perpClient('Z', 100, 40)];
  const documents = (insuranceFund: number) =>
    calculationDocuments({
      book: bookDocument([...clients, perpClient('W', 2_000, -50)], { insuranceFund }),
      market: btcMarket(400_000),
      params: textbookParams(),
      scenarios: scenariosDocument(scenario('down-20', { '*': { shock: -0.2 } })),
    });
  const run = runOf(calculateFor(documents(1_000)), 'down-20');

  it('liquidates the three longs together in round 1 at P¹ = 78.4', () => {
    expect(run.rounds).toBe(1);
    expect(run.marginCalled).toBe(3);
    expect(run.liquidatedUnits).toBe(3);
    expectClose(run.liquidationFlowUsd.BTC!, -16_000, 'flow');
    expectClose(run.finalPrices.BTC!, 78.4, 'P¹');
  });

  it('exhausts the fund and auto-deleverages the remainder', () => {
    expectClose(run.badDebt, 3_520, 'badDebt');
    expect(run.insuranceFundUsed).toBe(1_000);
    expectClose(run.adl, 2_520, 'adl');
    expectClose(run.cover1, 1_660, 'cover1');
    expectClose(run.cover2, 2_756, 'cover2');
    expectClose(run.totalLoss, 3_240, 'totalLoss');
    expectClose(run.trace[0]!.cumulativeBadDebt, 3_520, 'trace bad debt');
  });

  it('ranks clients by uncovered loss and leaves the winning short out of the loss ranking', () => {
    expect(run.topClients.byUncovered.map((c) => c.clientId)).toEqual(['X', 'Y', 'Z']);
    expectClose(run.topClients.byUncovered[2]!.uncovered, 764, 'Z uncovered');
    expect(run.topClients.byLoss.map((c) => c.clientId)).toEqual(['X', 'Y', 'Z']);
  });

  it('with a fund of 5,000 the fund covers everything: used 3,520, ADL 0', () => {
    const covered = runOf(calculateFor(documents(5_000)), 'down-20');
    expectClose(covered.insuranceFundUsed, 3_520, 'used');
    expect(covered.adl).toBe(0);
  });
});

describe('linear impact, vol and liquidity in the impact laws', () => {
  // Scenario: −10%, vol +100% (σ* = 2σ), liquidity ×0.5. Client A as before (E = 200 < 450 at 90).
  const shocked = scenariosDocument(scenario('stress', { '*': { shock: -0.1, vol: 1, liquidity: 0.5 } }));

  it('linear: I = 0.01·Q/(depth·λ), blind to the vol shock', () => {
    // depth1pct 9,000, λ = 0.5: I = 0.01·(−9,000)/(9,000·0.5) = −0.02 → P¹ = 90·0.98 = 88.2;
    // close-out E = 20 as in the sqrt case.
    const run = runOf(
      calculateFor(
        calculationDocuments({
          book: bookDocument([clientA]),
          market: btcMarket(1e12, 9_000),
          params: textbookParams({ impact: { model: 'linear' } }),
          scenarios: shocked,
        }),
      ),
      'stress',
    );
    expectClose(run.finalPrices.BTC!, 88.2, 'P¹');
    expectClose(run.totalLoss, 1_180, 'loss');
    expect(run.badDebt).toBe(0);
  });

  it('sqrt: σ* and λ both enter, I = −Y·(σ*/√365)·√(|Q|/(adv·λ))', () => {
    // σ*/√365 = 0.2, adv·λ = 112,500: I = −0.2·√(9,000/112,500) = −0.2·√0.08 ≈ −0.056569;
    // P¹ = 90·(1 − 0.2·√0.08) ≈ 84.908831; close-out E = 1,200 + 100·(P¹ − 100) ≈ −309.116882.
    const p1 = 90 * (1 - 0.2 * Math.sqrt(0.08));
    const run = runOf(
      calculateFor(
        calculationDocuments({
          book: bookDocument([clientA]),
          market: btcMarket(225_000),
          params: textbookParams(),
          scenarios: shocked,
        }),
      ),
      'stress',
    );
    expectClose(run.finalPrices.BTC!, p1, 'P¹');
    expect(p1).toBeCloseTo(84.908831175457, 9);
    expectClose(run.badDebt, -(1_200 + 100 * (p1 - 100)), 'badDebt');
  });

  it('Y scales the sqrt impact: Y = 0 leaves prices at P⁰', () => {
    const run = runOf(
      calculateFor(
        calculationDocuments({
          book: bookDocument([clientA]),
          market: btcMarket(225_000),
          params: textbookParams({ impact: { y: 0 } }),
          scenarios: down10,
        }),
      ),
      'down-10',
    );
    expect(run.liquidatedUnits).toBe(1);
    expectClose(run.liquidationFlowUsd.BTC!, -9_000, 'flow');
    expectClose(run.finalPrices.BTC!, 90, 'P¹ = P⁰');
    expectClose(run.totalLoss, 1_000, 'loss 100·(100 − 90)');
  });
});

describe('price floor', () => {
  // Linear impact with depth1pct 60: I = 0.01·(−9,000)/60 = −1.5, so 1 + I = −0.5.
  // Floor 0.25: P¹ = 90·max(0.25, −0.5) = 22.5. Close-out E = 1,200 + 100·(22.5 − 100) = −6,550.
  // Floor 0 (allowed): P¹ = 90·max(0, −0.5) = 0; E = 1,200 − 10,000 = −8,800.
  const runWithFloor = (priceFloor: number) =>
    runOf(
      calculateFor(
        calculationDocuments({
          book: bookDocument([clientA]),
          market: btcMarket(1e12, 60),
          params: textbookParams({ impact: { model: 'linear', priceFloor } }),
          scenarios: down10,
        }),
      ),
      'down-10',
    );

  it('holds the price at P⁰·floor when the impact would push it below', () => {
    const run = runWithFloor(0.25);
    expectClose(run.finalPrices.BTC!, 22.5, 'P¹');
    expectClose(run.badDebt, 6_550, 'badDebt');
    expectClose(run.liquidationFlowUsd.BTC!, -9_000, 'flow at P⁰ regardless of the fill');
  });

  it('a zero floor lets the price reach zero, never below', () => {
    const run = runWithFloor(0);
    expect(run.finalPrices.BTC).toBe(0);
    expectClose(run.badDebt, 8_800, 'badDebt');
  });
});

describe('circuit breaker (params.breaker.json: band 12%)', () => {
  // Reference tiers at these small notionals: BTC IMR 1%, MMR 0.5%; SOL ("*") IMR 2%, MMR 1%.
  // Market: BTC 100 (adv 2,250), SOL 10 (adv 36,000), both σ/√365 = 0.1; ETH idle; USDT.
  // Scenario −10%: P⁰ BTC 90, SOL 9, ETH 90.
  //   A: 1,000 USD, long 100 BTC at 100: E = 0 < MM = 0.5%·9,000 = 45 → round 1.
  //   S: 1,050 USD, long 1,000 SOL at 10: E = 50 < MM = 1%·9,000 = 90 → round 1.
  //   B: 800 USD, long 50 BTC at 100: E = 300 ≥ MM 22.5 and ≥ IM 45 → neither.  marginCalled = 2.
  // Round 1: BTC Q = −9,000: I = −0.1·√(9,000/2,250) = −0.2, 1 + I = 0.8 < 0.88 → clamped, halted;
  //   P¹ BTC = 90·0.88 = 79.2.  SOL Q = −9,000: I = −0.1·√(9,000/36,000) = −0.05 (inside the band);
  //   P¹ SOL = 9·0.95 = 8.55. Close-outs: A = 1,000 + 100·(79.2 − 100) = −1,080;
  //   S = 1,050 + 1,000·(8.55 − 10) = −400.
  // Round 2: B at 79.2: E = 800 − 1,040 = −240 < MM → liquidated; Q BTC = −13,500, I = −0.1·√6 ≈ −0.245
  //   → still clamped, P² = 79.2; B closes at −240. Round 3 empty: rounds = 2.
  // Bad debt = 1,080 + 400 + 240 = 1,720; halted = [BTC].
  // Without the breaker (reference params): P¹ BTC = 90·0.8 = 72, A = 1,000 − 2,800 = −1,800;
  //   B at 72: 800 − 1,400 = −600 → round 2, P² = 90·(1 − 0.1·√6) ≈ 67.954592,
  //   B = 800 + 50·(P² − 100) ≈ −802.270384; bad debt = 1,800 + 400 + 802.270384 ≈ 3,002.270384.
  const documents = (params: JsonRecord) =>
    calculationDocuments({
      book: bookDocument([
        perpClient('A', 1_000, 100),
        perpClient('B', 800, 50),
        client(
          'S',
          subaccount('venue-a', 'standard', {
            collateral: { USD: 1_050 },
            positions: [perp('SOL', 1_000, 10)],
          }),
        ),
      ]),
      market: marketDocument({
        BTC: cryptoQuote(100, DAILY_SIGMA_10PCT, { adv: 2_250, depth1pct: 1e9 }),
        ETH: cryptoQuote(100, 0.6, { adv: 1e9, depth1pct: 1e9 }),
        SOL: cryptoQuote(10, DAILY_SIGMA_10PCT, { adv: 36_000, depth1pct: 1e9 }),
        USDT: stablecoinQuote(),
      }),
      params: { ...params, regimes: ['as-is'] },
      scenarios: down10,
    });

  it('clamps BTC at the band edge, lists it as halted, and still fills there', () => {
    const run = runOf(calculateFor(documents(breakerParams())), 'down-10');
    expect(run.rounds).toBe(2);
    expect(run.marginCalled).toBe(2);
    expect(run.liquidatedUnits).toBe(3);
    expect(run.halted).toEqual(['BTC']);
    expectClose(run.trace[0]!.prices.BTC!, 79.2, 'P¹ BTC');
    expectClose(run.finalPrices.BTC!, 79.2, 'P² BTC');
    expectClose(run.finalPrices.SOL!, 8.55, 'SOL');
    expectClose(run.finalPrices.ETH!, 90, 'ETH untouched at P⁰');
    expectClose(run.liquidationFlowUsd.BTC!, -13_500, 'BTC flow');
    expectClose(run.liquidationFlowUsd.SOL!, -9_000, 'SOL flow');
    expect(run.liquidationFlowUsd.ETH).toBe(0);
    expectClose(run.badDebt, 1_720, 'badDebt');
  });

  it('without the breaker the same book cascades deeper and nothing is halted', () => {
    const run = runOf(calculateFor(documents(referenceParams())), 'down-10');
    const p2 = 90 * (1 - 0.1 * Math.sqrt(6));
    expect(run.rounds).toBe(2);
    expect(run.halted).toEqual([]);
    expectClose(run.trace[0]!.prices.BTC!, 72, 'P¹ BTC');
    expectClose(run.finalPrices.BTC!, p2, 'P² BTC');
    expect(p2).toBeCloseTo(67.954592314951, 9);
    expectClose(run.badDebt, 1_800 + 400 - (800 + 50 * (p2 - 100)), 'badDebt');
  });
});

describe('circuit breaker edge: "halted" is strict', () => {
  // Client A alone, linear impact, band 0.12 (textbook params). Flow −9,000 at P⁰ = 90.
  // depth1pct 750: I = 0.01·(−9,000)/750 = −0.12, so 1 + I = 0.88 = 1 − b: on the edge, not beyond
  //   → not halted (the clamp changes nothing); P¹ = 90·0.88 = 79.2.
  // depth1pct 749: I = −90/749 ≈ −0.120160 → beyond the band → halted, still P¹ = 79.2.
  const runWithDepth = (depth1pct: number) =>
    runOf(
      calculateFor(
        calculationDocuments({
          book: bookDocument([clientA]),
          market: btcMarket(1e12, depth1pct),
          params: textbookParams({ impact: { model: 'linear' }, band: 0.12 }),
          scenarios: down10,
        }),
      ),
      'down-10',
    );

  it('an asset that reaches the band edge exactly is not halted', () => {
    const run = runWithDepth(750);
    expect(run.halted).toEqual([]);
    expectClose(run.finalPrices.BTC!, 79.2, 'P¹');
  });

  it('an asset pushed beyond the edge is halted and fills at the edge', () => {
    const run = runWithDepth(749);
    expect(run.halted).toEqual(['BTC']);
    expectClose(run.finalPrices.BTC!, 79.2, 'P¹');
    // Close-out at the edge: 1,200 + 100·(79.2 − 100) = −880.
    expectClose(run.badDebt, 880, 'badDebt');
  });
});

describe('maxRounds stops the cascade', () => {
  // The two-account book with maxRounds = 1: round 1 liquidates A (P¹ = 88.2); B would be
  // liquidatable in round 2 but the cascade ends: rounds = 1, B survives valued at P¹:
  // E_B = 800 + 50·(88.2 − 100) = 210 → loss 590; total loss 1,180 + 590 = 1,770.
  it('reports rounds = maxRounds, final prices P^maxRounds, survivors at the final prices', () => {
    const run = runOf(
      calculateFor(
        calculationDocuments({
          book: bookDocument([clientA, clientB]),
          market: btcMarket(225_000),
          params: textbookParams({ maxRounds: 1 }),
          scenarios: down10,
        }),
      ),
      'down-10',
    );
    expect(run.rounds).toBe(1);
    expect(run.liquidatedUnits).toBe(1);
    expectClose(run.finalPrices.BTC!, 88.2, 'P¹');
    expectClose(run.totalLoss, 1_770, 'totalLoss');
  });
});

describe('regimes of the same book differ only through margin', () => {
  // Client A on a standard subaccount: as-is uses its own mode (standard) → same run as standard.
  it('as-is follows the subaccount mode', () => {
    const regimes: RegimeName[] = ['as-is', 'standard'];
    const result = calculateFor(
      calculationDocuments({
        book: bookDocument([clientA, clientB]),
        market: btcMarket(225_000),
        params: textbookParams({ regimes }),
        scenarios: down10,
      }),
    );
    const [asIs, standard] = regimes.map((r) => runOf(result, 'down-10', r));
    expect({ ...asIs!, regime: 'x' }).toEqual({ ...standard!, regime: 'x' });
  });
});

describe('bad debt is not monotone in the shock once a cascade runs several rounds', () => {
  // MODEL.md §6 fills every round at its own P^k. A unit that falls one round earlier under a
  // more severe shock fills before a later liquidation's impact, so it can owe less. Three
  // long BTC clients (standard, entry 100), adv 8,118:
  //   K0: 1,135 USD, 81 BTC;  K1: 1,322 USD, 88 BTC;  K2: 113 USD, 15 BTC.
  // Shock −9% (P⁰ = 91; MM = 5%·q·P):
  //   round 1: K0 E = 1,135 − 729 = 406 ≥ 368.55; K1 E = 1,322 − 792 = 530 ≥ 400.4; K2 E = −22 → K2.
  //     P¹ = 91·(1 − 0.1·√(15·91/8,118)) ≈ 87.2685;
  //   round 2: K0 E ≈ 103.7 < 353.4, K1 E ≈ 201.6 < 384.0 → both; Q = −(15 + 81 + 88)·91 = −16,744,
  //     P² = 91·(1 − 0.1·√(16,744/8,118)) ≈ 77.9309.
  //   Bad debt = −[113 + 15·(P¹ − 100)] − [1,135 + 81·(P² − 100)] − [1,322 + 88·(P² − 100)] ≈ 1,350.65.
  // Shock −10% (P⁰ = 90):
  //   round 1: K0 E = 325 < 364.5 → K0 now falls in round 1 with K2; K1 E = 442 ≥ 396 survives.
  //     P¹ = 90·(1 − 0.1·√(96·90/8,118)) ≈ 80.7152;
  //   round 2: K1 E ≈ −375 → liquidated; Q = −184·90 = −16,560, P² = 90·(1 − 0.1·√(16,560/8,118)) ≈ 77.1457.
  //   Bad debt = −[1,135 + 81·(P¹ − 100)] − [113 + 15·(P¹ − 100)] − [1,322 + 88·(P² − 100)] ≈ 1,292.52.
  // The −10% crash leaves less bad debt than the −9% one: K0 fills at 80.7 instead of 77.9.
  const mild = {
    p1: 91 * (1 - 0.1 * Math.sqrt((15 * 91) / 8_118)),
    p2: 91 * (1 - 0.1 * Math.sqrt(16_744 / 8_118)),
  };
  const severe = {
    p1: 90 * (1 - 0.1 * Math.sqrt((96 * 90) / 8_118)),
    p2: 90 * (1 - 0.1 * Math.sqrt(16_560 / 8_118)),
  };
  const mildBadDebt =
    -(113 + 15 * (mild.p1 - 100)) - (1_135 + 81 * (mild.p2 - 100)) - (1_322 + 88 * (mild.p2 - 100));
  const severeBadDebt =
    -(1_135 + 81 * (severe.p1 - 100)) - (113 + 15 * (severe.p1 - 100)) - (1_322 + 88 * (severe.p2 - 100));

  const result = calculateFor(
    calculationDocuments({
      book: bookDocument([
        perpClient('K0', 1_135, 81),
        perpClient('K1', 1_322, 88),
        perpClient('K2', 113, 15),
      ]),
      market: btcMarket(8_118),
      params: textbookParams(),
      scenarios: scenariosDocument(
        scenario('down-9', { '*': { shock: -0.09 } }),
        scenario('down-10', { '*': { shock: -0.1 } }),
      ),
    }),
  );

  it('liquidates the same three clients, in a different order of rounds', () => {
    expect(runOf(result, 'down-9').trace.map((r) => r.liquidatedUnits)).toEqual([1, 2]);
    expect(runOf(result, 'down-10').trace.map((r) => r.liquidatedUnits)).toEqual([2, 1]);
  });

  it('reports the hand-computed bad debts, the larger one for the milder shock', () => {
    expect(mildBadDebt).toBeCloseTo(1_350.654, 3);
    expect(severeBadDebt).toBeCloseTo(1_292.523, 3);
    expectClose(runOf(result, 'down-9').badDebt, mildBadDebt, 'bad debt at −9%');
    expectClose(runOf(result, 'down-10').badDebt, severeBadDebt, 'bad debt at −10%');
    expectClose(runOf(result, 'down-9').finalPrices.BTC!, mild.p2, 'P² at −9%');
    expectClose(runOf(result, 'down-10').finalPrices.BTC!, severe.p2, 'P² at −10%');
  });
});
