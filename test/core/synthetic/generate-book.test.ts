import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochDay, isoDateFromEpochDay, parseIsoDate } from '../../../functions/core/dates.js';
import type { BookDocument, MarketDocument } from '../../../functions/core/synthetic/documents.js';
import {
  generateSyntheticBook,
  generateSyntheticBookStream,
  generateSyntheticMarket,
  iterateSyntheticClients,
  type SyntheticBookOptions,
} from '../../../functions/core/synthetic/generate-book.js';

const AS_OF = '2026-11-30';
const CRYPTO = ['BTC', 'ETH', 'SOL', 'XRP', 'BNB', 'DOGE', 'LINK', 'AVAX'];
const STABLE = ['USDT', 'USDC', 'DAI'];

function day(date: string): number {
  const parsed = parseIsoDate(date);
  if (parsed === undefined) throw new Error(`not a date: ${date}`);
  return epochDay(parsed);
}

function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** Every record valid per MODEL.md §1.4, in the exact §8 file form; returns the list of problems. */
function problems(book: BookDocument, market: MarketDocument): string[] {
  const out: string[] = [];
  const bad = (path: string, why: string) => out.push(`${path}: ${why}`);
  if (book.asOf !== market.asOf) bad('asOf', 'book and market differ');
  if (!isFiniteNumber(book.insuranceFund) || book.insuranceFund < 0) bad('insuranceFund', 'not a number ≥ 0');
  if (!isFiniteNumber(market.rate)) bad('rate', 'not finite');
  const asOf = day(book.asOf);
  const crypto = new Set<string>();
  for (const [symbol, asset] of Object.entries(market.assets)) {
    if (!(asset.price > 0) || !(asset.vol > 0)) bad(`assets.${symbol}`, 'price and vol must be > 0');
    if (asset.kind === 'crypto') {
      crypto.add(symbol);
      if (!(asset.adv > 0) || !(asset.depth1pct > 0))
        bad(`assets.${symbol}`, 'adv and depth1pct must be > 0');
      if (asset.vol < 0.45 || asset.vol > 1) bad(`assets.${symbol}`, `vol ${asset.vol} outside 0.45..1`);
      expect(Object.keys(asset)).toEqual(['kind', 'price', 'vol', 'adv', 'depth1pct']);
    } else {
      expect(asset).toEqual({ kind: 'stablecoin', price: 1, vol: 0.01 });
    }
  }
  const ids = new Set<string>();
  book.clients.forEach((client, i) => {
    const path = `clients[${i}]`;
    if (typeof client.id !== 'string' || client.id === '' || ids.has(client.id))
      bad(path, 'bad or duplicate id');
    ids.add(client.id);
    if (client.subaccounts.length < 1 || client.subaccounts.length > 3)
      bad(path, 'must have 1..3 subaccounts');
    const venues = new Set<string>();
    client.subaccounts.forEach((sub, j) => {
      const subPath = `${path}.subaccounts[${j}]`;
      if (!/^venue-[a-e]$/.test(sub.venue)) bad(subPath, `venue ${sub.venue}`);
      if (venues.has(sub.venue)) bad(subPath, 'duplicate venue');
      venues.add(sub.venue);
      if (sub.marginMode !== 'standard' && sub.marginMode !== 'portfolio') bad(subPath, 'marginMode');
      for (const [asset, qty] of Object.entries(sub.collateral)) {
        if (!(asset in market.assets)) bad(`${subPath}.collateral.${asset}`, 'unknown asset');
        if (!isFiniteNumber(qty) || qty === 0)
          bad(`${subPath}.collateral.${asset}`, 'not a finite non-zero number');
      }
      sub.positions.forEach((p, k) => {
        const pPath = `${subPath}.positions[${k}]`;
        if (!crypto.has(p.asset)) bad(pPath, `underlying ${p.asset} is not a crypto asset of the market`);
        if (!isFiniteNumber(p.qty) || p.qty === 0) bad(pPath, 'qty');
        if (p.type === 'perp' || p.type === 'future') {
          if (!isFiniteNumber(p.entry) || !(p.entry > 0)) bad(pPath, 'entry must be > 0');
        }
        if (p.type === 'future' || p.type === 'option') {
          if (parseIsoDate(p.expiry) === undefined || day(p.expiry) <= asOf) bad(pPath, `expiry ${p.expiry}`);
        }
        if (p.type === 'option') {
          if (p.right !== 'call' && p.right !== 'put') bad(pPath, 'right');
          if (!isFiniteNumber(p.strike) || !(p.strike > 0)) bad(pPath, 'strike must be > 0');
        }
        const keys = Object.keys(p);
        const expected =
          p.type === 'perp'
            ? ['type', 'asset', 'qty', 'entry']
            : p.type === 'future'
              ? ['type', 'asset', 'qty', 'entry', 'expiry']
              : ['type', 'asset', 'right', 'strike', 'expiry', 'qty'];
        if (keys.join() !== expected.join()) bad(pPath, `fields ${keys.join()}`);
      });
    });
  });
  return out;
}

