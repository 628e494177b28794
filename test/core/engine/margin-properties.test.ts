/**
 * Invariants of margin units and margin (MODEL.md §1.2 netting, §2–§5) on random books, checked
 * with fast-check. Books use the small example's market (BTC, ETH, SOL, USDT, USDC) and the
 * reference params; quantities are whole multiples of a binary-exact lot (¼ BTC, 5 ETH, 100 SOL)
 * so that splitting a position into two is exact and only the netted entry carries rounding.
 *
 * numRuns is kept moderate (the whole file runs in a few seconds); seeds are fixed so a failure
 * reproduces, and fast-check prints the shrunk counterexample.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculate } from '../../../functions/core/calculation/calculate.js';
import type { Regime } from '../../../functions/core/model/params.js';
import { computeLiteralResult } from '../../reference/literal-model.js';
import {
  bookDocument,
  buildEngine,
  calculationDocuments,
  client,
  deepFreeze,
  future,
  type JsonRecord,
  option,
  perp,
  scenario,
  scenariosDocument,
  smallExampleMarket,
  specExampleDocuments,
  subaccount,
} from '../../support/core-builders.js';

const REGIMES: readonly Regime[] = ['as-is', 'standard', 'portfolio', 'cross-venue'];
const PRICES = { BTC: 91_500, ETH: 3_020, SOL: 137 } as const;
type Crypto = keyof typeof PRICES;
const CRYPTO = Object.keys(PRICES) as Crypto[];
const LOT: Record<Crypto, number> = { BTC: 0.25, ETH: 5, SOL: 100 };
/** Before, at and after the book's asOf 2026-11-30 (expired instruments are kept and valued). */
const EXPIRIES = ['2026-11-20', '2026-11-30', '2026-12-25', '2027-03-26'];
const VENUES = ['venue-a', 'venue-b', 'venue-c'];

// ─── arbitraries (documents in interchange form) ───

const lots = fc.integer({ min: -200, max: 200 });
const cryptoAsset = fc.constantFrom(...CRYPTO);

const perpArb = fc
  .record({ asset: cryptoAsset, lots, entryFactor: fc.integer({ min: 70, max: 130 }) })
  .map(({ asset, lots, entryFactor }) => perp(asset, lots * LOT[asset], (PRICES[asset] * entryFactor) / 100));

const futureArb = fc
  .record({
    asset: cryptoAsset,
    lots,
    entryFactor: fc.integer({ min: 70, max: 130 }),
    expiry: fc.constantFrom(...EXPIRIES),
  })
  .map(({ asset, lots, entryFactor, expiry }) =>
    future(asset, lots * LOT[asset], (PRICES[asset] * entryFactor) / 100, expiry),
  );

const optionArb = fc
  .record({
    asset: cryptoAsset,
    lots,
    right: fc.constantFrom('call' as const, 'put' as const),
    strikeFactor: fc.constantFrom(70, 85, 100, 115, 130),
    expiry: fc.constantFrom(...EXPIRIES),
  })
  .map(({ asset, lots, right, strikeFactor, expiry }) =>
    option(asset, right, (PRICES[asset] * strikeFactor) / 100, expiry, lots * LOT[asset]),
  );

const positionArb = fc.oneof(perpArb, futureArb, optionArb);

/** Signed balances: stablecoins in whole USD, crypto in lots (negative = borrowed). */
const collateralArb = fc
  .record(
    {
      USDT: fc.integer({ min: -200_000, max: 3_000_000 }),
      USDC: fc.integer({ min: -200_000, max: 1_000_000 }),
      BTC: fc.integer({ min: -40, max: 80 }).map((n) => n * LOT.BTC),
      ETH: fc.integer({ min: -40, max: 80 }).map((n) => n * LOT.ETH),
      SOL: fc.integer({ min: -40, max: 80 }).map((n) => n * LOT.SOL),
    },
    { requiredKeys: [] },
  )
  .map((balances) => balances as Record<string, number>);

const subaccountArb = (venue: string) =>
  fc
    .record({
      mode: fc.constantFrom('standard' as const, 'portfolio' as const),
      collateral: collateralArb,
      positions: fc.array(positionArb, { maxLength: 5 }),
    })
    .map(({ mode, collateral, positions }) => subaccount(venue, mode, { collateral, positions }));

