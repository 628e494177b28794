/**
 * The api handler as API Gateway invokes it, on real servers: dynalite (run records, the
 * snapshot, the active parameters) and s3rver (work area, report archive). Its composition is
 * built from the environment like in Lambda, except that runs execute in process (no state
 * machine configured), so a run requested through the API really runs.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoDbRunStateStore } from '../../functions/adapters/dynamodb-run-state-store.js';
import { scenarioLibrary } from '../../functions/core/scenarios/library.js';
import type { LocalDynamoDb } from '../../functions/local/dynamodb-server.js';
import {
  type Composition,
  composeFromConfig,
  composition,
  installComposition,
} from '../../functions/shared/compose.js';
import { loadConfig } from '../../functions/shared/config.js';
import { createTestTable, startTestServer, type TestTable } from '../support/dynamodb.js';
import { referenceParamsText, seedTable } from '../support/pipeline.js';
import { startTestS3, type TestS3 } from '../support/s3.js';
import { API_DOMAIN, type ApiCall, apiGatewayEvent } from './api-gateway-events.js';

const AS_OF = '2026-11-30';

let dynamodb: LocalDynamoDb;
let s3: TestS3;
let table: TestTable;
let reportsBucket: string;
let env: Record<string, string>;
let handler: typeof import('../../functions/handlers/api/handler.js').handler;

beforeAll(async () => {
  [dynamodb, s3] = await Promise.all([startTestServer('dynalite'), startTestS3()]);
  table = await createTestTable(dynamodb.endpoint);
  [reportsBucket] = await Promise.all([s3.newBucket()]);
  const workBucket = await s3.newBucket();
  env = {
    MARGINFALL_TABLE: table.tableName,
    MARGINFALL_DYNAMODB_ENDPOINT: dynamodb.endpoint,
    MARGINFALL_S3_ENDPOINT: s3.server.endpoint,
    MARGINFALL_REPORTS_BUCKET: reportsBucket,
    MARGINFALL_WORK_BUCKET: workBucket,
    MARGINFALL_CODE_VERSION: 'api-test',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  ({ handler } = await import('../../functions/handlers/api/handler.js'));

  await seedTable(table, { clients: 30, seed: 7, asOf: AS_OF });
}, 60_000);

afterAll(async () => {
  composition().destroy();
  vi.unstubAllEnvs();
  table?.client.destroy();
  await Promise.all([dynamodb?.stop(), s3?.stop()]);
});

/** A response document, read field by field as the API's callers do. */
// biome-ignore lint/suspicious/noExplicitAny: JSON bodies are checked by the assertions, not the compiler.
type Json = Record<string, any>;

const runs = () => new DynamoDbRunStateStore({ client: table.client, tableName: table.tableName });

async function call(request: ApiCall): Promise<{ response: APIGatewayProxyResult; body: Json }> {
  const response = await handler(apiGatewayEvent(request));
  expect(response.headers?.['content-type']).toBe('application/json; charset=utf-8');
  return { response, body: JSON.parse(response.body) as Json };
}

const postRun = (body: unknown, raw?: string) =>
  call({ method: 'POST', resource: '/runs', path: '/runs', body: raw ?? JSON.stringify(body) });

const getRun = (runId: string) =>
  call({
    method: 'GET',
    resource: '/runs/{runId}',
    path: `/runs/${encodeURIComponent(runId)}`,
    pathParameters: { runId },
  });

