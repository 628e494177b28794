import { readFileSync } from 'node:fs';
import { create } from 'fontkit';
import { getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RiskReport } from '../../functions/core/report/report-model.js';
import { packagedFontFiles } from '../../templates/pdf/fonts.js';
import { renderReportPdf } from '../../templates/pdf/render-report-pdf.js';
import { BODY_BOTTOM, BODY_TOP, MARGIN, PAGE } from '../../templates/pdf/theme.js';
import {
  mediumTexts,
  previousDayTexts,
  runReport,
  textsWithRejections,
} from '../core/report/report-fixtures.js';
import { overlappingText, type PdfText, readPdfText, textOutside } from './pdf-text-boxes.js';

let medium: RiskReport;
let full: RiskReport;
let mediumPdf: Buffer;
let fullPdf: Buffer;
let mediumText: PdfText;
let fullText: PdfText;

beforeAll(async () => {
  const texts = mediumTexts();
  medium = runReport(texts).report;
  const previous = runReport(previousDayTexts(texts), {
    runId: '2026-11-27-r1',
    skipReverseStress: true,
  }).report;
  // 150 bad positions: the rejected-records table runs over several pages.
  full = runReport(textsWithRejections(texts, 150), { previous, skipReverseStress: true }).report;
  mediumPdf = await renderReportPdf(medium);
  fullPdf = await renderReportPdf(full);
  mediumText = await readPdfText(mediumPdf);
  fullText = await readPdfText(fullPdf);
}, 120_000);

const boxesOn = (text: PdfText, page: number) => text.boxes.filter((b) => b.page === page);

describe('renderReportPdf: determinism', () => {
  it('renders the same report to the same bytes, whatever was rendered in between', async () => {
    const again = await renderReportPdf(medium);
    expect(again.equals(mediumPdf)).toBe(true);
    expect((await renderReportPdf(full)).equals(fullPdf)).toBe(true);
  });

  it('stamps CreationDate and ModDate from generatedAt (2026-11-30T06:15:00Z), not from a clock', async () => {
    const metadata = await (await getDocumentProxy(new Uint8Array(mediumPdf))).getMetadata();
    const info = metadata.info as Record<string, unknown>;
    expect(info.CreationDate).toBe('D:20261130061500Z');
    expect(info.ModDate).toBe('D:20261130061500Z');
    expect(info.Title).toBe('Margin-contagion stress report — 2026-11-30');
    expect(mediumPdf.toString('latin1', 0, 8)).toBe('%PDF-1.7');
  });
});

describe('renderReportPdf: pages', () => {
  it('numbers every page "Page n of N" with N the page count, and puts as-of, run and input hash in each footer', () => {
    for (const [report, text] of [
      [medium, mediumText],
      [full, fullText],
    ] as const) {
      expect(text.pages).toBeGreaterThan(10);
      const footer = `As of 2026-11-30 · run ${report.identity.runId} · inputs SHA-256 ${report.identity.inputsDigest.slice(0, 16)}…`;
      for (let p = 1; p <= text.pages; p++) {
        const strings = boxesOn(text, p).map((b) => b.text);
        expect(strings).toContain(`Page ${p} of ${text.pages}`);
        expect(strings).toContain(footer);
      }
    }
    expect(mediumText.pageSize).toEqual({ width: PAGE.width, height: PAGE.height });
  });

  it('lists the sections in the contents with the page each starts on', () => {
    // [number, title]: pdf.js reads "1  Executive summary" as two items, split at the double space.
    const titles = [
      ['1', 'Executive summary'],
      ['2', 'Changes since the previous report'],
      ['3', 'Margin by regime'],
      ['4', 'Worst scenarios'],
      ['5', 'Scenarios'],
      ['5.2', 'Historical-style crash'],
      ['6', 'Top clients'],
      ['7', 'Market and concentration'],
      ['8', 'Data quality'],
      ['A', 'Methodology'],
    ] as const;
    const sameLine = (a: { bottom: number }, b: { bottom: number }) => Math.abs(a.bottom - b.bottom) < 0.5;
    const contents = boxesOn(fullText, 2);
    expect(contents.map((b) => b.text)).toContain('Contents');
    let previousPage = 2;
    for (const [number, title] of titles) {
      const entry = contents.find((b) => b.text === title);
      expect(entry, title).toBeDefined();
      expect(contents.some((b) => b.text === number && sameLine(b, entry!) && b.right < entry!.left)).toBe(
        true,
      );
      // The page number is the right-aligned text on the same line.
      const pageBox = contents.find(
        (b) => sameLine(b, entry!) && b.left > entry!.right && /^\d+$/.test(b.text),
      )!;
      const page = Number(pageBox.text);
      expect(page).toBeGreaterThanOrEqual(previousPage);
      previousPage = page;
      const target = boxesOn(fullText, page);
      const heading = target.find(
        (b) => b.text === title && target.some((n) => n.text === number && sameLine(n, b)),
      );
      expect(heading, `${number} ${title} on page ${page}`).toBeDefined();
    }
    // Without a previous report there is no day-over-day section and the numbering closes up.
    const mediumContents = boxesOn(mediumText, 2);
    const margin = mediumContents.find((b) => b.text === 'Margin by regime')!;
    expect(mediumContents.some((b) => b.text === '2' && sameLine(b, margin))).toBe(true);
    expect(mediumText.pageTexts.join(' ')).not.toContain('Changes since the previous report');
  });

  it('shows the cover: title, as-of, run id, classification', () => {
    const cover = boxesOn(mediumText, 1).map((b) => b.text);
    expect(cover).toEqual(
      expect.arrayContaining([
        'Margin-contagion stress report',
        'As of 2026-11-30',
        '2026-11-30-r1',
        'CONFIDENTIAL — RISK MANAGEMENT',
        medium.identity.inputsDigest,
      ]),
    );
  });
});

