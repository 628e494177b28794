/**
 * The pipeline's stores on real local servers: run records and active parameters on dynalite,
 * the work area on s3rver.
 */
import { DeleteItemCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbParamsSource } from '../../../functions/adapters/dynamodb-params-source.js';
import {
  CLAIM_SORT_KEY,
  claimPartitionKey,
  DynamoDbRunStateStore,
  StoredRecordInvalidError,
} from '../../../functions/adapters/dynamodb-run-state-store.js';
import { S3StagingStore } from '../../../functions/adapters/s3-staging-store.js';
import { InvalidParamsError, MalformedJsonError } from '../../../functions/core/errors.js';
import type { RunState } from '../../../functions/core/pipeline/contracts.js';
import { NoActiveParamsError } from '../../../functions/core/ports/params-source.js';
import { RunNotFoundError, RunStateConflictError } from '../../../functions/core/ports/run-state-store.js';
import { StagedObjectMissingError } from '../../../functions/core/ports/staging-store.js';
import type { LocalDynamoDb } from '../../../functions/local/dynamodb-server.js';
import { createTestTable, startTestServer, type TestTable } from '../../support/dynamodb.js';
import { referenceParamsText } from '../../support/pipeline.js';
import { startTestS3, type TestS3 } from '../../support/s3.js';

let dynamodb: LocalDynamoDb;
let s3: TestS3;
beforeAll(async () => {
  [dynamodb, s3] = await Promise.all([startTestServer('dynalite'), startTestS3()]);
}, 30_000);
afterAll(async () => {
  await Promise.all([dynamodb?.stop(), s3?.stop()]);
});

function runState(runId: string, overrides: Partial<RunState> = {}): RunState {
  return {
    runId,
    asOf: '2026-11-30',
    reportType: 'daily',
    trigger: 'schedule',
    idempotencyKey: `daily#2026-11-30#reference-1`,
    status: 'queued',
    request: { asOf: '2026-11-30', reportType: 'daily', trigger: 'schedule' },
    requestedAt: '2026-12-01T00:05:00.000Z',
    timings: {},
    chunks: 0,
    ...overrides,
  };
}

describe('DynamoDbRunStateStore', () => {
  let table: TestTable;
  let store: DynamoDbRunStateStore;
  beforeEach(async () => {
    table = await createTestTable(dynamodb.endpoint);
    store = new DynamoDbRunStateStore({ client: table.client, tableName: table.tableName });
    return () => table.client.destroy();
  });

  it('creates a run once per idempotency key and returns the existing one after', async () => {
    const first = runState('2026-11-30-daily-aaa');
    expect(await store.create(first)).toEqual({ created: true, state: first });
    const second = runState('2026-11-30-daily-bbb', {
      trigger: 'api',
      requestedAt: '2026-12-01T00:06:00.000Z',
    });
    expect(await store.create(second)).toEqual({ created: false, existing: first });
    await expect(store.get('2026-11-30-daily-bbb')).rejects.toBeInstanceOf(RunNotFoundError);
    const other = runState('2026-11-30-adhoc-x1', {
      idempotencyKey: 'on-demand#2026-11-30-adhoc-x1',
      requestedAt: '2026-12-01T00:07:00.000Z',
    });
    expect((await store.create(other)).created).toBe(true);
    expect((await store.listByAsOf('2026-11-30')).map((s) => s.runId)).toEqual([
      '2026-11-30-daily-aaa',
      '2026-11-30-adhoc-x1',
    ]);
    expect(await store.listByAsOf('2026-11-29')).toEqual([]);
  });

  it('finishes a claim whose run item was never written (a crash between the two writes)', async () => {
    const state = runState('2026-11-30-daily-aaa');
    await store.create(state);
    await table.client.send(
      new DeleteItemCommand({
        TableName: table.tableName,
        Key: { pk: { S: 'RUNS#2026-11-30' }, sk: { S: 'RUN#2026-11-30-daily-aaa' } },
      }),
    );
    const claim = await table.client.send(
      new GetItemCommand({
        TableName: table.tableName,
        Key: { pk: { S: claimPartitionKey(state.idempotencyKey) }, sk: { S: CLAIM_SORT_KEY } },
      }),
    );
    expect(claim.Item?.runId?.S).toBe(state.runId);
    // The retried trigger comes with a later requestedAt; the run is the one the claim holds.
    const retried = await store.create({ ...state, requestedAt: '2026-12-01T00:09:00.000Z' });
    expect(retried).toEqual({ created: true, state });
    expect(await store.create(state)).toEqual({ created: false, existing: state });
  });

  it('moves status only from the expected status, along queued → running → succeeded | failed', async () => {
    const state = runState('2026-11-30-daily-aaa');
    await store.create(state);
    const conflict = await store.update(state.runId, ['running'], { status: 'succeeded' }).catch((e) => e);
    expect(conflict).toBeInstanceOf(RunStateConflictError);
    expect(conflict).toMatchObject({ expected: ['running'], actual: 'queued' });
    expect(await store.get(state.runId)).toEqual(state);

    const running = await store.update(state.runId, ['queued'], {
      status: 'running',
      startedAt: '2026-12-01T00:05:01.000Z',
    });
    expect(running.status).toBe('running');
    // Expected includes the current status, but the transition itself is not allowed.
    await expect(store.update(state.runId, ['running'], { status: 'queued' })).rejects.toBeInstanceOf(
      RunStateConflictError,
    );
    const done = await store.update(state.runId, ['running'], {
      status: 'succeeded',
      finishedAt: '2026-12-01T00:07:00.000Z',
    });
    expect(await store.get(state.runId)).toEqual(done);
    await expect(
      store.update(state.runId, ['queued', 'running'], { status: 'failed' }),
    ).rejects.toMatchObject({ name: 'RunStateConflictError', actual: 'succeeded' });
    await expect(store.update('2026-11-30-daily-zzz', ['queued'], {})).rejects.toBeInstanceOf(
      RunNotFoundError,
    );
    await expect(store.get('not-a-run')).rejects.toBeInstanceOf(RunNotFoundError);
  });

  it('keeps both of two concurrent updates (each re-reads after losing the revision race)', async () => {
    const state = runState('2026-11-30-daily-aaa', { status: 'running' });
    await store.create(state);
    await Promise.all([
      store.update(state.runId, ['running'], { timings: { stage: 5 } }),
      store.update(state.runId, ['running'], { chunks: 7 }),
    ]);
    const after = await store.get(state.runId);
    expect(after.chunks).toBe(7);
    // Without the revision condition the later write would drop the earlier one's field.
    expect(after.timings).toEqual({ stage: 5 });
  });

  it('refuses a stored record that is not a run state', async () => {
    await table.client.send(
      new PutItemCommand({
        TableName: table.tableName,
        Item: {
          pk: { S: 'RUNS#2026-11-30' },
          sk: { S: 'RUN#2026-11-30-daily-bad' },
          schemaVersion: { N: '1' },
          state: { S: JSON.stringify({ ...runState('2026-11-30-daily-bad'), status: 'paused' }) },
        },
      }),
    );
    const error = await store.get('2026-11-30-daily-bad').catch((e) => e);
    expect(error).toBeInstanceOf(StoredRecordInvalidError);
    expect(error.message).toContain('status');
  });
});

