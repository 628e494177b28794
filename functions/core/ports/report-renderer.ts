/**
 * Port: drawing a finished report model — the PDF, and the email's HTML and text bodies. The
 * renderers live in templates/ (pdfkit); the core only hands over the model.
 */
import type { RiskReport } from '../report/report-model.js';
import type { EmailContent } from './report-mailer.js';

export interface ReportRenderer {
  /** Deterministic bytes for a fixed report (its generatedAt is the PDF's creation date). */
  renderPdf(report: RiskReport): Promise<Uint8Array>;
  /**
   * The email bodies. `links.reportUrl`, when given, is linked as the report's download; `pdf`
   * says whether the PDF travels attached (named and sized in the bodies) or not (the mailer
   * then adds its download link).
   */
  renderEmail(report: RiskReport, links: { readonly reportUrl?: string }, pdf?: EmailPdf): EmailContent;
}

/** How the daily email carries the PDF. */
export interface EmailPdf {
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly attached: boolean;
}