const clientArb = (id: string) =>
  fc
    .subarray(VENUES, { minLength: 1 })
    .chain((venues) => fc.tuple(...venues.map(subaccountArb)))
    .map((subs) => client(id, ...subs));

const bookArb = fc
  .integer({ min: 1, max: 4 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => clientArb(`C${i}`))))
  .map((clients) => bookDocument(clients, { insuranceFund: 100_000 }));

/** The small example market with every crypto price moved by up to ±40% and a rate of 0 or 3%. */
const marketArb = fc
  .record({
    moves: fc.tuple(...CRYPTO.map(() => fc.integer({ min: 60, max: 140 }))),
    rate: fc.constantFrom(0, 0.03),
  })
  .map(({ moves, rate }) => {
    const market = smallExampleMarket({ rate });
    const assets = market.assets as Record<string, JsonRecord>;
    CRYPTO.forEach((asset, i) => {
      assets[asset]!.price = (PRICES[asset] * moves[i]!) / 100;
    });
    return market;
  });

// ─── helpers ───

interface Snapshot {
  readonly equity: Float64Array;
  readonly adjustedEquity: Float64Array;
  readonly im: Float64Array;
  readonly mm: Float64Array;
}

function snapshots(book: JsonRecord, market: JsonRecord): Map<Regime, Snapshot> {
  const { engine } = buildEngine({ book, market });
  return new Map(REGIMES.map((regime) => [regime, engine.unitSnapshot(regime)]));
}

/** Rounding of sums of a few hundred products of size ≤ 1e8: 1e-9 relative + 1e-6 USD absolute. */
function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-6;
}

function mapQuantities(book: JsonRecord, scale: (qty: number) => number): JsonRecord {
  const copy = structuredClone(book);
  for (const c of copy.clients as JsonRecord[]) {
    for (const sub of c.subaccounts as JsonRecord[]) {
      const collateral = sub.collateral as Record<string, number>;
      for (const asset of Object.keys(collateral)) collateral[asset] = scale(collateral[asset]!);
      for (const position of sub.positions as JsonRecord[]) position.qty = scale(position.qty as number);
    }
  }
  return copy;
}

function allPositions(book: JsonRecord): { sub: JsonRecord; index: number; clientIndex: number }[] {
  return (book.clients as JsonRecord[]).flatMap((c, clientIndex) =>
    (c.subaccounts as JsonRecord[]).flatMap((sub) =>
      (sub.positions as JsonRecord[]).map((_, index) => ({ sub, index, clientIndex })),
    ),
  );
}

const RUNS = { numRuns: 60 };

// ─── properties ───

describe('margin outputs are finite and ≥ 0 (MODEL.md §0, README "Margin requirements are ≥ 0")', () => {
  it('E, E_adj, IM, MM are numbers (no NaN, no ±∞) and IM, MM ≥ 0 under every regime', () => {
    fc.assert(
      fc.property(bookArb, marketArb, (book, market) => {
        const { engine } = buildEngine({ book, market });
        for (const regime of REGIMES) {
          const snapshot = engine.unitSnapshot(regime);
          for (const column of [snapshot.equity, snapshot.adjustedEquity, snapshot.im, snapshot.mm]) {
            for (const value of column) expect(Number.isFinite(value)).toBe(true);
          }
          for (const value of snapshot.im) expect(value).toBeGreaterThanOrEqual(0);
          for (const value of snapshot.mm) expect(value).toBeGreaterThanOrEqual(0);
          const summary = engine.marginSummary(regime);
          expect(Number.isFinite(summary.im) && Number.isFinite(summary.mm)).toBe(true);
          expect(summary.liquidatable).toBeLessThanOrEqual(summary.marginCalled);
        }
      }),
      { ...RUNS, seed: 101 },
    );
  });
});

