/** `marginfall load --params FILE` against dynalite: the file becomes the active parameters, a bad one is refused. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { DynamoDbParamsSource } from '../../../functions/adapters/dynamodb-params-source.js';
import { main } from '../../../functions/cli/main.js';
import type { LocalDynamoDb } from '../../../functions/local/dynamodb-server.js';
import { createTestTable, startTestServer, type TestTable } from '../../support/dynamodb.js';
import { referenceParamsText } from '../../support/pipeline.js';

let server: LocalDynamoDb;
let table: TestTable;
let dir: string;
let stdout: string[];
let stderr: string[];

beforeAll(async () => {
  server = await startTestServer('dynalite');
  table = await createTestTable(server.endpoint);
  dir = await mkdtemp(join(tmpdir(), 'marginfall-params-'));
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
  await writeFile(bad, JSON.stringify({ ...JSON.parse(referenceParamsText()), version: 'bad', regimes: [] }));
  expect(await run('load', '--params', bad)).not.toBe(0);
  expect(stderr.join('')).toContain(`params file ${bad} field "regimes": must be a non-empty list`);
  expect(stderr.join('')).not.toMatch(/\n\s+at /); // no stack trace
  expect((await source.readActiveParams()).text).toBe(referenceParamsText());

  const broken = join(dir, 'broken.json');
  await writeFile(broken, '{\n  "version": "x",\n  "options": }\n');
  expect(await run('load', '--params', broken)).not.toBe(0);
  expect(stderr.join('')).toContain(`params file ${broken}: not valid JSON`);
});
