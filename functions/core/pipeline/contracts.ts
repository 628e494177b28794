/**
 * The daily and on-demand report pipeline: what a run is, and what each step of the state
 * machine takes and returns. The same steps run in AWS (Step Functions → one Lambda per step,
 * the compute step in a Map) and in the local mode (in process, same order). Step payloads are
 * small pointers and counts (Step Functions caps a payload at 256 KB): documents and task
 * outputs live in the staging store.
 *
 * Order: stage → compute (one per chunk, in parallel) → publish → email (daily only) → finish;
 * any step failing → fail.
 */
import type { Regime } from '../model/params.js';

/** Who asked for the run. */
export type RunTrigger = 'schedule' | 'api' | 'backfill' | 'cli';

/** `daily` runs are the scheduled end-of-day report (emailed); `on-demand` runs are not emailed. */
export type ReportType = 'daily' | 'on-demand';

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** What a caller asks for. Absent fields take the deployment's defaults. */
export interface RunRequest {
  /** Business date `YYYY-MM-DD` whose end-of-day snapshot is used. */
  readonly asOf: string;
  readonly reportType: ReportType;
  readonly trigger: RunTrigger;
  /** Library scenario ids (functions/core/scenarios/library.ts); absent and no inline = the daily set. */
  readonly scenarioIds?: readonly string[];
  /** Scenario objects in the MODEL.md §8 form, run after the library ones. */
  readonly inlineScenarios?: readonly unknown[];
  /** Regimes to run, in the parameters' order; absent = all four. */
  readonly regimes?: readonly Regime[];
  /** Only these clients' positions (ids as in the book); absent = the whole book. */
  readonly clientIds?: readonly string[];
  /** A whole risk-parameter document (MODEL.md §8) replacing the active one for this run. */
  readonly paramsOverride?: unknown;
}

/** Milliseconds per step, keyed by step name. */
export type StepTimings = Readonly<Partial<Record<PipelineStepName, number>>>;

export type PipelineStepName = 'stage' | 'compute' | 'publish' | 'email' | 'finish';

export const PIPELINE_STEPS: readonly PipelineStepName[] = ['stage', 'compute', 'publish', 'email', 'finish'];

/** Where a published run's files are in the report archive (keys of the reports bucket). */
export interface PublishedReportRef {
  readonly pdfKey: string;
  readonly jsonKey: string;
  readonly inputsKey: string;
  /** Headline figures, as listed in the day's index. */
  readonly headline: Readonly<Record<string, number | string>>;
}

/** The stored state of one run: what the API shows and what makes a trigger idempotent. */
export interface RunState {
  /** Unique, URL-safe, and it encodes `asOf` so that `get(runId)` needs nothing else. */
  readonly runId: string;
  readonly asOf: string;
  readonly reportType: ReportType;
  readonly trigger: RunTrigger;
  /**
   * Two triggers with the same key are one run. Daily: `daily#<asOf>#<paramsVersion>`;
   * on-demand: `on-demand#<runId>` (every API call is a new run).
   */
  readonly idempotencyKey: string;
  readonly status: RunStatus;
  readonly request: RunRequest;
  /** ISO-8601 UTC instants. */
  readonly requestedAt: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly timings: StepTimings;
  /** Chunks planned by the stage step (0 before it ran). */
  readonly chunks: number;
  readonly report?: PublishedReportRef;
  /** Set once the daily email is accepted by the mail service (so a retried step sends nothing). */
  readonly email?: { readonly messageId: string; readonly pdf: 'attached' | 'linked' };
  readonly failure?: { readonly step: PipelineStepName; readonly reason: string };
}

// ─── step payloads (Step Functions state between the Lambdas) ───

export interface RunRef {
  readonly runId: string;
}

/** Output of `stage`: the Map iterates over `chunkIds`. */
export interface StageOutput extends RunRef {
  readonly asOf: string;
  readonly reportType: ReportType;
  /** 0 … chunks − 1. */
  readonly chunkIds: readonly number[];
  readonly taskCount: number;
}

export interface ComputeInput extends RunRef {
  readonly chunkId: number;
}

export interface ComputeOutput extends RunRef {
  readonly chunkId: number;
  readonly tasks: number;
  readonly ms: number;
}

export interface PublishOutput extends RunRef {
  readonly reportType: ReportType;
  readonly report: PublishedReportRef;
}

/** What the fail step receives from a Catch: the step and the error's name and message. */
export interface FailInput extends RunRef {
  readonly step: PipelineStepName;
  readonly error: { readonly name: string; readonly message: string };
}
