/**
 * Use case (step `email`, daily runs only): send the published report once. The content was
 * rendered by the publish step; the PDF is read back from the archive (checked against its
 * published SHA-256) and attached when the mailer's size limit allows, else linked. The
 * message id is recorded, so a retried step sends nothing. A crash between the send and that
 * record can send the email twice (at least once, never zero times).
 */
import type { RunRef } from './contracts.js';
import type { PipelineDeps } from './deps.js';
import { ReportNotPublishedError } from './pipeline-errors.js';
import { pdfFileName } from './publish-report.js';
import { elapsedMs, withTiming } from './run-steps.js';
import { readEmailContent } from './staged-run.js';

export type EmailOutcome = RunRef & { readonly email: 'sent' | 'already-sent' | 'not-daily' };

export async function emailReport(deps: PipelineDeps, input: RunRef): Promise<EmailOutcome> {
  const started = deps.clock.nowIso();
  const state = await deps.runs.get(input.runId);
  const { runId, asOf } = state;
  if (state.reportType !== 'daily') return { runId, email: 'not-daily' };
  if (state.email !== undefined) return { runId, email: 'already-sent' };
  if (state.report === undefined) throw new ReportNotPublishedError(runId);
  const [content, pdf, downloadUrl] = await Promise.all([
    readEmailContent(deps.staging, runId),
    deps.reports.readReport({ asOf, runId }, 'pdf'),
    deps.reportUrl({ ...state.report, asOf, runId }),
  ]);
  const delivery = await deps.mailer.sendReport({
    run: { asOf, runId },
    content,
    pdf: { filename: pdfFileName(asOf), bytes: pdf.bytes },
    downloadUrl,
  });
  await deps.runs.update(runId, ['running'], {
    email: { messageId: delivery.messageId, pdf: delivery.pdf },
    timings: withTiming(state, 'email', elapsedMs(started, deps.clock.nowIso())),
  });
  return { runId, email: 'sent' };
}
