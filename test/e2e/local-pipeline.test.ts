/**
 * The whole pipeline end to end on the local stack (dynalite, s3rver, aws-ses-v2-local): a
 * seeded 300-client book, the daily job through the daily-run handler as the scheduler
 * triggers it, an on-demand run through the local API Gateway and the api handler, and then
 * every server stopped with nothing left behind.
 *
 * The tests run in order and share one stack (one composition per process, as in a Lambda).
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculate } from '../../functions/core/calculation/calculate.js';
import type { CalculationResult } from '../../functions/core/calculation/result.js';
import type { PipelineStepName } from '../../functions/core/pipeline/contracts.js';
import { generateSyntheticBook } from '../../functions/core/synthetic/generate-book.js';
import type { ApiGatewayServer } from '../../functions/local/api-gateway-server.js';
import { DEFAULT_PARAMS_FILE } from '../../functions/local/local-data.js';
import { startLocalApi, triggerDailyRun, whenRunsIdle } from '../../functions/local/local-handlers.js';
import { type LocalSession, openLocalSession } from '../../functions/local/local-mode.js';
import { LOCAL_RESOURCES } from '../../functions/local/local-stack.js';
import { type RiskReportDocument, riskReportSchema } from '../../templates/report-schema.js';
import type { StoredEmail } from '../support/ses.js';
import { readPdfText } from '../templates/pdf-text-boxes.js';

const AS_OF = '2026-11-30';
const SEED = 'e2e-local-pipeline';
const CLIENTS = 300;

let session: LocalSession;
let api: ApiGatewayServer;
let dailyRunId = '';

beforeAll(async () => {
  session = await openLocalSession({ dynamodbMode: 'in-process' });
  await session.prepareBook({ asOf: AS_OF, clients: CLIENTS, seed: SEED });
  api = await startLocalApi({ port: 0, preferredPort: 0 });
}, 60_000);

afterAll(async () => {
  // Normally done by the last test, which checks it; here only if a test failed before it.
  await api?.stop();
  await session?.close();
});

async function emails(): Promise<StoredEmail[]> {
  const response = await fetch(`${session.stack.endpoints.ses}/store`);
  return ((await response.json()) as { emails: StoredEmail[] }).emails;
}

async function readArtifacts(runId: string) {
  const ref = { asOf: AS_OF, runId };
  const [pdf, json, inputs] = await Promise.all([
    session.reports.readReport(ref, 'pdf'),
    session.reports.readReport(ref, 'json'),
    session.reports.readReport(ref, 'inputs'),
  ]);
  const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');
  return {
    pdf: pdf.bytes,
    report: riskReportSchema.parse(JSON.parse(text(json.bytes))),
    inputs: JSON.parse(text(inputs.bytes)) as { scenarios: unknown; params: unknown },
  };
}

/** Every figure of the report that the calculation produces, checked against `calculate()`. */
function expectReportMatches(report: RiskReportDocument, result: CalculationResult): void {
  expect(report.summary.insuranceFund).toBe(result.insuranceFund);
  expect(report.summary.reverseStress).toEqual(result.reverseStress);
  expect(report.margin.map((line) => line.regime)).toEqual(Object.keys(result.margin));
  for (const line of report.margin) {
    const block = result.margin[line.regime]!;
    expect([line.units, line.im, line.mm, line.marginCalledUnits, line.liquidatableUnits]).toEqual([
      block.units,
      block.im,
      block.mm,
      block.marginCalled,
      block.liquidatable,
    ]);
  }
  const runs = report.scenarios.flatMap((scenario) => scenario.runs.map((run) => ({ id: scenario.id, run })));
  expect(runs).toHaveLength(result.runs.length);
  for (const { id, run } of runs) {
    const expected = result.runs.find((each) => each.scenario === id && each.regime === run.regime);
    expect(expected, `${id} ${run.regime}`).toBeDefined();
    const figures = (r: typeof run | CalculationResult['runs'][number]) => [
      r.rounds,
      r.marginCalled,
      r.liquidatedUnits,
      r.badDebt,
      r.insuranceFundUsed,
      r.adl,
      r.cover1,
      r.cover2,
      r.totalLoss,
    ];
    expect(figures(run), `${id} ${run.regime}`).toEqual(figures(expected!));
  }
}

