/**
 * Items written into the table by something other than the loader — with a missing attribute,
 * a wrong type, an unknown asset, a negative price, a duplicate key — are rejected one by one
 * with their key and reason; the rest of the snapshot is used and the counts reconcile.
 */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  encodeMarketAssetItem,
  encodeSubaccountItem,
  type Item,
  shardOf,
  shardPartitionKey,
} from '../../../functions/adapters/dynamodb-items.js';
import { DynamoDbPositionSource } from '../../../functions/adapters/dynamodb-position-source.js';
import { DynamoDbSnapshotWriter } from '../../../functions/adapters/dynamodb-snapshot-writer.js';
import { calculate } from '../../../functions/core/calculation/calculate.js';
import type { PositionSnapshot } from '../../../functions/core/ports/position-source.js';
import type { SubaccountDocument } from '../../../functions/core/synthetic/documents.js';
import { generateSyntheticBook } from '../../../functions/core/synthetic/generate-book.js';
import type { LocalDynamoDb } from '../../../functions/local/dynamodb-server.js';
import { referenceParams } from '../../support/core-builders.js';
import { createTestTable, startTestServer, type TestTable } from '../../support/dynamodb.js';

/** An item as tests edit it: any attribute path, to break one thing at a time. */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into arbitrary attribute paths
type Editable = Record<string, any>;
const AS_OF = '2026-11-30';
const SHARDS = 4;

const GOOD: SubaccountDocument = {
  venue: 'venue-a',
  marginMode: 'standard',
  collateral: { USDT: 25_000 },
  positions: [{ type: 'perp', asset: 'BTC', qty: 0.5, entry: 94_000 }],
};

