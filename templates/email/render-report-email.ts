/**
 * The daily email: report → { subject, html, text }. Pure (no I/O, no clock); the mailer adapter
 * decides whether the PDF travels as an attachment or as a link and says so in `pdf`, and
 * supplies the links. The HTML uses inline styles and tables only (what mail clients render);
 * every value from the report is escaped.
 */
import type { RiskReport } from '../../functions/core/report/report-model.js';
import { formatCount, formatReturn, formatTable, formatUsd } from '../format.js';

export type PdfDelivery =
  | { readonly kind: 'attached'; readonly fileName: string; readonly sizeBytes: number }
  /** Too large to attach: a link to the authenticated download endpoint. */
  | { readonly kind: 'link'; readonly url: string; readonly sizeBytes: number }
  | { readonly kind: 'none' };

export interface ReportEmailOptions {
  readonly pdf: PdfDelivery;
  readonly links?: {
    /** The report JSON. */
    readonly json?: string;
    /** The archive folder of the run (compliance browsing). */
    readonly archive?: string;
  };
}

export interface ReportEmail {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

export class InvalidEmailLinkError extends Error {
  override readonly name = 'InvalidEmailLinkError';
}

const HTTP_URL = /^https?:\/\/[^\s"<>]+$/;

function checkedUrl(url: string, what: string): string {
  if (!HTTP_URL.test(url))
    throw new InvalidEmailLinkError(`${what} must be an http(s) URL without spaces or quotes`);
  return url;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const ratio = (r: number | null) => (r === null ? 'n/a' : `${r.toFixed(2)}×`);
const threshold = (r: number | null) => (r === null ? 'not reached' : formatReturn(r));
const signedUsd = (x: number | null) =>
  x === null ? 'n/a' : Math.round(x) === 0 ? '$0' : x > 0 ? `+${formatUsd(x)}` : formatUsd(x);

interface KeyFigure {
  readonly label: string;
  readonly value: string;
  readonly detail: string;
}

function keyFigures(report: RiskReport): KeyFigure[] {
  const s = report.summary;
  const regime = s.headlineRegime;
  const worst = s.worstByRegime.find((w) => w.regime === regime);
  const cover = s.cover.find((c) => c.regime === regime);
  const called = s.marginCalledToday.find((c) => c.regime === regime);
  const units = report.margin.find((m) => m.regime === regime)?.units ?? 0;
  return [
    {
      label: 'Worst bad debt',
      value: worst ? formatUsd(worst.badDebt) : 'n/a',
      detail: worst
        ? `${worst.scenarioName} (${worst.scenario}), ${ratio(worst.badDebtToFund)} the insurance fund`
        : '',
    },
    {
      label: 'Insurance fund',
      value: formatUsd(s.insuranceFund),
      detail: worst ? `absorbs ${formatUsd(worst.insuranceFundUsed)}; ADL ${formatUsd(worst.adl)}` : '',
    },
    {
      label: 'Cover-1 / Cover-2',
      value: cover ? `${formatUsd(cover.cover1)} / ${formatUsd(cover.cover2)}` : 'n/a',
      detail: `fund ÷ Cover-2 ${ratio(cover?.coverageRatio ?? null)}`,
    },
    {
      label: 'Reverse stress',
      value: `${threshold(s.reverseStress.down)} down / ${threshold(s.reverseStress.up)} up`,
      detail: 'uniform crypto move at which bad debt exceeds the fund',
    },
    {
      label: 'Margin-called today',
      value: `${formatCount(called?.clients ?? 0)} clients`,
      detail: `${formatCount(called?.units ?? 0)} of ${formatCount(units)} margin units`,
    },
  ];
}

function subjectOf(report: RiskReport): string {
  const s = report.summary;
  const worst = s.worstByRegime.find((w) => w.regime === s.headlineRegime);
  const head = `Marginfall stress report ${report.identity.asOf}`;
  if (!worst) return `${head}: no scenario run`;
  const short = (x: number) => (x >= 1e6 ? `$${(x / 1e6).toFixed(2)}m` : formatUsd(x));
  return worst.badDebt > s.insuranceFund
    ? `${head}: worst bad debt ${short(worst.badDebt)}, ${ratio(worst.badDebtToFund)} the insurance fund (${worst.scenario})`
    : `${head}: insurance fund covers the worst scenario (${worst.scenario}, bad debt ${short(worst.badDebt)})`;
}

function worstTable(report: RiskReport): { header: string[]; rows: string[][] } {
  return {
    header: ['regime', 'scenario', 'liquidated', 'bad debt', 'fund used', 'ADL', 'cover-2'],
    rows: report.summary.worstByRegime.map((w) => [
      w.regime,
      w.scenario,
      formatCount(w.liquidatedUnits),
      formatUsd(w.badDebt),
      formatUsd(w.insuranceFundUsed),
      formatUsd(w.adl),
      formatUsd(w.cover2),
    ]),
  };
}

function changeLines(report: RiskReport): string[] {
  const dod = report.dayOverDay;
  if (!dod) return [];
  const regime = report.summary.headlineRegime;
  const worst = dod.risk.worstBadDebt.find((w) => w.regime === regime);
  const margin = dod.risk.margin.find((m) => m.regime === regime);
  const changedInputs = Object.entries(dod.inputsChanged)
    .filter(([, c]) => c)
    .map(([name]) => name);
  const lines = [
    `Worst bad debt (${regime}): ${signedUsd(worst?.badDebt.change ?? null)}`,
    `Initial margin (${regime}): ${signedUsd(margin?.im.change ?? null)}`,
    `Reverse stress down: ${threshold(dod.risk.reverseStressDown.previous)} → ${threshold(dod.risk.reverseStressDown.current)}`,
    `Inputs changed: ${changedInputs.length > 0 ? changedInputs.join(', ') : 'none'}; parameters changed: ${formatCount(dod.parameters.changed.length)}`,
  ];
  return lines;
}

function dataQualityLine(report: RiskReport): string {
  const dq = report.dataQuality;
  return dq.rejectedTotal === 0
    ? 'Data quality: every record received was accepted.'
    : `Data quality: ${formatCount(dq.rejectedTotal)} record(s) rejected and left out; see the report’s data-quality section.`;
}

function pdfLine(pdf: PdfDelivery): string {
  switch (pdf.kind) {
    case 'attached':
      return `The full report is attached (${pdf.fileName}, ${formatSize(pdf.sizeBytes)}).`;
    case 'link':
      return `The full report (${formatSize(pdf.sizeBytes)}, too large to attach) can be downloaded after signing in:`;
    case 'none':
      return 'The full report is in the archive.';
  }
}

function renderText(report: RiskReport, options: ReportEmailOptions): string {
  const id = report.identity;
  const lines: string[] = [];
  lines.push(`Marginfall stress report — as of ${id.asOf}`);
  lines.push(
    `Run ${id.runId} · generated ${id.generatedAt} · params ${id.paramsVersion} · model v${id.modelVersion}`,
  );
  lines.push('');
  lines.push(`Key figures (${report.summary.headlineRegime}, the rules in force)`);
  const figures = keyFigures(report);
  const width = Math.max(...figures.map((f) => f.label.length));
  for (const f of figures)
    lines.push(`  ${f.label.padEnd(width)}  ${f.value}${f.detail ? ` — ${f.detail}` : ''}`);
  lines.push('');
  lines.push('Worst scenario per regime (largest bad debt)');
  const worst = worstTable(report);
  lines.push(...formatTable(worst.header, worst.rows).map((l) => `  ${l}`));
  const changes = changeLines(report);
  if (changes.length > 0) {
    lines.push('');
    lines.push(`Changes since ${report.dayOverDay!.previousAsOf}`);
    lines.push(...changes.map((l) => `  ${l}`));
  }
  lines.push('');
  lines.push(dataQualityLine(report));
  lines.push('');
  lines.push(pdfLine(options.pdf));
  if (options.pdf.kind === 'link') lines.push(`  ${checkedUrl(options.pdf.url, 'pdf.url')}`);
  if (options.links?.json) lines.push(`Report data (JSON): ${checkedUrl(options.links.json, 'links.json')}`);
  if (options.links?.archive) lines.push(`Archive: ${checkedUrl(options.links.archive, 'links.archive')}`);
  lines.push('');
  lines.push(`${id.classification}. Inputs SHA-256 ${id.inputsDigest}.`);
  return `${lines.join('\n')}\n`;
}

const FONT = "font-family:'DejaVu Sans',Arial,Helvetica,sans-serif";
const CELL = 'padding:4px 8px;border-bottom:1px solid #d8dde4';

function renderHtml(report: RiskReport, options: ReportEmailOptions): string {
  const id = report.identity;
  const e = escapeHtml;
  const link = (url: string, label: string) => `<a href="${e(url)}" style="color:#0b4f8a">${e(label)}</a>`;
  const figures = keyFigures(report)
    .map(
      (f) =>
        `<tr><td style="${CELL};color:#5b6470">${e(f.label)}</td><td style="${CELL};font-size:18px;font-weight:bold">${e(f.value)}</td><td style="${CELL};color:#5b6470">${e(f.detail)}</td></tr>`,
    )
    .join('\n');
  const worst = worstTable(report);
  const worstRows = worst.rows
    .map(
      (row) =>
        `<tr>${row.map((cell, i) => `<td style="${CELL};text-align:${i < 2 ? 'left' : 'right'}">${e(cell)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const worstHeader = worst.header
    .map(
      (h, i) => `<th style="${CELL};background:#e4e9f0;text-align:${i < 2 ? 'left' : 'right'}">${e(h)}</th>`,
    )
    .join('');
  const changes = changeLines(report);
  const changeBlock =
    changes.length > 0
      ? `<h2 style="font-size:15px;margin:20px 0 6px">Changes since ${e(report.dayOverDay!.previousAsOf)}</h2>\n<ul>${changes.map((c) => `<li>${e(c)}</li>`).join('')}</ul>`
      : '';
  const pdf = options.pdf;
  const pdfBlock =
    pdf.kind === 'link'
      ? `<p>${e(pdfLine(pdf))} ${link(checkedUrl(pdf.url, 'pdf.url'), 'download the PDF')}</p>`
      : `<p>${e(pdfLine(pdf))}</p>`;
  const extra = [
    options.links?.json ? link(checkedUrl(options.links.json, 'links.json'), 'report data (JSON)') : '',
    options.links?.archive ? link(checkedUrl(options.links.archive, 'links.archive'), 'archive') : '',
  ].filter((l) => l !== '');
  return [
    '<!DOCTYPE html>',
    `<html lang="en"><head><meta charset="utf-8"><title>${e(subjectOf(report))}</title></head>`,
    `<body style="${FONT};font-size:13px;color:#1b1f24;margin:0;padding:16px">`,
    `<p style="color:#b3261e;font-weight:bold;margin:0 0 8px">${e(id.classification)}</p>`,
    `<h1 style="font-size:20px;margin:0 0 4px">Marginfall stress report — as of ${e(id.asOf)}</h1>`,
    `<p style="color:#5b6470;margin:0 0 16px">Run ${e(id.runId)} · generated ${e(id.generatedAt)} · params ${e(id.paramsVersion)} · model v${e(id.modelVersion)}</p>`,
    `<h2 style="font-size:15px;margin:16px 0 6px">Key figures (${e(report.summary.headlineRegime)}, the rules in force)</h2>`,
    `<table style="border-collapse:collapse">\n${figures}\n</table>`,
    '<h2 style="font-size:15px;margin:20px 0 6px">Worst scenario per regime (largest bad debt)</h2>',
    `<table style="border-collapse:collapse">\n<tr>${worstHeader}</tr>\n${worstRows}\n</table>`,
    changeBlock,
    `<p>${e(dataQualityLine(report))}</p>`,
    pdfBlock,
    extra.length > 0 ? `<p>Also: ${extra.join(' · ')}</p>` : '',
    `<p style="color:#5b6470;font-size:11px">Inputs SHA-256 ${e(id.inputsDigest)}</p>`,
    '</body></html>',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}

export function renderReportEmail(report: RiskReport, options: ReportEmailOptions): ReportEmail {
  return { subject: subjectOf(report), html: renderHtml(report, options), text: renderText(report, options) };
}
