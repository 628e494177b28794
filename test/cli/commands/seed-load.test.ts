/**
 * `marginfall seed` and `marginfall load` end to end against dynalite: seed to files, load the
 * files, seed straight into the table — each snapshot read back is the generator's book; load a
 * parameter file as the active parameters.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoDbParamsSource } from '../../../functions/adapters/dynamodb-params-source.js';
import { DynamoDbPositionSource } from '../../../functions/adapters/dynamodb-position-source.js';
import { main } from '../../../functions/cli/main.js';
import { generateSyntheticBook } from '../../../functions/core/synthetic/generate-book.js';
import type { LocalDynamoDb } from '../../../functions/local/dynamodb-server.js';
import { createTestTable, startTestServer, type TestTable } from '../../support/dynamodb.js';
import { referenceParamsText } from '../../support/pipeline.js';

describe('marginfall seed / load', () => {
  let server: LocalDynamoDb;
  let table: TestTable;
  let dir: string;
  let stdout: string[];
  let stderr: string[];

  beforeAll(async () => {
    server = await startTestServer('dynalite');
    table = await createTestTable(server.endpoint);
    dir = await mkdtemp(join(tmpdir(), 'marginfall-seed-'));
  });
  afterAll(async () => {
    table?.client.destroy();
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  async function run(...argv: string[]): Promise<number> {
    stdout = [];
    stderr = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
    vi.stubEnv('MARGINFALL_DYNAMODB_ENDPOINT', server.endpoint);
    vi.stubEnv('MARGINFALL_TABLE', table.tableName);
    try {
      return await main(argv);
    } finally {
      vi.restoreAllMocks();
    }
  }

  const readBack = (asOf: string) =>
    new DynamoDbPositionSource(table.client, { tableName: table.tableName }).readSnapshot(asOf);

  it('seeds files, loads them, and reads back the same book', async () => {
    const expected = generateSyntheticBook({ clients: 120, seed: 'cli', asOf: '2026-11-30' });
    const out = join(dir, 'files');
    expect(await run('seed', '--clients', '120', '--seed', 'cli', '--asof', '2026-11-30', '--out', out)).toBe(
      0,
    );
    expect(stdout.join('')).toMatch(/^Wrote 120 clients \(/);

    expect(await run('load', '--asof', '2026-11-30', '--from', out, '--shards', '3', '--quiet')).toBe(0);
    expect(stdout.join('')).toMatch(
      new RegExp(`^Loaded snapshot 2026-11-30 into ${table.tableName} at ${server.endpoint}: 120 clients`),
    );
    const snapshot = await readBack('2026-11-30');
    expect(snapshot.stats.shards).toBe(3);
    expect(snapshot.book).toEqual(expected.book);
    expect(snapshot.market).toEqual(expected.market);
  });

  it('seeds straight into the table', async () => {
    const expected = generateSyntheticBook({ clients: 80, seed: 7, asOf: '2026-11-27' });
    expect(
      await run('seed', '--clients', '80', '--seed', '7', '--asof', '2026-11-27', '--to-dynamodb', '--quiet'),
    ).toBe(0);
    const snapshot = await readBack('2026-11-27');
    expect(snapshot.stats.shards).toBe(16);
    expect(snapshot.book).toEqual(expected.book);
  });

  it('loads a book file in any JSON layout and lists the records it refuses', async () => {
    const asOf = '2026-11-26';
    const from = join(dir, 'pretty');
    const { book, market } = generateSyntheticBook({ clients: 3, seed: 'pretty', asOf });
    const clients = [
      ...book.clients,
      { id: book.clients[0]!.id, subaccounts: [] },
      { id: 'Z', subaccounts: 'none' },
    ];
    await rm(from, { recursive: true, force: true });
    await mkdir(from);
    await writeFile(join(from, 'book.json'), JSON.stringify({ ...book, clients }, null, 2));
    await writeFile(join(from, 'market.json'), JSON.stringify(market));
    expect(await run('load', '--asof', asOf, '--from', from, '--quiet')).toBe(0);
    expect(stdout.join('')).toContain(
      `2 record(s) refused:\n  book clients[3]: duplicate client id ${book.clients[0]!.id}: the first one is kept\n  book clients[4]: subaccounts must be a list\n`,
    );
    expect((await readBack(asOf)).book).toEqual(book);
  });

  it('refuses files for another date and bad options, naming them', async () => {
    const out = join(dir, 'files');
    expect(await run('load', '--asof', '2026-11-29', '--from', out)).toBe(1);
    expect(stderr.join('')).toContain(
      `book file ${join(out, 'book.json')} has asOf "2026-11-30", but --asof is 2026-11-29`,
    );
    expect(await run('load', '--asof', '2026-11-30', '--from', join(dir, 'nothing'))).toBe(1);
    expect(stderr.join('')).toContain(
      `cannot read market file ${join(dir, 'nothing', 'market.json')}: no such file`,
    );
    expect(await run('seed', '--clients', '10', '--seed', '1', '--asof', '2026-11-30')).toBe(2);
    expect(stderr.join('')).toContain('give exactly one of --out DIR and --to-dynamodb');
    expect(await run('seed', '--clients', 'ten', '--seed', '1', '--asof', '2026-11-30', '--out', out)).toBe(
      2,
    );
    expect(stderr.join('')).toContain('--clients must be a whole number from 1 to 10,000,000, got "ten"');
    expect(await run('load', '--asof', '2026-11-30', '--from', out, '--shards', '0')).toBe(2);
    expect(stderr.join('')).toContain(
      '--shards (or MARGINFALL_SNAPSHOT_SHARDS): must be a whole number from 1 to 1000',
    );
  });

  it('stores a parameter file as the active parameters and refuses an invalid one, naming the field', async () => {
    const good = join(dir, 'params.json');
    await writeFile(good, referenceParamsText());
    expect(await run('load', '--params', good)).toBe(0);
    expect(stdout.join('')).toMatch(
      /^Active parameters in test-\S+ at http:\/\/\S+: version reference-1, [\d,]+ bytes, SHA-256 [0-9a-f]{64}\n$/,
    );
    const source = new DynamoDbParamsSource({ client: table.client, tableName: table.tableName });
    expect((await source.readActiveParams()).text).toBe(referenceParamsText());

    const bad = join(dir, 'bad.json');
    await writeFile(
      bad,
      JSON.stringify({ ...JSON.parse(referenceParamsText()), version: 'bad', regimes: [] }),
    );
    expect(await run('load', '--params', bad)).not.toBe(0);
    expect(stderr.join('')).toContain(`params file ${bad} field "regimes": must be a non-empty list`);
    expect(stderr.join('')).not.toMatch(/\n\s+at /); // no stack trace
    expect((await source.readActiveParams()).text).toBe(referenceParamsText());

    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{\n  "version": "x",\n  "options": }\n');
    expect(await run('load', '--params', broken)).not.toBe(0);
    expect(stderr.join('')).toContain(`params file ${broken}: not valid JSON`);
  });
});
