/** The report renderer on the pdfkit PDF and the email templates (templates/). */
import { type PdfDelivery, renderReportEmail } from '../../templates/email/render-report-email.js';
import type { ReportFontFiles } from '../../templates/pdf/fonts.js';
import { renderReportPdf } from '../../templates/pdf/render-report-pdf.js';
import type { EmailContent } from '../core/ports/report-mailer.js';
import type { EmailPdf, ReportRenderer } from '../core/ports/report-renderer.js';
import type { RiskReport } from '../core/report/report-model.js';

export interface PdfkitReportRendererProps {
  /** TTF paths of the report fonts (e.g. `packagedFontFiles()` from templates/pdf/fonts.ts). */
  readonly fonts: ReportFontFiles;
}

export class PdfkitReportRenderer implements ReportRenderer {
  constructor(private readonly props: PdfkitReportRendererProps) {}

  async renderPdf(report: RiskReport): Promise<Uint8Array> {
    const buffer = await renderReportPdf(report, { fonts: this.props.fonts });
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }

  /** A PDF that is not attached is shown as `none` here: the mailer adds its download link paragraph. */
  renderEmail(report: RiskReport, links: { readonly reportUrl?: string }, pdf?: EmailPdf): EmailContent {
    const delivery: PdfDelivery =
      pdf === undefined
        ? { kind: 'none' }
        : pdf.attached
          ? { kind: 'attached', fileName: pdf.fileName, sizeBytes: pdf.sizeBytes }
          : links.reportUrl !== undefined
            ? { kind: 'link', url: links.reportUrl, sizeBytes: pdf.sizeBytes }
            : { kind: 'none' };
    const { subject, html, text } = renderReportEmail(report, { pdf: delivery });
    return { subject, html, text };
  }
}
