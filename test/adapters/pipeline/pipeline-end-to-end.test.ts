/**
 * The report pipeline end to end in process, on real local servers: a synthetic book loaded
 * into dynalite, the active parameters in the same table, the work area and the archive in
 * s3rver, the daily email through aws-ses-v2-local.
 */
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardOf, shardPartitionKey, subaccountSortKey } from '../../../functions/adapters/dynamodb-items.js';
import { calculate } from '../../../functions/core/calculation/calculate.js';
import { computeChunk } from '../../../functions/core/pipeline/compute-chunk.js';
import type { PipelineDeps } from '../../../functions/core/pipeline/deps.js';
import { failRun } from '../../../functions/core/pipeline/fail-run.js';
import { ChunkOutputsMissingError } from '../../../functions/core/pipeline/pipeline-errors.js';
import { publishReport } from '../../../functions/core/pipeline/publish-report.js';
import { requestRun } from '../../../functions/core/pipeline/request-run.js';
import { stageRun } from '../../../functions/core/pipeline/stage-run.js';
import type { RiskReport } from '../../../functions/core/report/report-model.js';
import { sha256Hex } from '../../../functions/core/report/sha256.js';
import {
  createPipelineStack,
  FIXED_INSTANT,
  PIPELINE_AS_OF,
  type PipelineServers,
  type PipelineStack,
  referenceParamsText,
  startPipelineServers,
} from '../../support/pipeline.js';

let servers: PipelineServers;
beforeAll(async () => {
  servers = await startPipelineServers();
}, 30_000);
afterAll(async () => {
  await servers?.stop();
});

async function readArchived(stack: PipelineStack, runId: string, asOf = PIPELINE_AS_OF) {
  const json = await stack.reports.readReport({ asOf, runId }, 'json');
  const pdf = await stack.reports.readReport({ asOf, runId }, 'pdf');
  return { text: Buffer.from(json.bytes).toString('utf8'), pdf: pdf.bytes };
}

async function newStack(chunkTasks: number, cachePrepared = true) {
  const stack = await createPipelineStack(servers, { chunkTasks, cachePrepared });
  await stack.params.storeActiveParams(referenceParamsText(), FIXED_INSTANT);
  return stack;
}

const DAILY = { asOf: PIPELINE_AS_OF, reportType: 'daily', trigger: 'schedule' } as const;

/** An on-demand run of one scenario on a small book, not launched: the test runs its steps. */
async function requestStepByStepRun(stack: PipelineStack, clients: number) {
  await stack.loadSyntheticSnapshot({ clients });
  const { state } = await requestRun(
    { ...stack.deps, launcher: { launch: async () => {} } },
    { asOf: PIPELINE_AS_OF, reportType: 'on-demand', trigger: 'cli', scenarioIds: ['uniform-down-20'] },
  );
  return state;
}

