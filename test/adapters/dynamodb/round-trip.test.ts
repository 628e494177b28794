/**
 * Files → DynamoDB → book: the snapshot read back is the book that was loaded, and the engine's
 * margin block on it equals the one computed from the files — on dynalite, and on AWS DynamoDB
 * Local when Java and the cached emulator are available.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbPositionSource } from '../../../functions/adapters/dynamodb-position-source.js';
import { DynamoDbSnapshotWriter } from '../../../functions/adapters/dynamodb-snapshot-writer.js';
import { calculate } from '../../../functions/core/calculation/calculate.js';
import type { MarginBlock } from '../../../functions/core/calculation/result.js';
import { NoPositionsError, type PositionSnapshot } from '../../../functions/core/ports/position-source.js';
import { generateSyntheticBook } from '../../../functions/core/synthetic/generate-book.js';
import type { LocalDynamoDb } from '../../../functions/local/dynamodb-server.js';
import { readSpecFixture, referenceParams } from '../../support/core-builders.js';
import {
  createTestTable,
  dynamoDbLocalAvailability,
  type ServerKind,
  startTestServer,
  type TestTable,
} from '../../support/dynamodb.js';

const availability = await dynamoDbLocalAvailability();
if (!availability.available) {
  console.log(`DynamoDB Local variant not run: ${availability.reason}`);
}
const SERVERS: ServerKind[] = availability.available ? ['dynalite', 'dynamodb-local'] : ['dynalite'];

/** The `margin` block of the calculation with no scenarios and no reverse stress. */
function marginOf(book: unknown, market: unknown): Record<string, MarginBlock> {
  const result = calculate(
    { book, market, params: referenceParams(), scenarios: { scenarios: [] } },
    { skipReverseStress: true },
  );
  return result.margin as Record<string, MarginBlock>;
}

/** MODEL.md §9: counts exactly, money within 1e-6 relative + 1 USD. */
function expectAgreement(actual: Record<string, MarginBlock>, expected: Record<string, MarginBlock>): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [regime, block] of Object.entries(expected)) {
    const got = actual[regime]!;
    expect([got.units, got.marginCalled, got.liquidatable]).toEqual([
      block.units,
      block.marginCalled,
      block.liquidatable,
    ]);
    for (const field of ['im', 'mm'] as const) {
      expect(Math.abs(got[field] - block[field])).toBeLessThanOrEqual(
        1e-6 * Math.max(Math.abs(got[field]), Math.abs(block[field])) + 1,
      );
    }
  }
}

async function load(
  table: TestTable,
  book: { asOf: string; insuranceFund: number; clients: readonly unknown[] },
  market: unknown,
  shardCount = 8,
) {
  return new DynamoDbSnapshotWriter(table.client, { tableName: table.tableName, shardCount }).writeSnapshot({
    asOf: book.asOf,
    market,
    clients: book.clients,
    insuranceFund: () => book.insuranceFund,
  });
}

function read(table: TestTable, asOf: string): Promise<PositionSnapshot> {
  return new DynamoDbPositionSource(table.client, {
    tableName: table.tableName,
    concurrency: 4,
  }).readSnapshot(asOf);
}