describe('malformed items', () => {
  let server: LocalDynamoDb;
  let table: TestTable;
  let snapshot: PositionSnapshot;
  const { book, market } = generateSyntheticBook({ clients: 30, seed: 'quarantine', asOf: AS_OF });
  const loaded = book.clients.reduce((n, client) => n + client.subaccounts.length, 0);

  /** The subaccount item of client `id` (clientSeq `seq`) for this load, with one change. */
  let item: (id: string, seq: number, change?: (item: Editable) => void) => Item;
  const key = (id: string, venue = 'venue-a') =>
    `${shardPartitionKey(AS_OF, shardOf(id, SHARDS))} / CLIENT#${id}#VENUE#${venue}`;

  beforeAll(async () => {
    server = await startTestServer('dynalite');
    table = await createTestTable(server.endpoint);
    const report = await new DynamoDbSnapshotWriter(table.client, {
      tableName: table.tableName,
      shardCount: SHARDS,
    }).writeSnapshot({
      asOf: AS_OF,
      market,
      clients: book.clients,
      insuranceFund: () => book.insuranceFund,
    });
    const context = { asOf: AS_OF, loadId: report.loadId, shardCount: SHARDS };
    item = (id, seq, change) => {
      const built = structuredClone(encodeSubaccountItem(context, id, seq, 0, GOOD)) as Editable;
      change?.(built);
      return built as Item;
    };
    // A copy of client 1's first item, stored in the next shard as well.
    const first = book.clients[1]!;
    const home = shardOf(first.id, SHARDS);
    const stray = structuredClone(encodeSubaccountItem(context, first.id, 1, 0, first.subaccounts[0]!));
    stray.pk = { S: shardPartitionKey(AS_OF, (home + 1) % SHARDS) };

    const badMarket = encodeMarketAssetItem(context, 'BAD', 99, {
      kind: 'crypto',
      price: -5,
      vol: 0.9,
      adv: 1e6,
      depth1pct: 1e4,
    });
    const injected: Item[] = [
      item('X-valid', 1000),
      item('X-missing', 1001, (i) => delete i.marginMode),
      item('X-type', 1002, (i) => (i.positions.L[0].M.qty = { S: '0.5' })),
      item('X-asset', 1003, (i) => (i.positions.L[0].M.asset = { S: 'FOO' })),
      item('X-bad-asset', 1004, (i) => (i.collateral.L[0].M.asset = { S: 'BAD' })),
      item('X-dup', 1005, (i) => i.collateral.L.push({ M: { asset: { S: 'USDT' }, qty: { N: '1' } } })),
      item('X-version', 1006, (i) => (i.schemaVersion = { N: '2' })),
      item('X-entity', 1007, (i) => (i.entity = { S: 'trade' })),
      badMarket,
      stray,
    ];
    for (const raw of injected)
      await table.client.send(new PutItemCommand({ TableName: table.tableName, Item: raw }));
    snapshot = await new DynamoDbPositionSource(table.client, { tableName: table.tableName }).readSnapshot(
      AS_OF,
    );
  });
  afterAll(async () => {
    table?.client.destroy();
    await server?.stop();
  });

  it('rejects each malformed item with its key and reason', () => {
    const first = book.clients[1]!;
    const home = shardOf(first.id, SHARDS);
    const expected = [
      { key: 'SNAP#2026-11-30 / MARKET#BAD', reason: 'price: must be > 0, got number -5' },
      { key: key('X-missing'), reason: 'missing attribute marginMode', clientId: 'X-missing' },
      {
        key: key('X-type'),
        reason: 'positions[0].qty: expected number, got string "0.5"',
        clientId: 'X-type',
      },
      {
        key: key('X-asset'),
        reason: 'positions[0].asset: unknown asset FOO: not in the market snapshot',
        clientId: 'X-asset',
      },
      {
        key: key('X-bad-asset'),
        reason: 'collateral[0].asset: unknown asset BAD: not in the market snapshot',
        clientId: 'X-bad-asset',
      },
      {
        key: key('X-dup'),
        reason: 'duplicate key: collateral asset USDT is listed twice',
        clientId: 'X-dup',
      },
      {
        key: key('X-version'),
        reason: 'unsupported schemaVersion 2 (this reader reads 1)',
        clientId: 'X-version',
      },
      { key: key('X-entity'), reason: 'unexpected entity trade in a shard', clientId: 'X-entity' },
      {
        key: `${shardPartitionKey(AS_OF, (home + 1) % SHARDS)} / CLIENT#${first.id}#VENUE#${first.subaccounts[0]!.venue}`,
        reason: `stored under ${shardPartitionKey(AS_OF, (home + 1) % SHARDS)} but belongs under ${shardPartitionKey(AS_OF, home)} (a stray or duplicate copy)`,
        clientId: first.id,
      },
    ];
    const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    expect([...snapshot.rejected].sort(byKey)).toEqual(expected.sort(byKey));
  });

  it('reconciles: items read = accepted + rejected, per kind and in total', () => {
    const { items, subaccountItems, marketItems } = snapshot.stats;
    // Subaccount items: the loaded ones, 8 injected X-… items (7 bad, X-entity is not a subaccount
    // item) and the stray copy. Market: the loaded assets and BAD.
    expect(subaccountItems).toEqual({ received: loaded + 8, accepted: loaded + 1, rejected: 7 });
    const assets = Object.keys(market.assets).length;
    expect(marketItems).toEqual({ received: assets + 1, accepted: assets, rejected: 1 });
    // Total: + the manifest and the X-entity item.
    expect(items).toEqual({
      received: loaded + 8 + assets + 1 + 2,
      accepted: loaded + 1 + assets + 1,
      rejected: 9,
    });
    expect(items.received).toBe(items.accepted + items.rejected);
  });

  it('keeps the rest of the snapshot: the loaded book plus the one valid injected client, last', () => {
    expect(snapshot.book).toEqual({
      ...book,
      clients: [...book.clients, { id: 'X-valid', subaccounts: [GOOD] }],
    });
    expect(snapshot.market).toEqual(market);
    const result = calculate(
      {
        book: snapshot.book,
        market: snapshot.market,
        params: referenceParams(),
        scenarios: { scenarios: [] },
      },
      { skipReverseStress: true },
    );
    expect(result.rejected).toEqual([]);
    expect(result.margin['cross-venue']?.units).toBe(31);
  });
});