describe('a daily run', () => {
  let stack: PipelineStack;
  let runId: string;
  let report: RiskReport;
  let reportText: string;
  let pdf: Uint8Array;

  beforeAll(async () => {
    await servers.ses.clear();
    // Every step prepares the calculation from the staged texts (no cache) …
    stack = await newStack(1, false);
    await stack.loadSyntheticSnapshot({ clients: 30 });
    const { state, created } = await requestRun(stack.deps, DAILY);
    expect(created).toBe(true);
    runId = state.runId;
    await stack.launcher.whenIdle();
    ({ text: reportText, pdf } = await readArchived(stack, runId));
    report = JSON.parse(reportText) as RiskReport;
  }, 60_000);
  afterAll(() => stack?.destroy());

  it('succeeds with every step timed, the report archived and the email recorded', async () => {
    const state = await stack.runs.get(runId);
    expect(state.status).toBe('succeeded');
    expect(runId).toMatch(/^2026-11-30-daily-[0-9a-f]{12}$/);
    // 3 scenarios × 4 regimes = 12 runs + 2 reverse-stress sides, one task per chunk.
    expect(state.chunks).toBe(14);
    expect(Object.keys(state.timings).sort()).toEqual(['compute', 'email', 'finish', 'publish', 'stage']);
    expect(state.report?.jsonKey).toBe(`reports/2026/11/30/${runId}/report.json`);
    expect(state.email?.pdf).toBe('attached');
    expect(report.identity).toMatchObject({
      runId,
      generatedAt: FIXED_INSTANT,
      codeVersion: 'test-1',
      asOf: PIPELINE_AS_OF,
    });
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });

  it("names the staged documents by their SHA-256, and its numbers are calculate()'s on them", async () => {
    const texts = Object.fromEntries(
      await Promise.all(
        (['book', 'market', 'params', 'scenarios'] as const).map(
          async (name) => [name, await stack.deps.staging.getText(runId, `${name}.json`)] as const,
        ),
      ),
    ) as Record<'book' | 'market' | 'params' | 'scenarios', string>;
    for (const name of ['book', 'market', 'params', 'scenarios'] as const)
      expect(report.identity.inputs[name].sha256).toBe(sha256Hex(texts[name]));
    expect(texts.params).toBe(referenceParamsText());

    const result = calculate({
      book: JSON.parse(texts.book),
      market: JSON.parse(texts.market),
      params: JSON.parse(texts.params),
      scenarios: JSON.parse(texts.scenarios),
    });
    expect(result.runs).toHaveLength(12);
    expect(report.summary.reverseStress).toEqual(result.reverseStress);
    expect(report.summary.insuranceFund).toBe(result.insuranceFund);
    for (const run of result.runs) {
      const reported = report.scenarios
        .find((s) => s.id === run.scenario)
        ?.runs.find((r) => r.regime === run.regime);
      expect(reported).toMatchObject({
        rounds: run.rounds,
        liquidatedUnits: run.liquidatedUnits,
        badDebt: run.badDebt,
        totalLoss: run.totalLoss,
        insuranceFundUsed: run.insuranceFundUsed,
        adl: run.adl,
      });
    }
    for (const line of report.margin) {
      expect(line.im).toBe(result.margin[line.regime]?.im);
      expect(line.mm).toBe(result.margin[line.regime]?.mm);
    }
    // The synthetic book liquidates something: the comparison is not between zeros.
    expect(result.runs.some((run) => run.liquidatedUnits > 0)).toBe(true);
  });

  it('sends one email with the PDF attached', async () => {
    const emails = await servers.ses.emails();
    expect(emails).toHaveLength(1);
    expect(emails[0]?.attachments.map((a) => a.filename)).toEqual(['marginfall-2026-11-30.pdf']);
    expect(Buffer.from(emails[0]!.attachments[0]!.content, 'base64').equals(Buffer.from(pdf))).toBe(true);
    expect(emails[0]?.body.text).toContain('The full report is attached (marginfall-2026-11-30.pdf,');
  });

  it('answers a second identical daily request with the same run: one report, one email', async () => {
    const again = await requestRun(stack.deps, { ...DAILY, trigger: 'api' });
    expect(again.created).toBe(false);
    expect(again.state.runId).toBe(runId);
    expect(again.state.status).toBe('succeeded');
    await stack.launcher.whenIdle();
    expect((await stack.reports.listDay(PIPELINE_AS_OF)).map((r) => r.runId)).toEqual([runId]);
    expect(await servers.ses.emails()).toHaveLength(1);
  });

  it('does not publish a second report when publish runs again, and a late failure changes nothing', async () => {
    const before = await stack.runs.get(runId);
    const output = await publishReport(stack.deps, { runId });
    expect(output.report).toEqual(before.report);
    const after = await failRun(stack.deps, {
      runId,
      step: 'email',
      error: { name: 'Error', message: 'late' },
    });
    expect(after).toEqual(before);
    expect(await stack.reports.listDay(PIPELINE_AS_OF)).toHaveLength(1);
  });

  it('gives byte-identical JSON and PDF with 50 tasks per chunk and a shared prepared calculation', async () => {
    // … while here the steps share one prepared calculation.
    const other = await newStack(50, true);
    try {
      await other.loadSyntheticSnapshot({ clients: 30 });
      const { state } = await requestRun(other.deps, DAILY);
      expect(state.runId).toBe(runId);
      await other.launcher.whenIdle();
      const done = await other.runs.get(runId);
      expect(done.status).toBe('succeeded');
      expect(done.chunks).toBe(3); // each reverse-stress side, then the 12 runs together
      const archived = await readArchived(other, runId);
      expect(archived.text).toBe(reportText);
      expect(Buffer.from(archived.pdf).equals(Buffer.from(pdf))).toBe(true);
    } finally {
      other.destroy();
    }
  }, 60_000);

  it("uses the previous day's daily report for day-over-day", async () => {
    const nextDay = '2026-12-01';
    await stack.loadSyntheticSnapshot({ clients: 30, asOf: nextDay, seed: 8 });
    const { state } = await requestRun(stack.deps, { ...DAILY, asOf: nextDay });
    await stack.launcher.whenIdle();
    expect((await stack.runs.get(state.runId)).status).toBe('succeeded');
    const next = JSON.parse((await readArchived(stack, state.runId, nextDay)).text) as RiskReport;
    expect(next.dayOverDay).not.toBeNull();
    expect(JSON.stringify(next.dayOverDay)).toContain(runId);
  }, 60_000);
});