describe.each(SERVERS)('round trip on %s', (kind) => {
  let server: LocalDynamoDb;
  const tables: TestTable[] = [];
  const newTable = async () => {
    const table = await createTestTable(server.endpoint);
    tables.push(table);
    return table;
  };
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    for (const table of tables) table.client.destroy();
    await server?.stop();
  });

  it('gives back the specification medium example and its published margin block', async () => {
    const book = readSpecFixture('examples/medium/book.json') as unknown as {
      asOf: string;
      insuranceFund: number;
      clients: unknown[];
    };
    const market = readSpecFixture('examples/medium/market.json');
    const table = await newTable();
    const report = await load(table, book, market);
    // 300 clients with 468 subaccounts (the spec's expected result counts 468 per-venue units).
    expect(report).toMatchObject({ clients: 300, subaccountItems: 468, marketItems: 7, refused: [] });

    const snapshot = await read(table, book.asOf);
    expect(snapshot.rejected).toEqual([]);
    expect(snapshot.stats.items).toEqual({ received: 476, accepted: 476, rejected: 0 }); // 468 + 7 + manifest
    expect(snapshot.book).toEqual(book);
    expect(snapshot.market).toEqual(market);

    const margin = marginOf(snapshot.book, snapshot.market);
    expect(margin).toEqual(marginOf(book, market));
    const published = readSpecFixture('examples/medium/expected-result.json').margin as unknown as Record<
      string,
      MarginBlock
    >;
    expectAgreement(margin, published);
  });

  it('gives back a synthetic book whose margin equals the one from its files, bit for bit', async () => {
    const { book, market } = generateSyntheticBook({ clients: 300, seed: 'round-trip', asOf: '2026-11-27' });
    const table = await newTable();
    const report = await load(table, book, market, 16);
    const subaccounts = book.clients.reduce((n, client) => n + client.subaccounts.length, 0);
    expect(report).toMatchObject({ clients: 300, subaccountItems: subaccounts, refused: [] });

    const snapshot = await read(table, '2026-11-27');
    expect(snapshot.stats).toMatchObject({
      shards: 16,
      clients: 300,
      subaccountItems: { received: subaccounts, accepted: subaccounts, rejected: 0 },
      expectedSubaccountItems: subaccounts,
    });
    expect(snapshot.book).toEqual(book);
    expect(snapshot.market).toEqual(market);
    expect(marginOf(snapshot.book, snapshot.market)).toEqual(marginOf(book, market));
  });

  it('keeps a client without subaccounts, so cross-venue still counts it as one empty unit', async () => {
    const asOf = '2026-11-25';
    const { book, market } = generateSyntheticBook({ clients: 2, seed: 'empty', asOf });
    const withEmpty = {
      ...book,
      clients: [book.clients[0]!, { id: 'EMPTY', subaccounts: [] }, book.clients[1]!],
    };
    const table = await newTable();
    const report = await load(table, withEmpty, market, 2);
    expect(report.clients).toBe(3);
    const snapshot = await read(table, asOf);
    expect(snapshot.book).toEqual(withEmpty);
    const margin = marginOf(snapshot.book, snapshot.market);
    // Cross-venue: one unit per client, the empty one included (MODEL.md §5); per venue: subaccounts only.
    expect(margin['cross-venue']?.units).toBe(3);
    expect(margin).toEqual(marginOf(withEmpty, market));
  });

  it('says "no positions for asOf D" for a date that was never loaded', async () => {
    const table = await newTable();
    await expect(read(table, '2026-12-01')).rejects.toThrow(NoPositionsError);
    await expect(read(table, '2026-12-01')).rejects.toThrow('no positions for asOf 2026-12-01');
  });

  it('reads only the latest load of a date; items an earlier, larger load left behind are rejected as stale', async () => {
    const asOf = '2026-11-26';
    const first = generateSyntheticBook({ clients: 40, seed: 'reload', asOf });
    const second = generateSyntheticBook({ clients: 25, seed: 'reload', asOf });
    const table = await newTable();
    const loadOne = await load(table, first.book, first.market, 4);
    const loadTwo = await load(table, second.book, second.market, 4);

    const snapshot = await read(table, asOf);
    expect(snapshot.book).toEqual(second.book);
    // Clients 25–39 of the first load (a smaller book is a prefix of a larger one with the same seed).
    const stale = first.book.clients.slice(25).reduce((n, client) => n + client.subaccounts.length, 0);
    expect(snapshot.rejected).toHaveLength(stale);
    for (const rejected of snapshot.rejected) {
      expect(rejected.reason).toBe(
        `left by an earlier load (loadId ${loadOne.loadId}; the snapshot's load is ${loadTwo.loadId})`,
      );
    }
    const { items } = snapshot.stats;
    expect(items.received).toBe(items.accepted + items.rejected);
    expect(items.rejected).toBe(stale);
  });
});
