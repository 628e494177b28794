/**
 * The table's item codec without a server: keys, shard hash, number round trip, and the reason
 * given for every kind of malformed item.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeManifestItem,
  decodeMarketAssetItem,
  decodeSubaccountItem,
  describeIssues,
  encodeManifestItem,
  encodeMarketAssetItem,
  encodeSubaccountItem,
  expiryEpochSeconds,
  fromAttributeValue,
  type Item,
  parseMarketAsset,
  parseSubaccount,
  type ShardContext,
  shardOf,
  shardPartitionKey,
  subaccountSortKey,
} from '../../../functions/adapters/dynamodb-items.js';
import type { PositionDocument, SubaccountDocument } from '../../../functions/core/synthetic/documents.js';

/** An item as tests edit it: any attribute path, to break one thing at a time. */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into arbitrary attribute paths
type Editable = Record<string, any>;
const AS_OF = '2026-11-30';
const LOAD = { asOf: AS_OF, loadId: 'load-1', shardCount: 4 };

function shardContext(clientId: string): ShardContext {
  return { ...LOAD, shard: shardOf(clientId, 4), assets: new Set(['BTC', 'ETH', 'USDT', 'USD']) };
}

const SUBACCOUNT: SubaccountDocument = {
  venue: 'venue-a',
  marginMode: 'standard',
  collateral: { USDT: 1000, BTC: -0.5 },
  positions: [
    { type: 'perp', asset: 'ETH', qty: 12.5, entry: 3100.25 },
    { type: 'future', asset: 'BTC', qty: -0.75, entry: 96500, expiry: '2026-12-25' },
    { type: 'option', asset: 'BTC', right: 'put', strike: 90000, expiry: '2026-12-25', qty: -2 },
  ],
};

/** A copy of the encoded C1 item with one change. */
function broken(change: (item: Editable) => void): Item {
  const item = structuredClone(encodeSubaccountItem(LOAD, 'C1', 0, 0, SUBACCOUNT)) as Editable;
  change(item);
  return item as Item;
}

function reasonOf(item: Item): string {
  const decoded = decodeSubaccountItem(item, shardContext('C1'));
  return decoded.ok ? 'accepted' : decoded.reason;
}

describe('shardOf', () => {
  // FNV-1a 32-bit test vectors (Fowler/Noll/Vo, draft-eastlake-fnv, appendix C):
  // "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968. With 2³² shards the shard is the hash.
  it('is FNV-1a of the id modulo the shard count', () => {
    expect(shardOf('', 2 ** 32)).toBe(0x811c9dc5);
    expect(shardOf('a', 2 ** 32)).toBe(0xe40c292c);
    expect(shardOf('foobar', 2 ** 32)).toBe(0xbf9cf968);
    // 0xe40c292c = 3,826,002,220 → mod 16 = 12 (its last hex digit, 0xc), mod 10 = 0.
    expect(shardOf('a', 16)).toBe(12);
    expect(shardOf('a', 10)).toBe(0);
  });

  it('spreads synthetic client ids evenly over 16 shards (each within ±10% of 1/16 of 16,000)', () => {
    const counts = new Array<number>(16).fill(0);
    for (let i = 0; i < 16_000; i++) counts[shardOf(`C${String(i).padStart(7, '0')}`, 16)]!++;
    for (const count of counts) {
      expect(count).toBeGreaterThan(900);
      expect(count).toBeLessThan(1100);
    }
  });
});

describe('keys', () => {
  it('percent-encodes key parts so that "#" cannot make two (client, venue) pairs share a key', () => {
    expect(subaccountSortKey('C1', 'venue-a')).toBe('CLIENT#C1#VENUE#venue-a');
    expect(subaccountSortKey('a#VENUE#b', 'c')).toBe('CLIENT#a%23VENUE%23b#VENUE#c');
    expect(subaccountSortKey('a', 'b#VENUE#c')).toBe('CLIENT#a#VENUE#b%23VENUE%23c');
    expect(shardPartitionKey(AS_OF, 7)).toBe('SNAP#2026-11-30#7');
  });

  it('puts the TTL at midnight UTC of asOf + retention', () => {
    // 1970-01-01 → 2026-01-01: 56 years, 14 of them leap (1972…2024): 56·365 + 14 = 20,454 days.
    // 2026-12-30 is day 334 + 29 = 363 of 2026 (Jan–Nov have 334 days): 20,817 days · 86,400 s.
    expect(expiryEpochSeconds(AS_OF, 30)).toBe(20_817 * 86_400);
    expect(expiryEpochSeconds(AS_OF, 30)).toBe(Date.UTC(2026, 11, 30) / 1000);
  });
});

