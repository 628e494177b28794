/**
 * The daily trigger and the state machine's step handlers, invoked as EventBridge Scheduler and
 * Step Functions invoke them, on real servers: dynalite, s3rver and aws-ses-v2-local. The
 * composition is built from the deployment's variables with two substitutions: a fixed clock,
 * and a launcher that records launches instead of starting executions — this test plays the
 * state machine itself, step by step, with the payloads each state passes on.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoDbRunStateStore } from '../../functions/adapters/dynamodb-run-state-store.js';
import type { RunState, StageOutput } from '../../functions/core/pipeline/contracts.js';
import type { RunLauncher } from '../../functions/core/ports/run-launcher.js';
import { scenarioLibrary } from '../../functions/core/scenarios/library.js';
import type { LocalDynamoDb } from '../../functions/local/dynamodb-server.js';
import { type Composition, composeFromConfig, installComposition } from '../../functions/shared/compose.js';
import { loadConfig } from '../../functions/shared/config.js';
import { createTestTable, startTestServer, type TestTable } from '../support/dynamodb.js';
import { fixedClock, seedTable } from '../support/pipeline.js';
import { startTestS3, type TestS3 } from '../support/s3.js';
import { startTestSes, type TestSes } from '../support/ses.js';

const AS_OF = '2026-11-30';
/** 06:15 UTC on 2026-12-01: with the default close (24:00 UTC) the day just closed is 2026-11-30. */
const MORNING = '2026-12-01T06:15:00.000Z';

/** Records each launch; starts nothing (the test runs the steps). */
class RecordingLauncher implements RunLauncher {
  readonly launched: string[] = [];
  async launch(run: RunState): Promise<void> {
    this.launched.push(run.runId);
  }
}

type Handler = (event: unknown) => Promise<unknown>;

let dynamodb: LocalDynamoDb;
let s3: TestS3;
let ses: TestSes;
let table: TestTable;
let env: Record<string, string>;
const launcher = new RecordingLauncher();
const compositions: Composition[] = [];
const handlers = {} as Record<
  'daily' | 'stage' | 'compute' | 'publish' | 'email' | 'finish' | 'fail',
  Handler
>;

/** Makes the handlers use the deployment configured by `env` plus `overrides`, at instant `now`. */
function deploy(now: string, overrides: Record<string, string> = {}): void {
  const composition = composeFromConfig(loadConfig({ ...env, ...overrides }), {
    clock: fixedClock(now),
    launcher,
  });
  compositions.push(composition);
  installComposition(composition);
}

beforeAll(async () => {
  [dynamodb, s3, ses] = await Promise.all([startTestServer('dynalite'), startTestS3(), startTestSes()]);
  table = await createTestTable(dynamodb.endpoint);
  const [reportsBucket, workBucket] = await Promise.all([s3.newBucket(), s3.newBucket()]);
  env = {
    MARGINFALL_TABLE: table.tableName,
    MARGINFALL_DYNAMODB_ENDPOINT: dynamodb.endpoint,
    MARGINFALL_S3_ENDPOINT: s3.server.endpoint,
    MARGINFALL_SES_ENDPOINT: ses.server.endpoint,
    MARGINFALL_REPORTS_BUCKET: reportsBucket,
    MARGINFALL_WORK_BUCKET: workBucket,
    MARGINFALL_EMAIL_FROM: 'Marginfall Risk <risk@venue.example>',
    MARGINFALL_EMAIL_TO: 'risk-committee@venue.example,cro@venue.example',
    MARGINFALL_CODE_VERSION: 'handlers-test',
    MARGINFALL_CHUNK_TASKS: '40',
  };
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  // Imported after the log level is set: the logger reads it when its module loads.
  handlers.daily = (await import('../../functions/handlers/daily-run/handler.js')).handler;
  handlers.stage = (await import('../../functions/handlers/stage-run/handler.js')).handler;
  handlers.compute = (await import('../../functions/handlers/compute-chunk/handler.js')).handler as Handler;
  handlers.publish = (await import('../../functions/handlers/publish-report/handler.js')).handler as Handler;
  handlers.email = (await import('../../functions/handlers/email-report/handler.js')).handler as Handler;
  handlers.finish = (await import('../../functions/handlers/finish-run/handler.js')).handler as Handler;
  handlers.fail = (await import('../../functions/handlers/fail-run/handler.js')).handler as Handler;

  await seedTable(table, { clients: 30, seed: 11, asOf: AS_OF });
  deploy(MORNING);
}, 60_000);

afterAll(async () => {
  installComposition(undefined);
  for (const composition of compositions) composition.destroy();
  vi.unstubAllEnvs();
  table?.client.destroy();
  await Promise.all([dynamodb?.stop(), s3?.stop(), ses?.stop()]);
});

const runs = () => new DynamoDbRunStateStore({ client: table.client, tableName: table.tableName });

