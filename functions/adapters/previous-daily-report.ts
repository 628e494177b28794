/**
 * The day-over-day input of the report: the previous business day's published daily report,
 * read from the report archive and checked against the published report schema.
 */
import type { ReportStore } from '../core/ports/report-store.js';
import type { RiskReport } from '../core/report/report-model.js';

/**
 * The latest daily run published for the calendar day before `asOf` (crypto trades every day),
 * parsed; null when there is none.
 */
export async function readPreviousDailyReport(
  reports: ReportStore,
  asOf: string,
): Promise<RiskReport | null> {
  void reports;
  void asOf;
  throw new Error('not implemented');
}
