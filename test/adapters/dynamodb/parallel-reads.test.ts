/**
 * The reader follows LastEvaluatedKey past DynamoDB's 1 MB page limit and keeps several shard
 * Query chains in flight — at most `concurrency` — as a proxy in front of the server sees them.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeSubaccountItem } from '../../../functions/adapters/dynamodb-items.js';
import { DynamoDbPositionSource } from '../../../functions/adapters/dynamodb-position-source.js';
import { DynamoDbSnapshotWriter } from '../../../functions/adapters/dynamodb-snapshot-writer.js';
import { createDynamoDbClient } from '../../../functions/adapters/dynamodb-table.js';
import { generateSyntheticBook } from '../../../functions/core/synthetic/generate-book.js';
import type { LocalDynamoDb } from '../../../functions/local/dynamodb-server.js';
import {
  createTestTable,
  startTestServer,
  startThrottlingProxy,
  type TestTable,
  type ThrottlingProxy,
} from '../../support/dynamodb.js';

const AS_OF = '2026-11-30';

/**
 * An item's size as DynamoDB counts it ("Item sizes and formats", DynamoDB developer guide):
 * attribute names and strings in UTF-8 bytes, a number ≈ 1 byte per two significant digits + 1,
 * a list or map 3 bytes + 1 per element + its elements (and a map its keys).
 */
function itemSize(item: Record<string, AttributeValue>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) size += Buffer.byteLength(name) + valueSize(value);
  return size;
}

function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined)
    return Math.ceil(value.N.replace(/[-.]|e.*$/gi, '').replace(/^0+/, '').length / 2) + 1;
  if (value.L !== undefined) return 3 + value.L.reduce((n, v) => n + 1 + valueSize(v), 0);
  if (value.M !== undefined) return 3 + itemSize(value.M) + Object.keys(value.M).length;
  return 1;
}

describe('parallel, paginated reads', () => {
  let server: LocalDynamoDb;
  let table: TestTable;
  const proxies: ThrottlingProxy[] = [];
  // 1,400 clients with 10 positions on average: about 2,150 items and 1.3 MB of item data.
  const { book, market } = generateSyntheticBook({
    clients: 1400,
    seed: 'pages',
    asOf: AS_OF,
    positionsPerClient: 10,
  });
  const smallBook = { ...book, asOf: '2026-11-29', clients: book.clients.slice(0, 300) };
  const subaccounts = book.clients.reduce((n, client) => n + client.subaccounts.length, 0);

  beforeAll(async () => {
    server = await startTestServer('dynalite');
    table = await createTestTable(server.endpoint);
    await new DynamoDbSnapshotWriter(table.client, {
      tableName: table.tableName,
      shardCount: 1,
    }).writeSnapshot({
      asOf: AS_OF,
      market,
      clients: book.clients,
      insuranceFund: () => book.insuranceFund,
    });
    // A second date, 300 of the clients over 8 shards, for the concurrency checks.
    await new DynamoDbSnapshotWriter(table.client, {
      tableName: table.tableName,
      shardCount: 8,
    }).writeSnapshot({
      asOf: '2026-11-29',
      market: { ...market, asOf: '2026-11-29' },
      clients: smallBook.clients,
      insuranceFund: () => smallBook.insuranceFund,
    });
  });
  afterAll(async () => {
    for (const proxy of proxies) await proxy.stop();
    table?.client.destroy();
    await server?.stop();
  });

  /** A reader whose requests pass through a counting proxy. */
  async function readThroughProxy(asOf: string, concurrency: number, pageSize?: number) {
    const proxy = await startThrottlingProxy(server.endpoint, () => 'pass');
    proxies.push(proxy);
    const client = createDynamoDbClient({ region: 'us-east-1', endpoint: proxy.endpoint });
    try {
      const source = new DynamoDbPositionSource(client, {
        tableName: table.tableName,
        concurrency,
        ...(pageSize === undefined ? {} : { pageSize }),
      });
      return { snapshot: await source.readSnapshot(asOf), proxy };
    } finally {
      client.destroy();
    }
  }

  it('follows LastEvaluatedKey through a shard of more than 1 MB', async () => {
    const context = { asOf: AS_OF, loadId: 'size', shardCount: 1 };
    let bytes = 0;
    for (const [i, client] of book.clients.entries()) {
      for (const [j, sub] of client.subaccounts.entries()) {
        bytes += itemSize(encodeSubaccountItem(context, client.id, i, j, sub));
      }
    }
    expect(bytes).toBeGreaterThan(1024 * 1024);
    const { snapshot, proxy } = await readThroughProxy(AS_OF, 4);
    // Header partition: 1 page; the single shard: ≥ 2 pages of at most 1 MB.
    expect(snapshot.stats.pages).toBeGreaterThanOrEqual(3);
    expect(proxy.stats.requests.Query).toBe(snapshot.stats.pages);
    expect(snapshot.stats.subaccountItems).toEqual({
      received: subaccounts,
      accepted: subaccounts,
      rejected: 0,
    });
    expect(snapshot.book).toEqual(book);
  });

  it('reads small pages when asked and loses nothing at page boundaries', async () => {
    const { snapshot } = await readThroughProxy(AS_OF, 1, 50);
    // ⌈items / 50⌉ pages for the shard (one more, empty, when the count is a multiple of 50) + the header.
    expect(snapshot.stats.pages).toBeGreaterThanOrEqual(Math.ceil(subaccounts / 50) + 1);
    expect(snapshot.book).toEqual(book);
  });

  it('keeps several shards in flight, never more than its concurrency', async () => {
    const parallel = await readThroughProxy('2026-11-29', 4);
    expect(parallel.snapshot.stats.shards).toBe(8);
    expect(parallel.snapshot.stats.maxInFlight).toBe(4);
    expect(parallel.proxy.stats.maxInFlight.Query).toBeGreaterThanOrEqual(2);
    expect(parallel.proxy.stats.maxInFlight.Query).toBeLessThanOrEqual(4);
    expect(parallel.snapshot.book).toEqual(smallBook);

    const serial = await readThroughProxy('2026-11-29', 1);
    expect(serial.proxy.stats.maxInFlight.Query).toBe(1);
    expect(serial.snapshot.book).toEqual(parallel.snapshot.book);
  });
});