describe('POST /runs, then GET /runs/{runId}', () => {
  let runId: string;
  let created: Awaited<ReturnType<typeof postRun>>;

  beforeAll(async () => {
    created = await postRun({
      asOf: AS_OF,
      scenarioIds: ['uniform-down-20'],
      scenarios: [{ id: 'btc-down-35', name: 'BTC −35%', shocks: { BTC: { shock: -0.35, vol: 0.5 } } }],
      regimes: ['as-is', 'portfolio'],
    });
    runId = created.body.runId;
  });

  it('accepts the run (202) with its id, status and status URL, and stores its record', async () => {
    expect(created.response.statusCode).toBe(202);
    expect(runId).toMatch(/^2026-11-30-adhoc-[0-9a-f]{16}$/);
    const statusUrl = `https://${API_DOMAIN}/prod/runs/${runId}`;
    expect(created.body).toEqual({ runId, status: 'queued', statusUrl });
    expect(created.response.headers?.location).toBe(statusUrl);
    const record = await runs().get(runId);
    expect(record.request).toEqual({
      asOf: AS_OF,
      reportType: 'on-demand',
      trigger: 'api',
      scenarioIds: ['uniform-down-20'],
      inlineScenarios: [{ id: 'btc-down-35', name: 'BTC −35%', shocks: { BTC: { shock: -0.35, vol: 0.5 } } }],
      regimes: ['as-is', 'portfolio'],
    });
  });

  it('once the run has finished, reports it succeeded with links that download the archived PDF and JSON', async () => {
    await composition().inProcess?.whenIdle();
    const { response, body } = await getRun(runId);
    expect(response.statusCode).toBe(200);
    const record = await runs().get(runId);
    expect(body).toMatchObject({
      runId,
      asOf: AS_OF,
      reportType: 'on-demand',
      trigger: 'api',
      status: 'succeeded',
      requestedAt: record.requestedAt,
      finishedAt: record.finishedAt,
      // The 2 scenarios × 2 regimes fit one chunk of 8 tasks; each reverse-stress side has its own.
      chunks: 3,
    });
    expect(Object.keys(body.timings).sort()).toEqual(['compute', 'finish', 'publish', 'stage']);
    expect(body.report.headline).toEqual(record.report?.headline);
    expect(body.failure).toBeUndefined();

    const pdf = await fetch(body.report.pdf.url);
    expect(pdf.status).toBe(200);
    const pdfBytes = new Uint8Array(await pdf.arrayBuffer());
    expect(pdfBytes).toEqual(await s3.readBytes(reportsBucket, record.report!.pdfKey));
    expect(Buffer.from(pdfBytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="marginfall-${runId}.pdf"`);

    const json = await fetch(body.report.json.url);
    const report = JSON.parse(await json.text()) as { identity: { runId: string; codeVersion: string } };
    expect(report.identity).toMatchObject({ runId, codeVersion: 'api-test' });
    const ttl = Date.parse(body.report.pdf.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(900_000);
  });

  it("lists the day's runs and the archive's day index (GET /reports)", async () => {
    await composition().inProcess?.whenIdle();
    const { response, body } = await call({
      method: 'GET',
      resource: '/reports',
      path: '/reports',
      query: { asOf: AS_OF },
    });
    expect(response.statusCode).toBe(200);
    expect(body.asOf).toBe(AS_OF);
    expect(body.runs).toContainEqual(
      expect.objectContaining({
        runId,
        reportType: 'on-demand',
        trigger: 'api',
        status: 'succeeded',
        published: true,
      }),
    );
    expect(body.archive).toContainEqual(expect.objectContaining({ runId, status: expect.any(String) }));
    const empty = await call({
      method: 'GET',
      resource: '/reports',
      path: '/reports',
      query: { asOf: '2026-11-29' },
    });
    expect(empty.body).toEqual({ asOf: '2026-11-29', runs: [], archive: [] });
  });
});

describe('GET /reports and GET /scenarios', () => {
  it('GET /scenarios lists the library in order, with names, kinds and the daily set', async () => {
    const { response, body } = await call({ method: 'GET', resource: '/scenarios', path: '/scenarios' });
    expect(response.statusCode).toBe(200);
    expect(body.scenarios.map((s: { id: string }) => s.id)).toEqual(
      scenarioLibrary.scenarios.map((s) => s.id),
    );
    expect(body.scenarios[0]).toMatchObject({
      id: 'hist-2020-03-12-c2c',
      kind: 'historical',
      window: expect.any(Array),
      default: true,
    });
    expect(body.scenarios).toContainEqual(
      expect.objectContaining({ id: 'uniform-down-20', kind: 'hypothetical', name: expect.any(String) }),
    );
  });

  it('GET /reports needs one valid asOf and no other parameter', async () => {
    const cases: [ApiCall['query'], string][] = [
      [undefined, 'asOf: is required: GET /reports?asOf=YYYY-MM-DD'],
      [{ asOf: '30/11/2026' }, 'asOf: must be a date YYYY-MM-DD'],
      [{ asOf: ['2026-11-29', '2026-11-30'] }, 'asOf: must be given once'],
      [{ asOf: AS_OF, status: 'failed' }, 'status: is not a known query parameter (expected asOf)'],
    ];
    for (const [query, message] of cases) {
      const { response, body } = await call({
        method: 'GET',
        resource: '/reports',
        path: '/reports',
        ...(query ? { query } : {}),
      });
      expect(response.statusCode).toBe(400);
      expect(body).toMatchObject({ error: 'RequestInputError', message });
    }
  });
});

describe('bad requests', () => {
  const shocks = (entry: Record<string, unknown>) => ({
    asOf: AS_OF,
    scenarios: [{ id: 'x', shocks: { BTC: entry } }],
  });
  const cases: [string, unknown, string][] = [
    ['no asOf', { scenarioIds: ['uniform-down-20'] }, 'asOf: is required'],
    ['an impossible date', { asOf: '2026-02-30' }, 'asOf: must be a date YYYY-MM-DD'],
    [
      'a future date',
      { asOf: '2099-01-01' },
      'asOf: 2099-01-01 is in the future: no end-of-day snapshot can exist for it',
    ],
    [
      'a misspelt field',
      { asOf: AS_OF, scenarioID: ['uniform-down-20'] },
      'scenarioID: is not a known field',
    ],
    ['not an object', [AS_OF], '(input): must be an object'],
    [
      'a price falling 100%',
      shocks({ shock: -1 }),
      'scenarios[0].shocks.BTC.shock: must be greater than -1 (a price cannot fall 100%)',
    ],
    [
      'a shock of +1100%',
      shocks({ shock: 11 }),
      'scenarios[0].shocks.BTC.shock: must be at most 10 (+1000%)',
    ],
    ['a shock given as text', shocks({ shock: '-0.2' }), 'scenarios[0].shocks.BTC.shock: must be a number'],
    ['an unknown shock field', shocks({ shok: -0.2 }), 'scenarios[0].shocks.BTC.shok: is not a known field'],
    [
      'a zero liquidity',
      shocks({ liquidity: 0 }),
      'scenarios[0].shocks.BTC.liquidity: must be greater than 0',
    ],
    [
      'no shocks',
      { asOf: AS_OF, scenarios: [{ id: 'x', shocks: {} }] },
      'scenarios[0].shocks: must shock at least one asset (or "*")',
    ],
    [
      'two inline scenarios with one id',
      {
        asOf: AS_OF,
        scenarios: [
          { id: 'x', shocks: { '*': { shock: -0.1 } } },
          { id: 'x', shocks: { '*': { shock: -0.2 } } },
        ],
      },
      'scenarios[1].id: duplicate scenario id "x"',
    ],
    [
      'an inline scenario named like a requested library one',
      {
        asOf: AS_OF,
        scenarioIds: ['vol-spike'],
        scenarios: [{ id: 'vol-spike', shocks: { '*': { vol: 2 } } }],
      },
      "scenarios[0].id: 'vol-spike' is also requested from the library: give the inline scenario its own id",
    ],
    [
      'an unknown library scenario',
      { asOf: AS_OF, scenarioIds: ['uniform-down-20', 'moon'] },
      "scenarioIds[1]: unknown library scenario 'moon' (GET /scenarios lists them)",
    ],
    [
      'a repeated scenario id',
      { asOf: AS_OF, scenarioIds: ['vol-spike', 'vol-spike'] },
      'scenarioIds[1]: duplicate scenario id "vol-spike"',
    ],
    [
      '201 scenario ids',
      { asOf: AS_OF, scenarioIds: Array.from({ length: 201 }, (_, i) => `s${i}`) },
      'scenarioIds: must have at most 200 ids',
    ],
    [
      '150 library and 60 inline scenarios',
      {
        asOf: AS_OF,
        scenarioIds: Array.from({ length: 150 }, (_, i) => `s${i}`),
        scenarios: Array.from({ length: 60 }, (_, i) => ({ id: `i${i}`, shocks: { '*': { shock: -0.1 } } })),
      },
      'scenarios: scenarioIds and scenarios together must be at most 200, got 210',
    ],
    [
      'an unknown regime',
      { asOf: AS_OF, regimes: ['as-is', 'sideways'] },
      'regimes[1]: must be one of "as-is", "standard", "portfolio", "cross-venue"',
    ],
    ['no regime', { asOf: AS_OF, regimes: [] }, 'regimes: must not be empty (leave it out for every regime)'],
    [
      '10,001 client ids',
      { asOf: AS_OF, clientIds: Array.from({ length: 10_001 }, (_, i) => `C${i}`) },
      'clientIds: must have at most 10000 ids',
    ],
    [
      'a repeated client id',
      { asOf: AS_OF, clientIds: ['C1', 'C2', 'C1'] },
      'clientIds[2]: duplicate client id "C1"',
    ],
    [
      'parameters that are not an object',
      { asOf: AS_OF, params: 'reference-1' },
      'params: must be a risk-parameter document (a JSON object)',
    ],
    [
      'invalid parameters',
      {
        asOf: AS_OF,
        params: { ...JSON.parse(referenceParamsText()), pm: { includeCollateral: 'yes', mmFactor: 0.8 } },
      },
      'params.pm.includeCollateral: must be true or false',
    ],
  ];

  it.each(cases)('refuses %s with 400 naming the field, and creates no run', async (_, body, message) => {
    const before = (await runs().listByAsOf(AS_OF)).length;
    const { response, body: answer } = await postRun(body);
    expect(response.statusCode).toBe(400);
    expect(answer).toEqual({
      error: 'RequestInputError',
      message,
      requestId: expect.stringMatching(/^c6af9ac6-/),
    });
    expect((await runs().listByAsOf(AS_OF)).length).toBe(before);
  });

  it('refuses a body that is missing, not JSON, or over 1 MB', async () => {
    const missing = await call({ method: 'POST', resource: '/runs', path: '/runs' });
    expect(missing.response.statusCode).toBe(400);
    expect(missing.body.message).toBe('body: is required: a JSON object such as {"asOf": "2026-11-30"}');

    const broken = await postRun(undefined, '{"asOf": "2026-11-30",');
    expect(broken.response.statusCode).toBe(400);
    expect(broken.body.message).toMatch(/^body: is not valid JSON: /);

    const large = JSON.stringify({ asOf: AS_OF, clientIds: ['x'.repeat(1024 * 1024)] });
    const tooLarge = await call({
      method: 'POST',
      resource: '/runs',
      path: '/runs',
      body: large,
      base64: true,
    });
    expect(tooLarge.response.statusCode).toBe(413);
    expect(tooLarge.body.message).toBe(
      `body: must be at most 1048576 bytes, got ${Buffer.byteLength(large)}`,
    );
  });

  it('reads a base64-encoded body as API Gateway passes binary media types', async () => {
    const { response, body } = await call({
      method: 'POST',
      resource: '/runs',
      path: '/runs',
      body: JSON.stringify({ asOf: AS_OF, scenarioID: [] }),
      base64: true,
    });
    expect(response.statusCode).toBe(400);
    expect(body.message).toBe('scenarioID: is not a known field');
  });
});

describe('unknown runs, resources and methods', () => {
  it('GET /runs/{runId} of an unknown run is 404, of a malformed id 400', async () => {
    const unknown = await getRun('2026-11-30-adhoc-0000000000000000');
    expect(unknown.response.statusCode).toBe(404);
    expect(unknown.body).toMatchObject({
      error: 'RunNotFoundError',
      message: 'no run 2026-11-30-adhoc-0000000000000000',
    });
    expect((await getRun('latest')).response.statusCode).toBe(404);
    const malformed = await getRun('2026-11-30 adhoc');
    expect(malformed.response.statusCode).toBe(400);
    expect(malformed.body.message).toBe('runId: must be a run id (1–128 of A–Z a–z 0–9 . _ -)');
  });

  it('an unknown path is 404 and a known path with another method 405 with Allow', async () => {
    const missing = await call({ method: 'GET', resource: '/{proxy+}', path: '/runs/x/cancel' });
    expect(missing.response.statusCode).toBe(404);
    expect(missing.body).toMatchObject({
      error: 'RouteNotFoundError',
      message: 'no resource /runs/x/cancel',
    });
    const wrongMethod = await call({ method: 'DELETE', resource: '/runs', path: '/runs' });
    expect(wrongMethod.response.statusCode).toBe(405);
    expect(wrongMethod.response.headers?.allow).toBe('POST');
  });
});

describe('failures inside', () => {
  let previous: Composition | undefined;
  let broken: Composition;
  beforeAll(() => {
    // The same deployment, but its table does not exist: every DynamoDB call fails.
    broken = composeFromConfig(loadConfig({ ...env, MARGINFALL_TABLE: 'missing-table' }));
    previous = installComposition(broken);
  });
  afterAll(() => {
    installComposition(previous);
    broken.destroy();
  });

  it('answer 500 with a generic message and the request id, never the error or a stack', async () => {
    const { response, body } = await getRun('2026-11-30-adhoc-0000000000000000');
    expect(response.statusCode).toBe(500);
    expect(body).toEqual({
      error: 'InternalError',
      message: `the request could not be completed; quote request id ${body.requestId} when reporting it`,
      requestId: expect.stringMatching(/^c6af9ac6-/),
    });
    expect(response.body).not.toMatch(/ResourceNotFound|missing-table|at \w+ \(|\.ts:\d+/);
  });
});

describe('a stored object outside the index', () => {
  it('is not listed as published', async () => {
    await s3.client.send(
      new PutObjectCommand({ Bucket: reportsBucket, Key: 'reports/2026/11/30/stray/report.pdf', Body: 'x' }),
    );
    const { body } = await call({
      method: 'GET',
      resource: '/reports',
      path: '/reports',
      query: { asOf: AS_OF },
    });
    expect(body.archive.map((run: { runId: string }) => run.runId)).not.toContain('stray');
  });
});