describe('subaccount items', () => {
  it('encode to a native DynamoDB item and decode to the same §8 subaccount', () => {
    const item = encodeSubaccountItem(LOAD, 'C1', 7, 1, SUBACCOUNT);
    // FNV-1a("C1") mod 4 = 1.
    expect(item.pk).toEqual({ S: 'SNAP#2026-11-30#1' });
    expect(item.sk).toEqual({ S: 'CLIENT#C1#VENUE#venue-a' });
    expect(item.schemaVersion).toEqual({ N: '1' });
    expect(item.collateral).toEqual({
      L: [
        { M: { asset: { S: 'USDT' }, qty: { N: '1000' } } },
        { M: { asset: { S: 'BTC' }, qty: { N: '-0.5' } } },
      ],
    });
    expect(decodeSubaccountItem(item, shardContext('C1'))).toEqual({
      ok: true,
      value: { clientId: 'C1', clientSeq: 7, subaccountSeq: 1, subaccount: SUBACCOUNT },
    });
  });

  it('round-trips every finite double exactly (shortest decimal form out, Number() in)', () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0));
    fc.assert(
      fc.property(
        finite,
        finite,
        fc.double({ min: Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true }),
        (qty, entry, strike) => {
          const positions: PositionDocument[] = [
            { type: 'perp', asset: 'BTC', qty, entry },
            { type: 'option', asset: 'ETH', right: 'call', strike, expiry: '2027-03-26', qty },
          ];
          const sub: SubaccountDocument = {
            venue: 'v',
            marginMode: 'portfolio',
            collateral: { USDT: entry },
            positions,
          };
          const decoded = decodeSubaccountItem(
            encodeSubaccountItem(LOAD, 'C9', 0, 0, sub),
            shardContext('C9'),
          );
          expect(decoded.ok && decoded.value.subaccount).toEqual(sub);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reject each kind of malformed item with its reason', () => {
    expect(reasonOf(broken((i) => delete i.marginMode))).toBe('missing attribute marginMode');
    expect(reasonOf(broken((i) => (i.positions.L[2].M.qty = { S: '-2' })))).toBe(
      'positions[2].qty: expected number, got string "-2"',
    );
    expect(reasonOf(broken((i) => (i.positions = { M: {} })))).toBe('positions: expected array, got a map');
    expect(reasonOf(broken((i) => (i.positions.L[0].M.asset = { S: 'DOGE' })))).toBe(
      'positions[0].asset: unknown asset DOGE: not in the market snapshot',
    );
    expect(reasonOf(broken((i) => (i.collateral.L[1].M.asset = { S: 'XRP' })))).toBe(
      'collateral[1].asset: unknown asset XRP: not in the market snapshot',
    );
    expect(reasonOf(broken((i) => (i.positions.L[2].M.strike = { N: '-1' })))).toBe(
      'positions[2].strike: must be > 0, got number -1',
    );
    expect(reasonOf(broken((i) => (i.positions.L[0].M.type = { S: 'swap' })))).toBe(
      'positions[0].type: must be perp, future or option, got string "swap"',
    );
    expect(reasonOf(broken((i) => (i.positions.L[1].M.expiry = { S: '2026-02-30' })))).toBe(
      'positions[1].expiry: must be a date YYYY-MM-DD',
    );
    expect(
      reasonOf(broken((i) => i.collateral.L.push({ M: { asset: { S: 'USDT' }, qty: { N: '5' } } }))),
    ).toBe('duplicate key: collateral asset USDT is listed twice');
    expect(reasonOf(broken((i) => (i.schemaVersion = { N: '2' })))).toBe(
      'unsupported schemaVersion 2 (this reader reads 1)',
    );
    expect(reasonOf(broken((i) => (i.loadId = { S: 'load-0' })))).toBe(
      "left by an earlier load (loadId load-0; the snapshot's load is load-1)",
    );
    expect(reasonOf(broken((i) => (i.pk = { S: 'SNAP#2026-11-30#3' })))).toBe(
      'stored under SNAP#2026-11-30#3 but belongs under SNAP#2026-11-30#1 (a stray or duplicate copy)',
    );
    expect(reasonOf(broken((i) => (i.venue = { S: 'venue-b' })))).toBe(
      'sort key CLIENT#C1#VENUE#venue-a does not match its attributes (expected CLIENT#C1#VENUE#venue-b)',
    );
    expect(reasonOf(broken((i) => (i.entity = { S: 'client' })))).toBe(
      'entity client where subaccount was expected',
    );
  });

  it('list at most three problems, then how many more', () => {
    const item = broken((i) => {
      delete i.venue;
      delete i.clientSeq;
      delete i.marginMode;
      delete i.positions;
    });
    expect(reasonOf(item)).toBe(
      'missing attribute venue; missing attribute clientSeq; missing attribute marginMode; and 1 more',
    );
  });
});

