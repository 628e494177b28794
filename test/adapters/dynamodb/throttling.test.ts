/**
 * A busy table, simulated by a proxy in front of dynalite: BatchWriteItem stores only part of
 * its items and returns the rest as UnprocessedItems, and some requests are answered with
 * ProvisionedThroughputExceededException. The writer retries until every item is stored (or
 * fails clearly), the SDK retries throttled Queries, and nothing is lost or doubled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbPositionSource } from '../../../functions/adapters/dynamodb-position-source.js';
import {
  backoffDelayMs,
  DynamoDbSnapshotWriter,
} from '../../../functions/adapters/dynamodb-snapshot-writer.js';
import { createDynamoDbClient } from '../../../functions/adapters/dynamodb-table.js';
import { SnapshotIncompleteError } from '../../../functions/core/ports/position-source.js';
import { SnapshotWriteError } from '../../../functions/core/ports/snapshot-writer.js';
import { generateSyntheticBook } from '../../../functions/core/synthetic/generate-book.js';
import type { LocalDynamoDb } from '../../../functions/local/dynamodb-server.js';
import {
  createTestTable,
  type ProxyPolicy,
  startTestServer,
  startThrottlingProxy,
  type TestTable,
} from '../../support/dynamodb.js';

describe('throttling and UnprocessedItems', () => {
  let server: LocalDynamoDb;
  let table: TestTable;
  beforeAll(async () => {
    server = await startTestServer('dynalite');
    table = await createTestTable(server.endpoint);
  });
  afterAll(async () => {
    table?.client.destroy();
    await server?.stop();
  });

  async function throughProxy<T>(
    policy: ProxyPolicy,
    use: (client: ReturnType<typeof createDynamoDbClient>) => Promise<T>,
  ) {
    const proxy = await startThrottlingProxy(server.endpoint, policy);
    const client = createDynamoDbClient({ region: 'us-east-1', endpoint: proxy.endpoint });
    try {
      return { result: await use(client), stats: proxy.stats };
    } finally {
      client.destroy();
      await proxy.stop();
    }
  }

  it('stores every item although batches come back half unprocessed or throttled', async () => {
    const asOf = '2026-11-30';
    const { book, market } = generateSyntheticBook({ clients: 300, seed: 'busy', asOf });
    const items =
      book.clients.reduce((n, client) => n + client.subaccounts.length, 0) +
      Object.keys(market.assets).length;
    // Every third BatchWriteItem stores half its items; every fifth is refused with a throttling error.
    const policy: ProxyPolicy = (operation, n) =>
      operation !== 'BatchWriteItem'
        ? 'pass'
        : n % 5 === 4
          ? 'throttle'
          : n % 3 === 0
            ? 'half-unprocessed'
            : 'pass';
    const { result: report, stats } = await throughProxy(policy, (client) =>
      new DynamoDbSnapshotWriter(client, {
        tableName: table.tableName,
        shardCount: 4,
        retryBaseDelayMs: 2,
      }).writeSnapshot({ asOf, market, clients: book.clients, insuranceFund: () => book.insuranceFund }),
    );
    expect(stats.unprocessedItems).toBeGreaterThan(0);
    expect(stats.throttled).toBeGreaterThan(0);
    // Every item sent back was sent again: retried = returned unprocessed.
    expect(report.retriedItems).toBe(stats.unprocessedItems);
    expect(report.subaccountItems + report.marketItems).toBe(items);

    const snapshot = await new DynamoDbPositionSource(table.client, {
      tableName: table.tableName,
    }).readSnapshot(asOf);
    expect(snapshot.book).toEqual(book);
    expect(snapshot.stats.items.received).toBe(items + 1);
  });

  it('retries throttled Queries (SDK backoff) and still reads the whole snapshot', async () => {
    const asOf = '2026-11-27';
    const { book, market } = generateSyntheticBook({ clients: 120, seed: 'busy-read', asOf });
    await new DynamoDbSnapshotWriter(table.client, {
      tableName: table.tableName,
      shardCount: 4,
    }).writeSnapshot({
      asOf,
      market,
      clients: book.clients,
      insuranceFund: () => book.insuranceFund,
    });
    // The 2nd and 4th Query requests are throttled (the header query is the 1st).
    const { result: snapshot, stats } = await throughProxy(
      (operation, n) => (operation === 'Query' && (n === 1 || n === 3) ? 'throttle' : 'pass'),
      (client) =>
        new DynamoDbPositionSource(client, { tableName: table.tableName, concurrency: 4 }).readSnapshot(asOf),
    );
    expect(stats.throttled).toBe(2);
    // 1 header + 4 shards, each one page, plus the 2 retried requests.
    expect(stats.requests.Query).toBe(7);
    expect(snapshot.stats.pages).toBe(5);
    expect(snapshot.book).toEqual(book);
  });

  it('fails clearly when the table never accepts a batch, and the date stays unreadable', async () => {
    const asOf = '2026-11-26';
    const { book, market } = generateSyntheticBook({ clients: 10, seed: 'refused', asOf });
    const { result: error, stats } = await throughProxy(
      (operation) => (operation === 'BatchWriteItem' ? 'all-unprocessed' : 'pass'),
      (client) =>
        new DynamoDbSnapshotWriter(client, {
          tableName: table.tableName,
          maxBatchAttempts: 3,
          retryBaseDelayMs: 1,
        })
          .writeSnapshot({ asOf, market, clients: book.clients, insuranceFund: () => book.insuranceFund })
          .then(
            () => undefined,
            (e: unknown) => e,
          ),
    );
    expect(error).toBeInstanceOf(SnapshotWriteError);
    expect((error as Error).message).toMatch(
      /^cannot store the snapshot for asOf 2026-11-26: \d+ of \d+ items of a batch were still unprocessed after 3 attempts \(first: SNAP#2026-11-26/,
    );
    // One batch, three attempts.
    expect(stats.requests.BatchWriteItem).toBe(3);
    await expect(
      new DynamoDbPositionSource(table.client, { tableName: table.tableName }).readSnapshot(asOf),
    ).rejects.toThrow(SnapshotIncompleteError);
  });

  it('backs off exponentially with deterministic jitter, capped', () => {
    // Retry n waits in [cap/2, cap] with cap = min(max, base·2^(n−1)): base 50 → caps 50, 100, 200, …
    for (let attempt = 1; attempt <= 12; attempt++) {
      const cap = Math.min(5_000, 50 * 2 ** (attempt - 1));
      const delay = backoffDelayMs(7, attempt, 50, 5_000);
      expect(delay).toBeGreaterThanOrEqual(cap / 2);
      expect(delay).toBeLessThanOrEqual(cap);
      expect(backoffDelayMs(7, attempt, 50, 5_000)).toBe(delay);
    }
    // Different batches draw different jitter (so they do not retry in lock step).
    const delays = new Set(Array.from({ length: 20 }, (_, batch) => backoffDelayMs(batch, 3, 50, 5_000)));
    expect(delays.size).toBe(20);
  });
});
