/**
 * The day-over-day input of the report: the previous business day's published daily report,
 * read from the report archive (its bytes checked against the published SHA-256) and parsed
 * with the published report schema.
 */
import { riskReportSchema } from '../../templates/report-schema.js';
import { epochDay, isoDateFromEpochDay, parseIsoDate } from '../core/dates.js';
import { MarginfallError } from '../core/errors.js';
import type { ReportStore } from '../core/ports/report-store.js';
import type { RiskReport } from '../core/report/report-model.js';
import { describeIssues } from './dynamodb-items.js';

/** An archived report that does not parse as a report of this schema. */
export class ArchivedReportInvalidError extends MarginfallError {
  override readonly name = 'ArchivedReportInvalidError';
  constructor(
    readonly asOf: string,
    readonly runId: string,
    readonly reason: string,
  ) {
    super(`archived report ${runId} of ${asOf} is unusable: ${reason}`);
  }
}

/** Daily run ids carry `-daily-` after their asOf (functions/core/pipeline/request-run.ts). */
function isDailyRun(asOf: string, runId: string): boolean {
  return runId.startsWith(`${asOf}-daily-`);
}

/**
 * The latest daily run published for the calendar day before `asOf` (crypto trades every day),
 * parsed; null when there is none.
 */
export async function readPreviousDailyReport(
  reports: ReportStore,
  asOf: string,
): Promise<RiskReport | null> {
  const date = parseIsoDate(asOf);
  if (date === undefined) throw new RangeError(`asOf must be a date YYYY-MM-DD, got ${asOf}`);
  const previous = isoDateFromEpochDay(epochDay(date) - 1);
  const runs = (await reports.listDay(previous)).filter((run) => isDailyRun(previous, run.runId));
  const latest = runs.at(-1); // listDay is oldest generatedAt first
  if (latest === undefined) return null;
  const stored = await reports.readReport({ asOf: previous, runId: latest.runId }, 'json');
  let plain: unknown;
  try {
    plain = JSON.parse(Buffer.from(stored.bytes).toString('utf8'));
  } catch (error) {
    throw new ArchivedReportInvalidError(previous, latest.runId, `not JSON: ${(error as Error).message}`);
  }
  const parsed = riskReportSchema.safeParse(plain);
  if (!parsed.success)
    throw new ArchivedReportInvalidError(previous, latest.runId, describeIssues(parsed.error.issues));
  return parsed.data as unknown as RiskReport;
}