describe('market and manifest items', () => {
  it('reject a market asset with a negative price, and a crypto asset without depth', () => {
    const negative = encodeMarketAssetItem(LOAD, 'SOL', 2, {
      kind: 'crypto',
      price: -5,
      vol: 0.8,
      adv: 1e6,
      depth1pct: 1e4,
    });
    expect(decodeMarketAssetItem(negative, LOAD)).toEqual({
      ok: false,
      reason: 'price: must be > 0, got number -5',
    });
    const noDepth = structuredClone(
      encodeMarketAssetItem(LOAD, 'SOL', 2, {
        kind: 'crypto',
        price: 150,
        vol: 0.8,
        adv: 1e6,
        depth1pct: 1e4,
      }),
    );
    delete noDepth.depth1pct;
    expect(decodeMarketAssetItem(noDepth, LOAD)).toEqual({
      ok: false,
      reason: 'depth1pct: required for a crypto asset',
    });
  });

  it('require the totals once the snapshot is complete', () => {
    const loading = encodeManifestItem(LOAD, { status: 'loading', rate: 0.02 });
    const decoded = decodeManifestItem(loading, AS_OF);
    expect(decoded.ok && decoded.value).toMatchObject({
      status: 'loading',
      shardCount: 4,
      rate: 0.02,
      loadId: 'load-1',
    });
    const incomplete = encodeManifestItem(LOAD, {
      status: 'complete',
      rate: 0,
      insuranceFund: 5e6,
      clients: 3,
    });
    expect(decodeManifestItem(incomplete, AS_OF)).toEqual({
      ok: false,
      reason:
        'subaccountItems: required once the snapshot is complete; marketItems: required once the snapshot is complete',
    });
  });
});

describe('input documents', () => {
  it('name the collateral asset by key, as the core does', () => {
    const assets = new Set(['BTC', 'USD']);
    expect(parseSubaccount({ venue: 'v', marginMode: 'portfolio', collateral: { XYZ: 1 } }, assets)).toEqual({
      ok: false,
      reason: 'collateral.XYZ: unknown asset XYZ: not in the market snapshot',
    });
    expect(
      parseSubaccount({ venue: 'v', marginMode: 'portfolio', collateral: { BTC: '1' } }, assets),
    ).toEqual({
      ok: false,
      reason: 'collateral.BTC: expected number, got string "1"',
    });
    expect(parseSubaccount({ venue: 'v', marginMode: 'standard' }, assets)).toEqual({
      ok: true,
      value: { venue: 'v', marginMode: 'standard', collateral: {}, positions: [] },
    });
    expect(parseMarketAsset({ kind: 'stablecoin', price: 1, vol: 0 })).toEqual({
      ok: false,
      reason: 'vol: must be > 0, got number 0',
    });
  });
});

describe('attribute values', () => {
  it('convert every DynamoDB type to a plain value', () => {
    expect(fromAttributeValue({ N: '1e-7' })).toBe(1e-7);
    expect(fromAttributeValue({ BOOL: false })).toBe(false);
    expect(fromAttributeValue({ NULL: true })).toBeNull();
    expect(fromAttributeValue({ SS: ['a', 'b'] })).toEqual(new Set(['a', 'b']));
    expect(fromAttributeValue({ L: [{ M: { q: { N: '2' } } }] })).toEqual([{ q: 2 }]);
  });

  it('describe a set or binary where a number was expected', () => {
    const issues = [
      { code: 'invalid_type', expected: 'number', path: ['qty'], input: new Set([1]), message: '' },
    ] as unknown as Parameters<typeof describeIssues>[0];
    expect(describeIssues(issues)).toBe('qty: expected number, got a set');
  });
});
