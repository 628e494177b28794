/**
 * Use case (step `publish`): assemble the calculation result from every chunk's outputs (all
 * of them, or no report at all), add the snapshot items the source rejected to its data
 * quality, compute the book exposure on the same prepared engine, build the report with the
 * previous business day's daily report for the day-over-day section, render the PDF, and
 * archive PDF, JSON and inputs. The run record then points at the archived files.
 *
 * Publishing twice never makes two reports: a run that already has its report returns it, and
 * a run the archive already lists (a step that stopped after archiving) is adopted as it is.
 */
import { assembleResult, type PreparedCalculation, type TaskOutput } from '../calculation/calculate.js';
import type { CalculationResult } from '../calculation/result.js';
import type { RecordCount } from '../model/rejection.js';
import {
  type PublishedRun,
  ReportAlreadyExistsError,
  type ReportArtifacts,
  ReportPublicationError,
  type ReportRun,
} from '../ports/report-store.js';
import { RunStateConflictError } from '../ports/run-state-store.js';
import { StagedObjectMissingError } from '../ports/staging-store.js';
import { computeBookExposureWith } from '../report/book-exposure.js';
import { buildRiskReport } from '../report/build-report.js';
import type { RiskReport } from '../report/report-model.js';
import { stringifyRiskReport } from '../report/serialize-report.js';
import { utf8Bytes } from '../report/sha256.js';
import type { PublishedReportRef, PublishOutput, RunRef, RunState } from './contracts.js';
import type { PipelineDeps } from './deps.js';
import { ChunkOutputsMissingError } from './pipeline-errors.js';
import { prepareStaged } from './prepared-cache.js';
import { elapsedMs } from './run-steps.js';
import {
  type ComputePlan,
  type DocumentTexts,
  putEmailContent,
  readChunkOutputs,
  readDocumentTexts,
  readPlan,
  readSourceRejections,
  type StagedSourceRejections,
} from './staged-run.js';

/** Status word of a published report in the archive's day index. */
export const PUBLISHED_STATUS = 'complete';

/** Every chunk's outputs, or `ChunkOutputsMissingError` naming the chunks without any. */
async function readAllOutputs(deps: PipelineDeps, runId: string, plan: ComputePlan): Promise<TaskOutput[]> {
  const settled = await Promise.allSettled(
    plan.chunks.map((_, id) => readChunkOutputs(deps.staging, runId, id)),
  );
  const missing: number[] = [];
  const outputs: TaskOutput[] = [];
  settled.forEach((outcome, id) => {
    if (outcome.status === 'fulfilled') outputs.push(...outcome.value);
    else if (outcome.reason instanceof StagedObjectMissingError) missing.push(id);
    else throw outcome.reason;
  });
  if (missing.length > 0) throw new ChunkOutputsMissingError(runId, missing);
  return outputs;
}

function addCount(a: RecordCount, b: RecordCount): RecordCount {
  return {
    received: a.received + b.received,
    accepted: a.accepted + b.accepted,
    rejected: a.rejected + b.rejected,
  };
}

/**
 * The result with the source's rejected items listed first and counted: for each kind,
 * received = items read (by the source) and rejected = refused by the source or the calculation.
 */
export function withSourceRejections(
  result: CalculationResult,
  source: StagedSourceRejections,
): CalculationResult {
  if (source.rejected.length === 0) return result;
  const quality = result.dataQuality;
  return {
    ...result,
    rejected: [...source.rejected, ...result.rejected],
    dataQuality: {
      ...quality,
      marketAssets: addCount(quality.marketAssets, source.counts.marketAssets),
      clients: addCount(quality.clients, source.counts.clients),
      subaccounts: addCount(quality.subaccounts, source.counts.subaccounts),
    },
  };
}

/** Headline figures for the archive's day index: the headline regime's worst run and cover. */
function headlineOf(report: RiskReport): Record<string, number | string> {
  const { summary } = report;
  const worst = summary.worstByRegime.find((w) => w.regime === summary.headlineRegime);
  const cover = summary.cover.find((c) => c.regime === summary.headlineRegime);
  const headline: Record<string, number | string> = {
    regime: summary.headlineRegime,
    insuranceFundUsd: summary.insuranceFund,
  };
  if (worst) {
    headline.worstBadDebtUsd = worst.badDebt;
    headline.worstScenario = worst.scenario;
  }
  if (cover?.coverageRatio != null) headline.coverageRatio = cover.coverageRatio;
  if (summary.reverseStress.down !== null) headline.reverseStressDown = summary.reverseStress.down;
  return headline;
}

/**
 * inputs.json: what the run was asked, the digests and sizes of the four documents, and the
 * market, parameters and scenarios in full. The book is named by its digest only: it can be
 * hundreds of MB, and the snapshot it came from stays in the table for its retention.
 */
