/** The report renderer on the pdfkit PDF and the email templates (templates/). */

import type { ReportFontFiles } from '../../templates/pdf/fonts.js';
import type { EmailContent } from '../core/ports/report-mailer.js';
import type { ReportRenderer } from '../core/ports/report-renderer.js';
import type { RiskReport } from '../core/report/report-model.js';

export interface PdfkitReportRendererProps {
  /** TTF paths of the report fonts (e.g. `packagedFontFiles()` from templates/pdf/fonts.ts). */
  readonly fonts: ReportFontFiles;
}

export class PdfkitReportRenderer implements ReportRenderer {
  constructor(private readonly props: PdfkitReportRendererProps) {}
  async renderPdf(report: RiskReport): Promise<Uint8Array> {
    void this.props;
    void report;
    throw new Error('not implemented');
  }
  renderEmail(report: RiskReport, links: { readonly reportUrl: string }): EmailContent {
    void report;
    void links;
    throw new Error('not implemented');
  }
}