describe('renderReportPdf: content', () => {
  it('shows the key figures of the executive summary (medium example, as-is)', () => {
    const summary = boxesOn(mediumText, 3).map((b) => b.text);
    // Worst bad debt $22,646,141 = 4.81× the $4.71m fund; fund ÷ Cover-2 = 4.71 / 13.12 = 0.36×;
    // reverse stress −14.69% / +25.04%; 24 clients margin-called (25 units).
    expect(summary).toEqual(
      expect.arrayContaining([
        '$22.65m',
        '$4.71m',
        '0.36×',
        '−14.69%',
        '+25.04%',
        '24 clients',
        'Executive summary',
      ]),
    );
    expect(mediumText.pageTexts[2]).toContain('4.81× the insurance fund');
    expect(mediumText.pageTexts[2]).toContain('25 of 468 margin units');
  });

  it('renders − ≥ Δ Γ with fonts that have those glyphs', () => {
    const all = mediumText.pageTexts.join(' ');
    for (const ch of ['−', '≥', 'Δ', 'Γ', '×', '→']) expect(all, ch).toContain(ch);
    const files = packagedFontFiles();
    for (const path of [files.regular, files.bold, files.condensed, files.condensedBold]) {
      const font = create(readFileSync(path)) as unknown as { glyphForCodePoint(cp: number): { id: number } };
      for (const ch of '−≥ΔΓ×→σ√⁰')
        expect(font.glyphForCodePoint(ch.codePointAt(0)!).id, `${ch} in ${path}`).not.toBe(0);
    }
  });

  it('writes the methodology from the parameters used', () => {
    const medium = mediumText.pageTexts.join(' ');
    expect(medium).toContain('max(15.00% − OTM/S, 10.00%)');
    expect(medium).toContain('MM = 0.8 × IM');
    expect(medium).toContain('after at most 100 rounds');
    expect(medium).toContain('No circuit breaker is applied.');
  });

  it('shows the day-over-day changes: inputs, market return, the changed parameter', () => {
    const text = fullText.pageTexts.join(' ');
    expect(text).toContain('Compared with the report as of 2026-11-27 (run 2026-11-27-r1)');
    // The rejections fixture also edits the scenario file, so all four inputs differ.
    expect(text).toContain('Inputs that changed: book, market, params, scenarios.');
    expect(text).toContain('options.im');
    expect(text).toContain('+5.26%'); // 1 / 0.95 − 1
  });

  it('repeats a table’s header on every page it runs over', () => {
    const pages = fullText.boxes
      .filter((b) => b.text.startsWith('clients[0].subaccounts[0].positions['))
      .map((b) => b.page);
    const spanned = [...new Set(pages)];
    expect(spanned.length).toBeGreaterThan(1);
    for (const page of spanned) {
      const strings = boxesOn(fullText, page).map((b) => b.text);
      expect(strings).toEqual(expect.arrayContaining(['Document', 'Path', 'Reason', 'Client', 'Venue']));
    }
    for (const page of spanned.slice(1))
      expect(boxesOn(fullText, page).map((b) => b.text)).toContain('continued');
  });
});

describe('renderReportPdf: nothing overlaps or leaves the page', () => {
  it.each([
    ['medium', () => mediumText],
    ['with day-over-day and rejections', () => fullText],
  ])('%s: no two pieces of text overlap', (_, get) => {
    expect(overlappingText(get().boxes).map(([a, b]) => `p${a.page}: "${a.text}" × "${b.text}"`)).toEqual([]);
  });

  it.each([
    ['medium', () => mediumText],
    ['with day-over-day and rejections', () => fullText],
  ])('%s: text stays between the side margins and inside the page', (_, get) => {
    const area = { left: MARGIN.left, right: PAGE.width - MARGIN.right, bottom: 10, top: PAGE.height - 10 };
    expect(textOutside(get().boxes, area).map((b) => `p${b.page}: ${b.text}`)).toEqual([]);
  });

  it('keeps body text between the running header and the footer', () => {
    // PDF user space: y grows upwards; the body box is [BODY_TOP, BODY_BOTTOM] from the top.
    const body = fullText.boxes.filter(
      (b) =>
        b.page > 2 &&
        !b.text.startsWith('Page ') &&
        !b.text.startsWith('As of 2026') &&
        !b.text.startsWith('Marginfall ·'),
    );
    const confidential = fullText.boxes.filter((b) => b.text === full.identity.classification);
    const inBody = textOutside(
      body.filter((b) => !confidential.includes(b)),
      { left: 0, right: PAGE.width, bottom: PAGE.height - BODY_BOTTOM, top: PAGE.height - BODY_TOP + 2 },
    );
    expect(inBody.map((b) => `p${b.page}: ${b.text}`)).toEqual([]);
  });
});