describe('MM ≤ IM', () => {
  it('under standard margin (mmr ≤ imr in every tier; optMm 0.075 ≤ optImFloor 0.10) and portfolio (0.8·IM)', () => {
    fc.assert(
      fc.property(bookArb, marketArb, (book, market) => {
        const all = snapshots(book, market);
        for (const regime of REGIMES) {
          const { im, mm } = all.get(regime)!;
          for (let u = 0; u < im.length; u++) expect(mm[u]!).toBeLessThanOrEqual(im[u]!);
        }
        for (const regime of ['portfolio', 'cross-venue'] as const) {
          const { im, mm } = all.get(regime)!;
          for (let u = 0; u < im.length; u++) expect(close(mm[u]!, 0.8 * im[u]!)).toBe(true);
        }
      }),
      { ...RUNS, seed: 102 },
    );
  });
});

describe('more exposure never needs less margin', () => {
  it('scaling every quantity of the book (positions and collateral) by k ≥ 1 never lowers IM or MM', () => {
    // Standard: tiers are non-decreasing in notional and option charges linear in |q|.
    // Portfolio: RM, EXT and C are positively homogeneous in the quantities, K non-decreasing.
    // (Scaling positions alone is NOT monotone under portfolio margin: collateral may hedge them.)
    fc.assert(
      fc.property(bookArb, marketArb, fc.double({ min: 1, max: 4, noNaN: true }), (book, market, k) => {
        const before = snapshots(book, market);
        const after = snapshots(
          mapQuantities(book, (q) => q * k),
          market,
        );
        for (const regime of REGIMES) {
          const a = before.get(regime)!;
          const b = after.get(regime)!;
          for (let u = 0; u < a.im.length; u++) {
            expect(b.im[u]!).toBeGreaterThanOrEqual(a.im[u]! * (1 - 1e-12) - 1e-9);
            expect(b.mm[u]!).toBeGreaterThanOrEqual(a.mm[u]! * (1 - 1e-12) - 1e-9);
          }
        }
      }),
      { ...RUNS, seed: 103 },
    );
  });

  it('under standard margin, scaling one netted position by k ≥ 1 never lowers the unit margin', () => {
    // One subaccount whose positions have distinct instrument keys, so each is its own netted position.
    const distinctPositions = fc.uniqueArray(positionArb, {
      minLength: 1,
      maxLength: 6,
      selector: (p) => `${p.type}|${p.asset}|${p.expiry ?? ''}|${p.right ?? ''}|${p.strike ?? ''}`,
    });
    fc.assert(
      fc.property(
        distinctPositions,
        collateralArb,
        marketArb,
        fc.nat(),
        fc.double({ min: 1, max: 4, noNaN: true }),
        (positions, collateral, market, pick, k) => {
          const sub = subaccount('venue-a', 'standard', { collateral, positions });
          const scaled = structuredClone(sub);
          const target = (scaled.positions as JsonRecord[])[pick % positions.length]!;
          target.qty = (target.qty as number) * k;
          const a = snapshots(bookDocument([client('C', sub)]), market).get('standard')!;
          const b = snapshots(bookDocument([client('C', scaled)]), market).get('standard')!;
          expect(b.im[0]!).toBeGreaterThanOrEqual(a.im[0]! * (1 - 1e-12) - 1e-9);
          expect(b.mm[0]!).toBeGreaterThanOrEqual(a.mm[0]! * (1 - 1e-12) - 1e-9);
        },
      ),
      { ...RUNS, seed: 104 },
    );
  });
});