describe('DynamoDbParamsSource', () => {
  it('has no active parameters until loaded, then reads back the loaded text', async () => {
    const table = await createTestTable(dynamodb.endpoint);
    try {
      const source = new DynamoDbParamsSource({ client: table.client, tableName: table.tableName });
      await expect(source.readActiveParams()).rejects.toBeInstanceOf(NoActiveParamsError);
      const text = referenceParamsText();
      const stored = await source.storeActiveParams(text, '2026-12-01T00:00:00.000Z');
      expect(stored).toMatchObject({ version: 'reference-1', bytes: Buffer.byteLength(text) });
      const active = await source.readActiveParams();
      expect(active.text).toBe(text);
      expect(active.document).toEqual(JSON.parse(text));

      await expect(
        source.storeActiveParams('{"version": "x"', '2026-12-01T00:00:00.000Z'),
      ).rejects.toBeInstanceOf(MalformedJsonError);
      const invalid = JSON.stringify({ ...JSON.parse(text), regimes: ['as-is', 'sideways'] });
      await expect(source.storeActiveParams(invalid, '2026-12-01T00:00:00.000Z')).rejects.toThrow(
        new InvalidParamsError('regimes[1]', 'unknown regime "sideways"'),
      );
      expect((await source.readActiveParams()).text).toBe(text);
    } finally {
      table.client.destroy();
    }
  });
});

describe('S3StagingStore', () => {
  it('keeps each run under runs/<runId>/ and says which object is missing', async () => {
    const bucket = await s3.newBucket();
    const staging = new S3StagingStore({ client: s3.client, bucket });
    const text = '{"π":3.141592653589793,"note":"µ — ü"}';
    await staging.putText('2026-11-30-adhoc-r1', 'chunks/00001.json', text);
    expect(await staging.getText('2026-11-30-adhoc-r1', 'chunks/00001.json')).toBe(text);
    expect(await s3.listKeys(bucket)).toEqual(['runs/2026-11-30-adhoc-r1/chunks/00001.json']);
    await expect(staging.getText('2026-11-30-adhoc-r1', 'plan.json')).rejects.toEqual(
      new StagedObjectMissingError('2026-11-30-adhoc-r1', 'plan.json'),
    );
    expect(() => staging.objectKey('2026-11-30-adhoc-r1', '../other/plan.json')).toThrow(RangeError);
  });
});