describe('local pipeline, end to end', () => {
  it('runs the scheduled daily job: report archived, JSON equal to calculate(), PDF emailed', async () => {
    const trigger = await triggerDailyRun(AS_OF);
    expect(trigger.created).toBe(true);
    expect(trigger.asOf).toBe(AS_OF);
    dailyRunId = trigger.runId;
    expect(dailyRunId).toMatch(/^2026-11-30-daily-[0-9a-f]{12}$/);

    const steps: PipelineStepName[] = [];
    const state = await session.waitForRun(dailyRunId, ({ step }) => steps.push(step));
    expect(state.failure).toBeUndefined();
    expect(state.status).toBe('succeeded');
    expect(steps).toEqual(['stage', 'compute', 'publish', 'email', 'finish']);
    expect(state.chunks).toBeGreaterThan(1);

    const listed = await session.reports.listDay(AS_OF);
    expect(listed.map((run) => run.runId)).toEqual([dailyRunId]);
    const { pdf, report, inputs } = await readArtifacts(dailyRunId);

    expect(report.identity.runId).toBe(dailyRunId);
    expect(report.identity.asOf).toBe(AS_OF);
    expect(report.identity.paramsVersion).toBe('reference-1');
    expect(report.dataQuality.counts.find((line) => line.record === 'clients')).toMatchObject({
      received: CLIENTS,
      accepted: CLIENTS,
      rejected: 0,
    });

    // The same documents through the calculator directly: the book and market the seed draws,
    // the default parameters, and the scenarios the run recorded in its inputs.
    const { book, market } = generateSyntheticBook({ clients: CLIENTS, seed: SEED, asOf: AS_OF });
    const params = JSON.parse(await readFile(DEFAULT_PARAMS_FILE, 'utf8')) as unknown;
    expect(inputs.params).toEqual(params);
    const result = calculate({ book, market, params, scenarios: inputs.scenarios });
    expectReportMatches(report, result);

    const pdfText = await readPdfText(pdf);
    expect(pdfText.pages).toBeGreaterThan(1);
    const allText = pdfText.pageTexts.join(' ');
    expect(allText).toContain(dailyRunId);
    expect(allText).toContain('2026');
    const worst = report.summary.worstByRegime[0]!;
    expect(allText).toContain(worst.scenarioName.slice(0, 20));

    const mail = await emails();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.destination.to).toEqual([LOCAL_RESOURCES.emailTo]);
    expect(mail[0]!.subject).toContain(AS_OF);
    const attachments = mail[0]!.attachments.filter((file) => file.contentType === 'application/pdf');
    expect(attachments).toHaveLength(1);
    expect(Buffer.from(attachments[0]!.content, 'base64').equals(Buffer.from(pdf))).toBe(true);
    expect(state.email?.pdf).toBe('attached');
  });

  it('a second identical scheduled trigger starts nothing: no second report, no second email', async () => {
    const again = await triggerDailyRun(AS_OF);
    expect(again).toEqual({ runId: dailyRunId, asOf: AS_OF, created: false });
    await whenRunsIdle();
    expect((await session.reports.listDay(AS_OF)).map((run) => run.runId)).toEqual([dailyRunId]);
    expect(await emails()).toHaveLength(1);
    expect((await session.runs.listByAsOf(AS_OF)).map((run) => run.runId)).toEqual([dailyRunId]);
  });

  it('POST /runs through the local API makes an on-demand run that GET /runs/{runId} follows to its report', async () => {
    const created = await fetch(`${api.url}/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ asOf: AS_OF }),
    });
    expect(created.status).toBe(202);
    const { runId, statusUrl } = (await created.json()) as { runId: string; statusUrl: string };
    expect(runId).toMatch(/^2026-11-30-adhoc-[a-z0-9]+$/);
    expect(statusUrl).toBe(`${api.url}/runs/${runId}`);

    let run: { status: string; reportType: string; report?: { headline: Record<string, unknown> } };
    const deadline = Date.now() + 60_000;
    do {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const response = await fetch(statusUrl);
      expect(response.status).toBe(200);
      run = (await response.json()) as typeof run;
    } while ((run.status === 'queued' || run.status === 'running') && Date.now() < deadline);
    expect(run.status).toBe('succeeded');
    expect(run.reportType).toBe('on-demand');

    const listed = (await session.reports.listDay(AS_OF)).map((entry) => entry.runId);
    expect(listed.sort()).toEqual([dailyRunId, runId].sort());
    const daily = await readArtifacts(dailyRunId);
    const onDemand = await readArtifacts(runId);
    // Same inputs, same figures: only the identity and the generation time differ.
    expect(onDemand.report.scenarios).toEqual(daily.report.scenarios);
    expect(onDemand.report.summary).toEqual(daily.report.summary);
    expect(run.report?.headline.worstBadDebtUsd).toBe(daily.report.summary.worstByRegime[0]!.badDebt);
    expect(await emails()).toHaveLength(1); // on-demand reports are not emailed
  });

  it('stops every server and leaves no child process, listener or connection behind', async () => {
    const endpoints = [...Object.values(session.stack.endpoints), api.url];
    await api.stop();
    await session.close();
    for (const endpoint of endpoints) {
      await expect(fetch(endpoint), endpoint).rejects.toThrow();
    }
    const ports = new Set(endpoints.map((endpoint) => Number(new URL(endpoint).port)));
    const leftovers = () =>
      (process as unknown as { _getActiveHandles(): object[] })._getActiveHandles().filter((handle) => {
        const kind = handle.constructor.name;
        if (kind === 'ChildProcess') return true;
        if (kind === 'Server') return (handle as { listening?: boolean }).listening === true;
        if (kind === 'Socket') {
          const socket = handle as { remotePort?: number; localPort?: number; destroyed?: boolean };
          return (
            !socket.destroyed && (ports.has(socket.remotePort ?? -1) || ports.has(socket.localPort ?? -1))
          );
        }
        return false;
      });
    // Closed sockets leave the handle list on the next turns of the event loop.
    const deadline = Date.now() + 5_000;
    while (leftovers().length > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(leftovers().map((handle) => handle.constructor.name)).toEqual([]);
  });
});
