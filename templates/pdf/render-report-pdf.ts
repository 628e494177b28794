/**
 * The PDF risk report: cover, contents, body sections, methodology appendix; a running header,
 * and a footer with the as-of date, run id, input digest and "page n of N" on every page.
 *
 * Rendered to a Buffer; nothing is written to disk and only the font files are read. The
 * document's CreationDate and ModDate are the report's generatedAt, and nothing else varies,
 * so the same report renders to the same bytes.
 */
import PDFDocument from 'pdfkit';
import type { RiskReport } from '../../functions/core/report/report-model.js';
import { formatCount, shortDigest } from './figures.js';
import {
  type FontName,
  loadFont,
  type ParsedFont,
  packagedFontFiles,
  type ReportFontFiles,
} from './fonts.js';
import { type Anchor, type Doc, drawLine, fitLine, lineHeight, paginate, widthOf } from './layout.js';
import { reportBody } from './sections.js';
import {
  ACCENT,
  ALERT,
  BODY_BOTTOM,
  BODY_TOP,
  CONTENT_WIDTH,
  FOOTER_Y,
  HEADER_Y,
  INK,
  MARGIN,
  MUTED,
  PAGE,
  RULE,
  STYLES,
} from './theme.js';

export interface RenderReportPdfOptions {
  /** TTF paths; defaults to the DejaVu files of the installed dejavu-fonts-ttf package. */
  readonly fonts?: ReportFontFiles;
}

export const REPORT_TITLE = 'Margin-contagion stress report';

const CONTENTS_LINE = 17;

function newPage(doc: Doc): void {
  // Zero margins: pdfkit's automatic page break can never fire (see layout.ts).
  doc.addPage({ size: [PAGE.width, PAGE.height], margins: { top: 0, bottom: 0, left: 0, right: 0 } });
}

function drawRunningHeader(doc: Doc, report: RiskReport): void {
  const style = STYLES.footer;
  const right = report.identity.classification;
  const rightWidth = Math.min(widthOf(doc, right, style), CONTENT_WIDTH / 2);
  const left = fitLine(
    doc,
    `Marginfall · ${REPORT_TITLE} · as of ${report.identity.asOf}`,
    style,
    CONTENT_WIDTH - rightWidth - 12,
  );
  drawLine(doc, left, MARGIN.left, HEADER_Y, style);
  drawLine(doc, fitLine(doc, right, style, rightWidth), MARGIN.left, HEADER_Y, style, {
    width: CONTENT_WIDTH,
    align: 'right',
  });
  const y = HEADER_Y + lineHeight(doc, style) + 3;
  doc
    .moveTo(MARGIN.left, y)
    .lineTo(PAGE.width - MARGIN.right, y)
    .lineWidth(0.4)
    .strokeColor(RULE)
    .stroke();
}

function drawFooter(doc: Doc, report: RiskReport, page: number, total: number): void {
  const style = STYLES.footer;
  doc
    .moveTo(MARGIN.left, FOOTER_Y - 5)
    .lineTo(PAGE.width - MARGIN.right, FOOTER_Y - 5)
    .lineWidth(0.4)
    .strokeColor(RULE)
    .stroke();
  const pageLabel = `Page ${page} of ${total}`;
  const pageWidth = widthOf(doc, pageLabel, style);
  const id = report.identity;
  const left = fitLine(
    doc,
    `As of ${id.asOf} · run ${id.runId} · inputs SHA-256 ${shortDigest(id.inputsDigest)}`,
    style,
    CONTENT_WIDTH - pageWidth - 12,
  );
  drawLine(doc, left, MARGIN.left, FOOTER_Y, style);
  drawLine(doc, pageLabel, MARGIN.left, FOOTER_Y, style, { width: CONTENT_WIDTH, align: 'right' });
}