describe('a narrowed run and a large PDF', () => {
  it('runs only the requested clients and regimes', async () => {
    const stack = await newStack(8);
    try {
      const { book } = await stack.loadSyntheticSnapshot({ clients: 12 });
      const ids = [book.book.clients[3]!.id, book.book.clients[7]!.id];
      const { state } = await requestRun(stack.deps, {
        asOf: PIPELINE_AS_OF,
        reportType: 'on-demand',
        trigger: 'api',
        clientIds: ids,
        regimes: ['standard', 'as-is'],
        scenarioIds: ['uniform-down-50'],
      });
      await stack.launcher.whenIdle();
      const done = await stack.runs.get(state.runId);
      expect(done.status).toBe('succeeded');
      expect(done.email).toBeUndefined(); // on-demand runs are not emailed
      const report = JSON.parse((await readArchived(stack, state.runId)).text) as RiskReport;
      expect(report.dataQuality.counts.find((c) => c.record === 'clients')).toMatchObject({ received: 2 });
      // The parameters' order, not the request's.
      expect(report.margin.map((m) => m.regime)).toEqual(['as-is', 'standard']);
      expect(report.scenarios.map((s) => s.id)).toEqual(['uniform-down-50']);
      const staged = JSON.parse(await stack.deps.staging.getText(state.runId, 'book.json'));
      expect(staged.clients.map((c: { id: string }) => c.id)).toEqual(ids);
    } finally {
      stack.destroy();
    }
  });

  it('links the PDF instead of attaching it when it is over the size limit', async () => {
    await servers.ses.clear();
    const stack = await createPipelineStack(servers, { emailMaxAttachmentBytes: 10_000 });
    try {
      await stack.params.storeActiveParams(referenceParamsText(), FIXED_INSTANT);
      await stack.loadSyntheticSnapshot({ clients: 5 });
      const { state } = await requestRun(stack.deps, DAILY);
      await stack.launcher.whenIdle();
      const done = await stack.runs.get(state.runId);
      expect(done.email?.pdf).toBe('linked');
      const emails = await servers.ses.emails();
      expect(emails).toHaveLength(1);
      expect(emails[0]?.attachments).toEqual([]);
      expect(emails[0]?.body.text).toContain(`https://reports.venue.example/${done.report?.pdfKey}`);
    } finally {
      stack.destroy();
    }
  });
});