describe('netting (MODEL.md §1.2): splitting a position changes nothing', () => {
  it('a position split into two same-key positions gives the netted book’s E, E_adj, IM, MM', () => {
    fc.assert(
      fc.property(
        bookArb.filter((book) => allPositions(book).length > 0),
        marketArb,
        fc.nat(),
        fc.integer({ min: -200, max: 200 }),
        (book, market, pick, firstLots) => {
          const split = structuredClone(book);
          const places = allPositions(split);
          const { sub, index } = places[pick % places.length]!;
          const positions = sub.positions as JsonRecord[];
          const original = positions[index]!;
          const lot = LOT[original.asset as Crypto];
          // qty = n·lot = firstLots·lot + (n − firstLots)·lot, exactly; the two legs may have opposite signs.
          const n = (original.qty as number) / lot;
          positions.splice(
            index,
            1,
            { ...original, qty: firstLots * lot },
            { ...original, qty: (n - firstLots) * lot },
          );
          const a = snapshots(book, market);
          const b = snapshots(split, market);
          for (const regime of REGIMES) {
            const x = a.get(regime)!;
            const y = b.get(regime)!;
            for (const column of ['equity', 'adjustedEquity', 'im', 'mm'] as const) {
              for (let u = 0; u < x[column].length; u++) {
                if (!close(x[column][u]!, y[column][u]!)) {
                  throw new Error(`${regime} unit ${u} ${column}: ${x[column][u]} vs ${y[column][u]}`);
                }
              }
            }
          }
        },
      ),
      { ...RUNS, seed: 105 },
    );
  });

  it('under cross-venue margin, moving a position to another venue of the same client changes nothing', () => {
    fc.assert(
      fc.property(
        bookArb.filter((book) => allPositions(book).length > 0),
        marketArb,
        fc.nat(),
        (book, market, pick) => {
          const moved = structuredClone(book);
          const places = allPositions(moved);
          const { sub, index, clientIndex } = places[pick % places.length]!;
          const [position] = (sub.positions as JsonRecord[]).splice(index, 1);
          const owner = (moved.clients as JsonRecord[])[clientIndex]!;
          (owner.subaccounts as JsonRecord[]).push(
            subaccount('venue-elsewhere', 'standard', { positions: [position!] }),
          );
          const a = snapshots(book, market).get('cross-venue')!;
          const b = snapshots(moved, market).get('cross-venue')!;
          for (const column of ['equity', 'adjustedEquity', 'im', 'mm'] as const) {
            for (let u = 0; u < a[column].length; u++) expect(close(a[column][u]!, b[column][u]!)).toBe(true);
          }
        },
      ),
      { ...RUNS, seed: 106 },
    );
  });
});

describe('calculate() is pure', () => {
  const scenarios = () =>
    scenariosDocument(
      scenario('down-30', { '*': { shock: -0.3, vol: 0.5, liquidity: 0.5 } }),
      scenario('up-40', { '*': { shock: 0.4 }, USDT: { shock: -0.05 } }),
    );

  it('leaves deep-frozen inputs untouched and gives the same result twice', () => {
    fc.assert(
      fc.property(bookArb, marketArb, (book, market) => {
        const documents = calculationDocuments({ book, market, scenarios: scenarios() });
        const pristine = structuredClone(documents);
        deepFreeze(documents);
        // Any write to a frozen document would throw a TypeError (ES modules run in strict mode).
        const first = calculate(documents, { skipReverseStress: true });
        expect(documents).toEqual(pristine);
        const second = calculate(structuredClone(pristine), { skipReverseStress: true });
        expect(second).toEqual(first);
      }),
      { numRuns: 25, seed: 107 },
    );
  });

  it('the small specification example, with reverse stress, leaves its frozen documents untouched', () => {
    const documents = specExampleDocuments('small');
    const pristine = structuredClone(documents);
    const result = calculate(deepFreeze(documents));
    expect(documents).toEqual(pristine);
    expect(result.runs.length).toBe(16); // 4 scenarios × 4 regimes
  });
});

describe('independent cross-check: the literal transcription of the spec (MODEL.md §9 tolerances)', () => {
  it('the margin block of every regime agrees on random books', () => {
    fc.assert(
      fc.property(bookArb, marketArb, (book, market) => {
        const documents = calculationDocuments({ book, market });
        const { engine } = buildEngine({ book, market });
        const literal = computeLiteralResult(structuredClone(documents));
        for (const regime of REGIMES) {
          const ours = engine.marginSummary(regime);
          const theirs = literal.margin[regime]!;
          expect([ours.units, ours.marginCalled, ours.liquidatable]).toEqual([
            theirs.units,
            theirs.marginCalled,
            theirs.liquidatable,
          ]);
          for (const key of ['im', 'mm'] as const) {
            expect(Math.abs(ours[key] - theirs[key])).toBeLessThanOrEqual(
              1e-6 * Math.max(Math.abs(ours[key]), Math.abs(theirs[key])) + 1,
            );
          }
        }
      }),
      { numRuns: 20, seed: 108 },
    );
  });
});