function drawCover(doc: Doc, report: RiskReport): void {
  const id = report.identity;
  const x = MARGIN.left;
  doc.rect(0, 0, PAGE.width, 250).fill(ACCENT);
  drawLine(doc, 'MARGINFALL', x, 70, { font: 'bold', size: 11, color: '#cfe0f1' });
  doc.font('bold').fontSize(28).fillColor('#ffffff');
  doc.text(REPORT_TITLE, x, 100, { width: CONTENT_WIDTH, lineGap: 2 });
  drawLine(doc, `As of ${id.asOf}`, x, 195, { font: 'bold', size: 18, color: '#ffffff' });

  const classification = { font: 'bold' as FontName, size: 11, color: ALERT };
  const label = fitLine(doc, id.classification.toUpperCase(), classification, CONTENT_WIDTH - 20);
  doc.rect(x, 285, CONTENT_WIDTH, 28).lineWidth(1.2).strokeColor(ALERT).stroke();
  drawLine(doc, label, x, 285 + (28 - lineHeight(doc, classification)) / 2 + 1, classification, {
    width: CONTENT_WIDTH,
    align: 'center',
  });

  const rows: [string, string, boolean][] = [
    ['Valuation date (as of)', id.asOf, false],
    ['Generated at', id.generatedAt, false],
    ['Run id', id.runId, true],
    ['Code version', id.codeVersion, false],
    ['Model specification', `v${id.modelVersion}`, false],
    ['Risk parameters', id.paramsVersion, false],
    ['Scenarios', formatCount(report.scenarios.length), false],
    ['Regimes', report.margin.map((m) => m.regime).join(', '), false],
    ['Inputs digest (SHA-256)', id.inputsDigest, true],
    ['Book', id.inputs.book.sha256, true],
    ['Market', id.inputs.market.sha256, true],
    ['Parameters', id.inputs.params.sha256, true],
    ['Scenario set', id.inputs.scenarios.sha256, true],
  ];
  let y = 345;
  const labelWidth = 130;
  for (const [name, value, mono] of rows) {
    drawLine(doc, name, x, y, { font: 'regular', size: 9, color: MUTED });
    const style = mono
      ? { font: 'mono' as FontName, size: 7.8, color: INK }
      : { font: 'regular' as FontName, size: 9, color: INK };
    drawLine(
      doc,
      fitLine(doc, value, style, CONTENT_WIDTH - labelWidth),
      x + labelWidth,
      y + (mono ? 0.8 : 0),
      style,
    );
    y += 19;
  }
  doc.font(STYLES.small.font).fontSize(STYLES.small.size).fillColor(STYLES.small.color);
  doc.text(
    'Figures are valued at the as-of date and computed under the margin-contagion model specification named above with the listed inputs; the digests identify those inputs exactly. Amounts in USD.',
    x,
    y + 14,
    { width: CONTENT_WIDTH, lineGap: 1 },
  );
}

function contentsPageCount(entries: number): number {
  const perPage = Math.floor((BODY_BOTTOM - BODY_TOP - 40) / CONTENTS_LINE);
  return Math.max(1, Math.ceil(entries / perPage));
}