describe('a run that cannot be published', () => {
  it('fails with the reason when the date has no snapshot, and archives nothing', async () => {
    const stack = await newStack(8);
    try {
      await servers.ses.clear();
      const { state } = await requestRun(stack.deps, DAILY);
      await stack.launcher.whenIdle();
      const failed = await stack.runs.get(state.runId);
      expect(failed.status).toBe('failed');
      expect(failed.failure).toEqual({
        step: 'stage',
        reason: 'NoPositionsError: no positions for asOf 2026-11-30: no snapshot was loaded for that date',
      });
      expect(failed.report).toBeUndefined();
      expect(await servers.s3.listKeys(stack.reportsBucket)).toEqual([]);
      expect(await servers.ses.emails()).toHaveLength(0);
      // A later failure report does not replace the first one.
      const again = await failRun(stack.deps, {
        runId: state.runId,
        step: 'publish',
        error: { name: 'X', message: 'y' },
      });
      expect(again).toEqual(failed);
    } finally {
      stack.destroy();
    }
  });

  it('retries a failed daily run only when asked: a new attempt publishes and emails once', async () => {
    const stack = await newStack(50);
    try {
      await servers.ses.clear();
      const first = await requestRun(stack.deps, DAILY);
      await stack.launcher.whenIdle();
      expect((await stack.runs.get(first.state.runId)).status).toBe('failed'); // no snapshot yet
      // The snapshot arrives late. A repeated trigger alone still answers with the failed run.
      await stack.loadSyntheticSnapshot({ clients: 10 });
      const repeated = await requestRun(stack.deps, DAILY);
      expect(repeated).toMatchObject({
        created: false,
        state: { runId: first.state.runId, status: 'failed' },
      });
      // An operator's retry starts attempt 2 under its own key; asking again finds that attempt.
      const retry = await requestRun(stack.deps, DAILY, { retryFailed: true });
      expect(retry.created).toBe(true);
      expect(retry.state.idempotencyKey).toBe(`${first.state.idempotencyKey}#attempt-2`);
      expect(retry.state.runId).not.toBe(first.state.runId);
      await stack.launcher.whenIdle();
      const again = await requestRun(stack.deps, DAILY, { retryFailed: true });
      expect(again).toMatchObject({
        created: false,
        state: { runId: retry.state.runId, status: 'succeeded' },
      });
      expect((await stack.reports.listDay(PIPELINE_AS_OF)).map((run) => run.runId)).toEqual([
        retry.state.runId,
      ]);
      expect(await servers.ses.emails()).toHaveLength(1);
    } finally {
      stack.destroy();
    }
  });

  it('refuses to publish while a chunk has no outputs', async () => {
    const stack = await newStack(4);
    try {
      const state = await requestStepByStepRun(stack, 10);
      const staged = await stageRun(stack.deps, { runId: state.runId });
      expect(staged.chunkIds).toEqual([0, 1, 2]); // down, up, the 4 runs
      await computeChunk(stack.deps, { runId: state.runId, chunkId: 0 });
      await computeChunk(stack.deps, { runId: state.runId, chunkId: 0 }); // a retry is harmless
      const error = await publishReport(stack.deps, { runId: state.runId }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChunkOutputsMissingError);
      expect((error as ChunkOutputsMissingError).chunkIds).toEqual([1, 2]);
      expect(await servers.s3.listKeys(stack.reportsBucket)).toEqual([]);
      expect((await stack.runs.get(state.runId)).report).toBeUndefined();
    } finally {
      stack.destroy();
    }
  });

  it('adopts the archived report when publish stopped after archiving it', async () => {
    const stack = await newStack(50);
    try {
      const state = await requestStepByStepRun(stack, 8);
      const { runId } = state;
      const staged = await stageRun(stack.deps, { runId });
      for (const chunkId of staged.chunkIds) await computeChunk(stack.deps, { runId, chunkId });
      // The process stops between the archive and the run record.
      const stopping: PipelineDeps = {
        ...stack.deps,
        runs: {
          create: (run) => stack.runs.create(run),
          get: (id) => stack.runs.get(id),
          listByAsOf: (asOf) => stack.runs.listByAsOf(asOf),
          update: async () => {
            throw new Error('process stopped');
          },
        },
      };
      await expect(publishReport(stopping, { runId })).rejects.toThrow('process stopped');
      const archived = await stack.reports.listDay(PIPELINE_AS_OF);
      expect(archived.map((r) => r.runId)).toEqual([runId]);
      expect((await stack.runs.get(runId)).report).toBeUndefined();
      const output = await publishReport(stack.deps, { runId });
      expect(output.report.jsonKey).toBe(archived[0]!.artifacts.json.key);
      expect((await stack.runs.get(runId)).report).toEqual(output.report);
      expect(await stack.reports.listDay(PIPELINE_AS_OF)).toHaveLength(1);
    } finally {
      stack.destroy();
    }
  });

  it('fails on unknown clients and scenarios, naming them', async () => {
    const stack = await newStack(8);
    try {
      await stack.loadSyntheticSnapshot({ clients: 5 });
      const onDemand = { asOf: PIPELINE_AS_OF, reportType: 'on-demand', trigger: 'api' } as const;
      const a = await requestRun(stack.deps, { ...onDemand, clientIds: ['C0000001', 'nobody', 'ghost'] });
      const b = await requestRun(stack.deps, {
        ...onDemand,
        scenarioIds: ['uniform-down-20', 'no-such-crash'],
      });
      await stack.launcher.whenIdle();
      expect((await stack.runs.get(a.state.runId)).failure).toEqual({
        step: 'stage',
        reason:
          'RunRequestInputError: run request: clientIds: no client nobody, ghost in the snapshot of 2026-11-30',
      });
      expect((await stack.runs.get(b.state.runId)).failure).toEqual({
        step: 'stage',
        reason: 'RunRequestInputError: run request: scenarioIds: no library scenario no-such-crash',
      });
    } finally {
      stack.destroy();
    }
  });
});

