import { beforeAll, describe, expect, it } from 'vitest';
import { buildRiskReport } from '../../functions/core/report/build-report.js';
import type { RiskReport } from '../../functions/core/report/report-model.js';
import {
  escapeHtml,
  InvalidEmailLinkError,
  renderReportEmail,
} from '../../templates/email/render-report-email.js';
import { mediumTexts, previousDayTexts, type ReportRun, runReport } from '../core/report/report-fixtures.js';

let run: ReportRun;
let report: RiskReport;
let withPrevious: RiskReport;
const attached = { kind: 'attached', fileName: 'report.pdf', sizeBytes: 165_316 } as const;

beforeAll(() => {
  const texts = mediumTexts();
  run = runReport(texts);
  report = run.report;
  const previous = runReport(previousDayTexts(texts), { skipReverseStress: true }).report;
  withPrevious = buildRiskReport({ ...run.input, previous });
});

describe('renderReportEmail', () => {
  it('puts the worst bad debt against the insurance fund in the subject', () => {
    // $22,646,141 / $4,710,000 = 4.81×.
    expect(renderReportEmail(report, { pdf: attached }).subject).toBe(
      'Marginfall stress report 2026-11-30: worst bad debt $22.65m, 4.81× the insurance fund (crash-historical)',
    );
  });

  it('says so in the subject when the fund covers the worst scenario', () => {
    const covered: RiskReport = { ...report, summary: { ...report.summary, insuranceFund: 50_000_000 } };
    expect(renderReportEmail(covered, { pdf: attached }).subject).toBe(
      'Marginfall stress report 2026-11-30: insurance fund covers the worst scenario (crash-historical, bad debt $22.65m)',
    );
  });

  it('writes the key figures, the worst scenario per regime and the attachment in the text part', () => {
    const { text } = renderReportEmail(report, {
      pdf: attached,
      links: { json: 'https://reports.example.org/r/1.json' },
    });
    expect(text).toContain('Marginfall stress report — as of 2026-11-30');
    expect(text).toContain(
      'Worst bad debt       $22,646,141 — Historical-style crash (crash-historical), 4.81× the insurance fund',
    );
    expect(text).toContain('Insurance fund       $4,710,000 — absorbs $4,710,000; ADL $17,936,141');
    expect(text).toContain('Reverse stress       −14.69% down / +25.04% up');
    expect(text).toContain('Margin-called today  24 clients — 25 of 468 margin units');
    expect(text).toMatch(/cross-venue\s+crash-historical\s+86\s+\$20,222,486/);
    expect(text).toContain('The full report is attached (report.pdf, 161 KB).');
    expect(text).toContain('Report data (JSON): https://reports.example.org/r/1.json');
    expect(text).toContain('Data quality: every record received was accepted.');
    expect(
      text.endsWith(`Confidential — risk management. Inputs SHA-256 ${report.identity.inputsDigest}.\n`),
    ).toBe(true);
  });

  it('links the authenticated download when the PDF is too large to attach', () => {
    const pdf = {
      kind: 'link',
      url: 'https://risk.example.org/download?run=2026-11-30-r1&f=pdf',
      sizeBytes: 12_900_000,
    } as const;
    const { text, html } = renderReportEmail(report, { pdf });
    expect(text).toContain(
      'The full report (12.3 MB, too large to attach) can be downloaded after signing in:',
    );
    expect(text).toContain('  https://risk.example.org/download?run=2026-11-30-r1&f=pdf');
    expect(html).toContain('href="https://risk.example.org/download?run=2026-11-30-r1&amp;f=pdf"');
    expect(html).not.toContain('attached');
  });

  it('refuses a link that is not an http(s) URL', () => {
    expect(() =>
      renderReportEmail(report, { pdf: { kind: 'link', url: 'javascript:alert(1)', sizeBytes: 1 } }),
    ).toThrow(InvalidEmailLinkError);
    expect(() =>
      renderReportEmail(report, { pdf: attached, links: { archive: 'https://x.example/"onmouseover="x' } }),
    ).toThrow(InvalidEmailLinkError);
  });

  it('escapes every value in the HTML part', () => {
    const hostile = buildRiskReport({
      ...run.input,
      identity: {
        ...run.input.identity,
        runId: 'run<script>&"1"',
        classification: "<b>Internal</b> & 'restricted'",
      },
    });
    const { html } = renderReportEmail(hostile, { pdf: attached });
    expect(html).toContain('Run run&lt;script&gt;&amp;&quot;1&quot;');
    expect(html).toContain('&lt;b&gt;Internal&lt;/b&gt; &amp; &#39;restricted&#39;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(escapeHtml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
  });

  it('shows the day-over-day headline when a previous report is given', () => {
    const { text, html } = renderReportEmail(withPrevious, { pdf: attached });
    const asIs = withPrevious.dayOverDay!.risk.worstBadDebt[0]!.badDebt.change!;
    expect(asIs).toBeLessThan(0);
    expect(text).toContain('Changes since 2026-11-27');
    expect(text).toContain(`Worst bad debt (as-is): −$${Math.round(-asIs).toLocaleString('en-US')}`);
    expect(text).toContain('Inputs changed: book, market, params; parameters changed: 1');
    expect(html).toContain('Changes since 2026-11-27');
  });

  it('is a pure function: the same report gives the same email', () => {
    expect(renderReportEmail(report, { pdf: attached })).toEqual(
      renderReportEmail(report, { pdf: attached }),
    );
    const { html } = renderReportEmail(report, { pdf: attached });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(
      '<td style="padding:4px 8px;border-bottom:1px solid #d8dde4;font-size:18px;font-weight:bold">$22,646,141</td>',
    );
  });
});
