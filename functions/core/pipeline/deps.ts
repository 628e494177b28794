/**
 * What the pipeline's use cases need: the ports (functions/core/ports/) and the deployment's
 * settings. Built once per process by functions/shared/compose.ts (AWS, CLI) or by the local
 * mode and tests; every use case takes the whole object and uses what it needs.
 */
import type { Clock } from '../ports/clock.js';
import type { ParamsSource } from '../ports/params-source.js';
import type { PositionSource } from '../ports/position-source.js';
import type { ReportMailer } from '../ports/report-mailer.js';
import type { ReportRenderer } from '../ports/report-renderer.js';
import type { ReportStore } from '../ports/report-store.js';
import type { RunLauncher } from '../ports/run-launcher.js';
import type { RunStateStore } from '../ports/run-state-store.js';
import type { StagingStore } from '../ports/staging-store.js';
import type { RiskReport } from '../report/report-model.js';
import type { PublishedReportRef } from './contracts.js';
import type { PreparedCalculationCache } from './prepared-cache.js';

/** A published run's files, with the business date and run id they are filed under. */
export interface PublishedRunFiles extends PublishedReportRef {
  readonly asOf: string;
  readonly runId: string;
}

export interface PipelineDeps {
  readonly runs: RunStateStore;
  readonly staging: StagingStore;
  readonly positions: PositionSource;
  readonly params: ParamsSource;
  readonly reports: ReportStore;
  readonly renderer: ReportRenderer;
  readonly mailer: ReportMailer;
  readonly launcher: RunLauncher;
  readonly clock: Clock;
  /**
   * The published daily report of the business day before `asOf` (the latest daily run of
   * that date), parsed and checked against the published schema; null when there is none.
   * Adapters: `readPreviousDailyReport` in functions/adapters/previous-daily-report.ts.
   */
  readonly previousReport: (asOf: string) => Promise<RiskReport | null>;
  /** An authenticated download URL of a published run's PDF (presigned in AWS). */
  readonly reportUrl: (ref: PublishedRunFiles) => Promise<string>;
  /** A fresh, URL-safe suffix for an on-demand run id (`[a-z0-9]{1,32}`). */
  readonly newRunSuffix: () => string;
  /** Calculation tasks per compute chunk, ≥ 1 (the reverse-stress sides always get a chunk each). */
  readonly chunkTasks: number;
  /** Version of the deployed code, printed in the report identity. */
  readonly codeVersion: string;
  /** Classification line of the report; default `DEFAULT_CLASSIFICATION` (core/report/build-report.ts). */
  readonly classification?: string;
  /** Library scenario ids run when a request names none and carries no inline scenario. */
  readonly defaultScenarioIds: readonly string[];
  /** Largest PDF attached to the daily email, in bytes; a larger one is linked. */
  readonly emailMaxAttachmentBytes: number;
  /**
   * Prepared calculations reused between the steps of a run in this process (a long-lived
   * process or a warm Lambda); absent = every step prepares its own.
   */
  readonly preparedCalculations?: PreparedCalculationCache;
}