function drawContents(
  doc: Doc,
  entries: readonly { anchor: Anchor; page: number }[],
  pages: number,
  drawChrome: () => void,
): void {
  const perPage = Math.floor((BODY_BOTTOM - BODY_TOP - 40) / CONTENTS_LINE);
  for (let p = 0; p < pages; p++) {
    if (p > 0) newPage(doc);
    drawChrome();
    let y = BODY_TOP;
    if (p === 0) {
      drawLine(doc, 'Contents', MARGIN.left, y, STYLES.h1);
      y += 40;
    }
    for (const { anchor, page } of entries.slice(p * perPage, (p + 1) * perPage)) {
      const style = anchor.level === 1 ? { ...STYLES.body, font: 'bold' as FontName } : STYLES.body;
      const indent = anchor.level === 1 ? 0 : 18;
      const number = String(page);
      const numberWidth = widthOf(doc, number, style);
      const title = fitLine(doc, anchor.title, style, CONTENT_WIDTH - indent - numberWidth - 30);
      const titleWidth = widthOf(doc, title, style);
      drawLine(doc, title, MARGIN.left + indent, y, style, { goTo: anchor.id });
      const dotsY = y + lineHeight(doc, style) * 0.72;
      doc
        .moveTo(MARGIN.left + indent + titleWidth + 6, dotsY)
        .lineTo(PAGE.width - MARGIN.right - numberWidth - 6, dotsY)
        .lineWidth(0.6)
        .dash(0.6, { space: 2.4 })
        .strokeColor(MUTED)
        .stroke()
        .undash();
      drawLine(doc, number, MARGIN.left, y, style, { width: CONTENT_WIDTH, align: 'right', goTo: anchor.id });
      y += CONTENTS_LINE;
    }
  }
}

/** Renders the report to PDF bytes. */
export function renderReportPdf(report: RiskReport, options: RenderReportPdfOptions = {}): Promise<Buffer> {
  const files = options.fonts ?? packagedFontFiles();
  const generatedAt = new Date(report.identity.generatedAt);
  const fonts = Object.fromEntries(
    (Object.keys(files) as FontName[]).map((name) => [name, loadFont(files[name])]),
  ) as Record<FontName, ParsedFont>;
  const doc: Doc = new PDFDocument({
    autoFirstPage: false,
    size: [PAGE.width, PAGE.height],
    margin: 0,
    // pdfkit takes a parsed fontkit font wherever it takes a path (its types only say string).
    font: fonts.regular as unknown as string,
    pdfVersion: '1.7',
    lang: 'en',
    displayTitle: true,
    info: {
      Title: `${REPORT_TITLE} — ${report.identity.asOf}`,
      Author: 'Marginfall',
      Subject: `Run ${report.identity.runId}; inputs SHA-256 ${report.identity.inputsDigest}`,
      Keywords: `margin, stress test, ${report.identity.asOf}, ${report.identity.paramsVersion}`,
      Creator: `Marginfall ${report.identity.codeVersion}`,
      CreationDate: generatedAt,
      ModDate: generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const name of Object.keys(fonts) as FontName[])
    doc.registerFont(name, fonts[name] as unknown as string);

  try {
    // Layout and pagination happen before anything is drawn (measuring needs the fonts only).
    newPage(doc);
    const blocks = reportBody(doc, report);
    const body = paginate(blocks, BODY_TOP, BODY_BOTTOM);
    const contentsPages = contentsPageCount(body.anchors.length);
    const firstBodyPage = 2 + contentsPages;
    const total = firstBodyPage - 1 + body.pages.length;
    const entries = body.anchors.map((a) => ({ anchor: a.anchor, page: firstBodyPage + a.page }));

    drawCover(doc, report);
    drawFooter(doc, report, 1, total);

    newPage(doc);
    let pageNumber = 2;
    drawContents(doc, entries, contentsPages, () => {
      drawRunningHeader(doc, report);
      drawFooter(doc, report, pageNumber++, total);
    });

    let section: PDFKit.PDFOutline | undefined;
    body.pages.forEach((placed) => {
      newPage(doc);
      drawRunningHeader(doc, report);
      for (const { block, y } of placed) {
        if (block.anchor) {
          doc.addNamedDestination(block.anchor.id, 'XYZ', MARGIN.left, PAGE.height - y, null);
          if (block.anchor.level === 1) section = doc.outline.addItem(block.anchor.title);
          else (section ?? doc.outline).addItem(block.anchor.title);
        }
        block.draw(doc, MARGIN.left, y);
      }
      drawFooter(doc, report, pageNumber++, total);
    });
    doc.end();
  } catch (error) {
    doc.end();
    return done.then(() => Promise.reject(error));
  }
  return done;
}