describe('the daily trigger', () => {
  it('requests the run of the business date just closed; invoked twice, it is one run launched once', async () => {
    const first = (await handlers.daily({})) as { runId: string };
    const second = await handlers.daily({});
    expect(first).toEqual({
      runId: expect.stringMatching(/^2026-11-30-daily-[0-9a-f]{12}$/),
      asOf: AS_OF,
      status: 'queued',
      created: true,
    });
    expect(second).toEqual({ ...first, created: false });
    expect(launcher.launched).toEqual([first.runId]);
    const records = await runs().listByAsOf(AS_OF);
    expect(records.map((run) => [run.runId, run.reportType, run.trigger, run.requestedAt])).toEqual([
      [first.runId, 'daily', 'schedule', MORNING],
    ]);
  });

  it('takes the cut-off and time zone from the configuration (17:00 New York = 22:00 UTC in December)', async () => {
    const newYork = { MARGINFALL_EOD_CUTOFF: '17:00', MARGINFALL_TIME_ZONE: 'America/New_York' };
    deploy('2026-12-01T21:59:00.000Z', newYork);
    const before = (await handlers.daily({})) as { asOf: string; created: boolean };
    expect(before).toMatchObject({ asOf: '2026-11-30', created: false });
    deploy('2026-12-01T22:00:00.000Z', newYork);
    const after = (await handlers.daily({})) as { asOf: string; created: boolean };
    expect(after).toMatchObject({ asOf: '2026-12-01', created: true });
    deploy(MORNING);
  });

  it('runs a given date as a backfill, and refuses an input it cannot read', async () => {
    const backfill = (await handlers.daily({ asOf: '2026-11-28' })) as { runId: string };
    expect((await runs().get(backfill.runId)).trigger).toBe('backfill');
    await expect(handlers.daily({ asof: '2026-11-29' })).rejects.toThrow(
      'daily-run: asof: is not a known field',
    );
    await expect(handlers.daily({ asOf: '2026-11-31' })).rejects.toMatchObject({
      name: 'DailyRunInputError',
      message: 'daily-run: asOf: must be a date YYYY-MM-DD',
    });
    await expect(handlers.daily({ asOf: '2026-11-28', retryFailed: 'yes' })).rejects.toMatchObject({
      name: 'DailyRunInputError',
    });
    expect(await runs().listByAsOf('2026-11-29')).toEqual([]);
  });

  it('retryFailed on a day whose daily run did not fail finds that run and starts nothing', async () => {
    const first = (await handlers.daily({ asOf: '2026-11-27' })) as { runId: string; created: boolean };
    const retry = (await handlers.daily({ asOf: '2026-11-27', retryFailed: true })) as {
      runId: string;
      created: boolean;
    };
    expect(first.created).toBe(true);
    expect(retry).toMatchObject({ runId: first.runId, created: false });
  });
});

describe('the steps, as the state machine calls them', () => {
  let runId: string;
  let staged: StageOutput;

  beforeAll(async () => {
    await ses.clear();
    ({ runId } = (await handlers.daily({})) as { runId: string });
    staged = (await handlers.stage({ runId })) as StageOutput;
    // The Map: one invocation per item { runId, chunkId }.
    for (const chunkId of staged.chunkIds) await handlers.compute({ runId, chunkId });
    // Publish receives the state as the Map left it (the stage output; extra fields are ignored).
    await handlers.publish(staged);
  }, 120_000);

  it('stage plans every library scenario under the four regimes plus the two reverse-stress sides', () => {
    expect(staged).toMatchObject({ runId, asOf: AS_OF, reportType: 'daily' });
    expect(staged.taskCount).toBe(scenarioLibrary.scenarios.length * 4 + 2);
    expect(staged.chunkIds).toEqual([...staged.chunkIds.keys()]);
  });

  it('email sends the report once to the configured recipients; finish marks the run succeeded', async () => {
    expect(await handlers.email({ runId })).toEqual({ runId, email: 'sent' });
    expect(await handlers.email({ runId })).toEqual({ runId, email: 'already-sent' });
    const emails = await ses.emails();
    expect(emails).toHaveLength(1);
    // aws-ses-v2-local keeps the To header's addresses as one string.
    expect(emails[0]!.destination.to).toEqual(['risk-committee@venue.example, cro@venue.example']);
    expect(emails[0]!.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);

    const finished = (await handlers.finish({ runId })) as RunState;
    expect(finished).toMatchObject({
      runId,
      status: 'succeeded',
      email: { pdf: 'attached' },
      chunks: staged.chunkIds.length,
    });
    expect(Object.keys(finished.timings).sort()).toEqual(['compute', 'email', 'finish', 'publish', 'stage']);
  });

  it('a failing step throws its own typed error, and fail records the step and the reason', async () => {
    // 2026-12-01 has no snapshot: its daily run fails at stage.
    deploy('2026-12-02T06:15:00.000Z');
    const { runId: failing } = (await handlers.daily({})) as { runId: string };
    const error = (await handlers.stage({ runId: failing }).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ name: 'NoPositionsError' });
    // The Catch's payload: { runId, step, error: { name, message } }.
    const failed = (await handlers.fail({
      runId: failing,
      step: 'stage',
      error: { name: error.name, message: error.message },
    })) as RunState;
    expect(failed).toMatchObject({
      status: 'failed',
      failure: { step: 'stage', reason: `NoPositionsError: ${error.message}` },
    });
    deploy(MORNING);
  });

  it('refuses payloads that do not fit with StepInputError naming the field', async () => {
    const cases: [Handler, unknown, string][] = [
      [handlers.stage, {}, 'stage-run: runId: is required'],
      [
        handlers.stage,
        { runId: '../etc' },
        'stage-run: runId: must be a run id (1–128 of A–Z a–z 0–9 . _ -)',
      ],
      [handlers.compute, { runId, chunkId: -1 }, 'compute-chunk: chunkId: must be ≥ 0'],
      [handlers.compute, { runId, chunkId: '0' }, 'compute-chunk: chunkId: must be a number'],
      [handlers.fail, { runId, error: { name: 'X', message: 'y' } }, 'fail-run: step: is required'],
      [
        handlers.fail,
        { runId, step: 'render', error: { name: 'X', message: 'y' } },
        'fail-run: step: must be one of "stage", "compute", "publish", "email", "finish"',
      ],
      [handlers.finish, null, 'finish-run: (input): must be an object'],
    ];
    for (const [handler, payload, message] of cases) {
      await expect(handler(payload)).rejects.toMatchObject({ name: 'StepInputError', message });
    }
  });
});