function priceOf(market: MarketDocument): (asset: string) => number {
  return (asset) => market.assets[asset]?.price ?? Number.NaN;
}

describe('generateSyntheticBook: determinism and shape', () => {
  const options: SyntheticBookOptions = { clients: 300, seed: 'determinism', asOf: AS_OF };

  it('same seed and options → deep-equal output and identical JSON; other seeds differ', () => {
    const a = generateSyntheticBook(options);
    const b = generateSyntheticBook({ ...options });
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = generateSyntheticBook({ ...options, seed: 'determinism2' });
    expect(JSON.stringify(c.book)).not.toBe(JSON.stringify(a.book));
    expect(JSON.stringify(c.market)).not.toBe(JSON.stringify(a.market));
    // A number seed is its decimal string.
    expect(generateSyntheticBook({ ...options, seed: 12 })).toEqual(
      generateSyntheticBook({ ...options, seed: '12' }),
    );
  });

  it('is plain JSON: a round trip through JSON is deep-equal (no -0, NaN, undefined)', () => {
    const { book, market } = generateSyntheticBook(options);
    expect(JSON.parse(JSON.stringify(book))).toEqual(book);
    expect(JSON.parse(JSON.stringify(market))).toEqual(market);
    expect(Object.keys(book)).toEqual(['asOf', 'insuranceFund', 'clients']);
    expect(Object.keys(market)).toEqual(['asOf', 'rate', 'assets']);
  });

  it('has the requested number of clients, ids in order', () => {
    for (const clients of [0, 1, 7, 250]) {
      const { book } = generateSyntheticBook({ ...options, clients });
      expect(book.clients).toHaveLength(clients);
      book.clients.forEach((client, i) => {
        expect(client.id).toBe(`C${String(i).padStart(7, '0')}`);
      });
    }
  });

  it('the iterator and the stream yield the same clients as the array form', () => {
    const { book, market } = generateSyntheticBook(options);
    const iterator = iterateSyntheticClients(options);
    const streamed = [];
    let step = iterator.next();
    while (step.done !== true) {
      streamed.push(step.value);
      step = iterator.next();
    }
    expect(streamed).toEqual(book.clients);
    expect(step.value.insuranceFund).toBe(book.insuranceFund);
    expect(step.value.clients).toBe(book.clients.length);

    const stream = generateSyntheticBookStream(options);
    expect(stream.market).toEqual(market);
    expect(stream.asOf).toBe(AS_OF);
    expect(() => stream.totals()).toThrow();
    expect([...stream.clients]).toEqual(book.clients);
    const totals = stream.totals();
    expect(totals.insuranceFund).toBe(book.insuranceFund);
    expect(totals.subaccounts).toBe(book.clients.reduce((n, c) => n + c.subaccounts.length, 0));
    expect(generateSyntheticMarket(options)).toEqual(market);
  });

  it('a smaller book is a prefix of a larger one (per-client streams)', () => {
    const small = generateSyntheticBook({ ...options, clients: 40 });
    const large = generateSyntheticBook({ ...options, clients: 120 });
    expect(large.book.clients.slice(0, 40)).toEqual(small.book.clients);
  });

  it('rejects invalid options', () => {
    expect(() => generateSyntheticBook({ ...options, clients: -1 })).toThrow(RangeError);
    expect(() => generateSyntheticBook({ ...options, clients: 1.5 })).toThrow(RangeError);
    expect(() => generateSyntheticBook({ ...options, assets: 3 })).toThrow(RangeError);
    expect(() => generateSyntheticBook({ ...options, assets: 9 })).toThrow(RangeError);
    expect(() => generateSyntheticBook({ ...options, asOf: '2026-02-30' })).toThrow(RangeError);
    expect(() => generateSyntheticBook({ ...options, optionShare: 1.5 })).toThrow(RangeError);
    expect(() => generateSyntheticBook({ ...options, positionsPerClient: 0 })).toThrow(RangeError);
  });
});