describe('a snapshot with a malformed item', () => {
  it("counts the item in the report's data quality: received = accepted + rejected", async () => {
    const stack = await newStack(8);
    try {
      const { book } = await stack.loadSyntheticSnapshot({ clients: 12 });
      const first = book.book.clients[0]!;
      const venue = 'venue-broken';
      // A subaccount item of a real client whose quantity is not a number.
      const shardCount = 4;
      const manifest = await stack.deps.positions.readSnapshot(PIPELINE_AS_OF);
      const loadId = (
        await stack.table.client.send(
          new GetItemCommand({
            TableName: stack.table.tableName,
            Key: { pk: { S: `SNAP#${PIPELINE_AS_OF}` }, sk: { S: 'MANIFEST' } },
          }),
        )
      ).Item?.loadId?.S;
      await stack.table.client.send(
        new PutItemCommand({
          TableName: stack.table.tableName,
          Item: {
            pk: { S: shardPartitionKey(PIPELINE_AS_OF, shardOf(first.id, shardCount)) },
            sk: { S: subaccountSortKey(first.id, venue) },
            entity: { S: 'subaccount' },
            schemaVersion: { N: '1' },
            asOf: { S: PIPELINE_AS_OF },
            loadId: { S: loadId ?? '' },
            clientId: { S: first.id },
            venue: { S: venue },
            clientSeq: { N: '0' },
            subaccountSeq: { N: '99' },
            marginMode: { S: 'standard' },
            collateral: { L: [] },
            positions: {
              L: [{ M: { type: { S: 'perp' }, asset: { S: 'BTC' }, qty: { S: 'lots' }, entry: { N: '1' } } }],
            },
          },
        }),
      );
      const subaccounts = manifest.stats.subaccountItems.received;
      const { state } = await requestRun(stack.deps, {
        asOf: PIPELINE_AS_OF,
        reportType: 'on-demand',
        trigger: 'cli',
        scenarioIds: ['uniform-down-20'],
      });
      await stack.launcher.whenIdle();
      expect((await stack.runs.get(state.runId)).status).toBe('succeeded');
      const report = JSON.parse((await readArchived(stack, state.runId)).text) as RiskReport;
      const line = report.dataQuality.counts.find((c) => c.record === 'subaccounts')!;
      expect(line.received).toBe(subaccounts + 1);
      expect(line.rejected).toBeGreaterThanOrEqual(1);
      expect(line.accepted + line.rejected).toBe(line.received);
      const listed = report.dataQuality.rejected.find((r) => r.path.includes('venue-broken'));
      expect(listed).toMatchObject({ document: 'book', clientId: first.id });
      expect(listed?.reason).toMatch(/^stored item rejected: .*qty/);
    } finally {
      stack.destroy();
    }
  });
});