function inputsDocument(
  state: RunState,
  texts: DocumentTexts,
  plan: ComputePlan,
  prepared: PreparedCalculation,
) {
  const { paramsOverride: _override, inlineScenarios: _inline, ...request } = state.request;
  const size = (text: string) => utf8Bytes(text).length;
  return `${JSON.stringify(
    {
      schemaVersion: 1,
      runId: state.runId,
      asOf: state.asOf,
      reportType: state.reportType,
      trigger: state.trigger,
      requestedAt: state.requestedAt,
      request,
      documents: {
        book: {
          sha256: plan.digests.book,
          bytes: size(texts.book),
          clients: prepared.inputs.book.clients.length,
        },
        market: { sha256: plan.digests.market, bytes: size(texts.market) },
        params: { sha256: plan.digests.params, bytes: size(texts.params) },
        scenarios: { sha256: plan.digests.scenarios, bytes: size(texts.scenarios) },
      },
      market: JSON.parse(texts.market),
      params: JSON.parse(texts.params),
      scenarios: JSON.parse(texts.scenarios),
    },
    null,
    2,
  )}\n`;
}

/** Archives the run, or finds it in the archive when an earlier attempt got it published. */
async function archiveRun(
  deps: PipelineDeps,
  run: ReportRun,
  artifacts: ReportArtifacts,
): Promise<PublishedRun> {
  try {
    return await deps.reports.putRunArtifacts(run, artifacts);
  } catch (error) {
    const published =
      error instanceof ReportAlreadyExistsError ||
      (error instanceof ReportPublicationError && error.published);
    if (!published) throw error;
    const listed = (await deps.reports.listDay(run.asOf)).find((entry) => entry.runId === run.runId);
    if (listed === undefined) throw error;
    return listed;
  }
}

function refOf(published: PublishedRun): PublishedReportRef {
  return {
    pdfKey: published.artifacts.pdf.key,
    jsonKey: published.artifacts.json.key,
    inputsKey: published.artifacts.inputs.key,
    headline: { ...published.headline },
  };
}

export function pdfFileName(asOf: string): string {
  return `marginfall-${asOf}.pdf`;
}

export async function publishReport(deps: PipelineDeps, input: RunRef): Promise<PublishOutput> {
  const started = deps.clock.nowIso();
  const state = await deps.runs.get(input.runId);
  const { runId, asOf, reportType } = state;
  if (state.report !== undefined) return { runId, reportType, report: state.report };
  if (state.status !== 'running') throw new RunStateConflictError(runId, ['running'], state.status);

  const [plan, texts, source] = await Promise.all([
    readPlan(deps.staging, runId),
    readDocumentTexts(deps.staging, runId),
    readSourceRejections(deps.staging, runId),
  ]);
  const outputs = await readAllOutputs(deps, runId, plan);
  const prepared = await prepareStaged(deps.preparedCalculations, runId, plan.digests, () => texts);
  const result = withSourceRejections(assembleResult(prepared, outputs), source);
  const generatedAt = deps.clock.nowIso();
  const report = buildRiskReport({
    result,
    exposure: computeBookExposureWith(prepared.engine),
    params: prepared.inputs.params,
    scenarios: prepared.inputs.scenarios,
    identity: {
      runId,
      generatedAt,
      codeVersion: deps.codeVersion,
      ...(deps.classification === undefined ? {} : { classification: deps.classification }),
      inputDigests: plan.digests,
    },
    previous: await deps.previousReport(asOf),
  });
  const pdf = await deps.renderer.renderPdf(report);
  const published = await archiveRun(
    deps,
    {
      asOf,
      runId,
      generatedAt,
      status: PUBLISHED_STATUS,
      headline: headlineOf(report),
      inputHashes: { ...plan.digests },
    },
    {
      pdf,
      json: utf8Bytes(stringifyRiskReport(report)),
      inputs: utf8Bytes(inputsDocument(state, texts, plan, prepared)),
    },
  );
  if (reportType === 'daily') {
    const content = deps.renderer.renderEmail(
      report,
      {},
      {
        fileName: pdfFileName(asOf),
        sizeBytes: pdf.byteLength,
        attached: pdf.byteLength <= deps.emailMaxAttachmentBytes,
      },
    );
    await putEmailContent(deps.staging, runId, content);
  }
  const ref = refOf(published);
  const finished = deps.clock.nowIso();
  const stageMs = state.timings.stage ?? 0;
  const computeMs =
    state.startedAt === undefined ? undefined : Math.max(0, elapsedMs(state.startedAt, started) - stageMs);
  await deps.runs.update(runId, ['running'], {
    report: ref,
    timings: {
      ...state.timings,
      ...(computeMs === undefined || state.timings.compute !== undefined ? {} : { compute: computeMs }),
      publish: elapsedMs(started, finished),
    },
  });
  return { runId, reportType, report: ref };
}