describe('generateSyntheticBook: validity', () => {
  it('every record is valid for any seed, asOf and options (property)', () => {
    const arbitraryOptions = fc.record({
      clients: fc.integer({ min: 0, max: 40 }),
      seed: fc.oneof(fc.string(), fc.integer()),
      asOf: fc.integer({ min: day('2000-01-01'), max: day('2099-12-31') }).map((d) => isoDateFromEpochDay(d)),
      assets: fc.integer({ min: 4, max: 8 }),
      positionsPerClient: fc.double({ min: 0.2, max: 12, noNaN: true }),
      optionShare: fc.double({ min: 0, max: 1, noNaN: true }),
      nearLiquidationShare: fc.double({ min: 0, max: 1, noNaN: true }),
      insuranceFundRatio: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(arbitraryOptions, (opts) => {
        const { book, market } = generateSyntheticBook(opts);
        expect(problems(book, market)).toEqual([]);
        expect(book.clients).toHaveLength(opts.clients);
        const crypto = Object.values(market.assets).filter((a) => a.kind === 'crypto');
        expect(crypto).toHaveLength(opts.assets);
        expect(Object.keys(market.assets)).toEqual([...CRYPTO.slice(0, opts.assets), ...STABLE]);
        expect(JSON.parse(JSON.stringify(book))).toEqual(book);
      }),
      { numRuns: 60 },
    );
  });

  it('expiries: futures on quarterly last Fridays, options on Fridays, all after asOf; strikes on a ladder', () => {
    const { book, market } = generateSyntheticBook({ clients: 1500, seed: 'expiries', asOf: '2026-12-29' });
    expect(problems(book, market)).toEqual([]);
    const futures = new Set<string>();
    const optionExpiries = new Set<string>();
    const instruments = new Map<string, number>();
    let options = 0;
    for (const client of book.clients) {
      for (const sub of client.subaccounts) {
        for (const p of sub.positions) {
          if (p.type === 'future') futures.add(p.expiry);
          if (p.type === 'option') {
            options++;
            optionExpiries.add(p.expiry);
            const key = `${p.asset}|${p.expiry}|${p.right}|${p.strike}`;
            instruments.set(key, (instruments.get(key) ?? 0) + 1);
          }
        }
      }
    }
    const isFriday = (date: string) => (((day(date) + 4) % 7) + 7) % 7 === 5;
    expect([...futures].sort()).toEqual(['2027-03-26', '2027-06-25', '2027-09-24', '2027-12-31']);
    for (const expiry of optionExpiries) {
      expect(isFriday(expiry)).toBe(true);
      expect(expiry > '2026-12-29').toBe(true);
    }
    expect(optionExpiries.size).toBeGreaterThanOrEqual(6);
    // A discrete ladder: options concentrate on far fewer instruments than positions.
    expect(instruments.size).toBeLessThan(options * 0.6);
    expect([...instruments.values()].some((n) => n >= 5)).toBe(true);
  });
});

describe('generateSyntheticBook: distribution over 2,000 clients', () => {
  for (const seed of ['marginfall', 2026]) {
    it(`has the promised features (seed ${seed})`, () => {
      const { book, market } = generateSyntheticBook({ clients: 2000, seed, asOf: AS_OF });
      expect(problems(book, market)).toEqual([]);
      const price = priceOf(market);
      const modes = new Set<string>();
      const venueCounts = new Set<number>();
      let positions = 0;
      let options = 0;
      let calls = 0;
      let puts = 0;
      let longOptions = 0;
      let shortOptions = 0;
      let longLinear = 0;
      let shortLinear = 0;
      let perps = 0;
      let futures = 0;
      let negativeStable = 0;
      let negativeCrypto = 0;
      let positiveCrypto = 0;
      const gross: number[] = [];
      const leverage: number[] = [];
      let collateralUsd = 0;
      for (const client of book.clients) {
        venueCounts.add(client.subaccounts.length);
        let notional = 0;
        let collateral = 0;
        for (const sub of client.subaccounts) {
          modes.add(sub.marginMode);
          for (const [asset, qty] of Object.entries(sub.collateral)) {
            collateral += qty * price(asset);
            const stable = STABLE.includes(asset);
            if (qty < 0 && stable) negativeStable++;
            if (qty < 0 && !stable) negativeCrypto++;
            if (qty > 0 && !stable) positiveCrypto++;
          }
          for (const p of sub.positions) {
            positions++;
            notional += Math.abs(p.qty) * price(p.asset);
            if (p.type === 'option') {
              options++;
              if (p.right === 'call') calls++;
              else puts++;
              if (p.qty > 0) longOptions++;
              else shortOptions++;
            } else {
              if (p.type === 'perp') perps++;
              else futures++;
              if (p.qty > 0) longLinear++;
              else shortLinear++;
            }
          }
        }
        collateralUsd += collateral;
        gross.push(notional);
        if (notional > 0 && collateral > 0) leverage.push(notional / collateral);
      }

      expect([...modes].sort()).toEqual(['portfolio', 'standard']);
      expect([...venueCounts].sort()).toEqual([1, 2, 3]);
      expect(positions / book.clients.length).toBeGreaterThan(2.6);
      expect(positions / book.clients.length).toBeLessThan(3.4);
      expect(Math.abs(options / positions - 1 / 3)).toBeLessThan(0.1);
      for (const count of [calls, puts, longOptions, shortOptions, perps, futures, longLinear, shortLinear]) {
        expect(count).toBeGreaterThan(positions * 0.05);
      }
      expect(negativeStable).toBeGreaterThan(20);
      expect(negativeCrypto).toBeGreaterThan(20);
      expect(positiveCrypto).toBeGreaterThan(100);
      expect(leverage.filter((x) => x < 2).length).toBeGreaterThan(50);
      expect(leverage.filter((x) => x > 20).length).toBeGreaterThan(20);
      // Heavy tail: the top 1% of clients hold more than 10% of the gross notional.
      gross.sort((x, y) => y - x);
      const total = gross.reduce((s, x) => s + x, 0);
      const top = gross.slice(0, 20).reduce((s, x) => s + x, 0);
      expect(top / total).toBeGreaterThan(0.1);
      // The insurance fund is the default 10% of the collateral (3 significant figures).
      expect(book.insuranceFund / collateralUsd).toBeGreaterThan(0.095);
      expect(book.insuranceFund / collateralUsd).toBeLessThan(0.105);
      // adv and depth1pct scale with the book; BTC is the deepest market.
      const btc = market.assets.BTC;
      const doge = market.assets.DOGE;
      if (btc?.kind !== 'crypto' || doge?.kind !== 'crypto') throw new Error('BTC and DOGE are crypto');
      expect(btc.adv).toBeGreaterThan(doge.adv);
      expect(btc.adv).toBeGreaterThan(total * 0.05);
      expect(btc.adv).toBeLessThan(total * 5);
    });
  }

  it('options control the mix', () => {
    const { book } = generateSyntheticBook({
      clients: 1000,
      seed: 'mix',
      asOf: AS_OF,
      positionsPerClient: 6,
      optionShare: 0,
      assets: 4,
    });
    const all = book.clients.flatMap((c) => c.subaccounts.flatMap((s) => s.positions));
    expect(all.every((p) => p.type !== 'option')).toBe(true);
    expect(all.length / 1000).toBeGreaterThan(5.4);
    expect(all.length / 1000).toBeLessThan(6.6);
    expect(new Set(all.map((p) => p.asset))).toEqual(new Set(['BTC', 'ETH', 'SOL', 'XRP']));
  });
});
