/**
 * Port: drawing a finished report model — the PDF, and the email's HTML and text bodies. The
 * renderers live in templates/ (pdfkit); the core only hands over the model.
 */
import type { RiskReport } from '../report/report-model.js';
import type { EmailContent } from './report-mailer.js';

export interface ReportRenderer {
  /** Deterministic bytes for a fixed report (its generatedAt is the PDF's creation date). */
  renderPdf(report: RiskReport): Promise<Uint8Array>;
  renderEmail(report: RiskReport, links: { readonly reportUrl: string }): EmailContent;
}
