/**
 * The lines the local mode prints about a run: one per step as it is recorded, where the
 * report files are, and the worst scenario of the headline regime (the rules in force) against
 * the insurance fund, with the regime whose worst scenario leaves the largest bad debt.
 * Amounts in USD, rounded only here.
 */
import { relative } from 'node:path';
import { formatUsd } from '../../templates/format.js';
import type { RiskReportDocument } from '../../templates/report-schema.js';
import type { RunState } from '../core/pipeline/contracts.js';
import type { FetchedReport, StepEvent } from './local-mode.js';

/** `  compute     3.4 s  (19 chunks)` */
export function describeStep({ step, ms, state }: StepEvent): string {
  const chunks = state.chunks === 1 ? '1 chunk' : `${state.chunks} chunks`;
  const extra = step === 'compute' && state.chunks > 0 ? `  (${chunks})` : '';
  return `  ${step.padEnd(8)} ${(ms / 1000).toFixed(1).padStart(6)} s${extra}`;
}

/** Where the report went: the files (relative to `cwd`) and the mail viewer. */
export function describeReportFiles(
  fetched: FetchedReport,
  state: RunState,
  /** Absent when the mail server stops with the command (nothing left to look at). */
  emailViewerUrl: string | undefined,
  cwd: string,
): string[] {
  const lines = [
    `Report PDF   ${relative(cwd, fetched.pdfPath)}`,
    `Report JSON  ${relative(cwd, fetched.jsonPath)}`,
  ];
  if (state.email !== undefined && emailViewerUrl !== undefined)
    lines.push(`Email        ${emailViewerUrl}  (local mail viewer; PDF ${state.email.pdf})`);
  else if (state.email !== undefined) lines.push(`Email        sent (PDF ${state.email.pdf})`);
  else lines.push(`Email        none (${state.reportType} runs are not emailed)`);
  return lines;
}

/** `Run … failed at publish: reason` */
export function describeFailure(state: RunState): string {
  return `run ${state.runId} failed at ${state.failure?.step ?? 'an unknown step'}: ${state.failure?.reason ?? 'no reason recorded'}`;
}

export function summarizeWorstScenario(report: RiskReportDocument): string[] {
  const { summary } = report;
  const fund = summary.insuranceFund;
  const headline = summary.worstByRegime.find((run) => run.regime === summary.headlineRegime);
  const lines: string[] = [];
  if (headline) {
    const verdict =
      headline.badDebt <= fund
        ? `the fund covers it (${formatUsd(fund - headline.badDebt)} left)`
        : `the fund is exhausted; ${formatUsd(headline.badDebt - fund)} goes to auto-deleveraging`;
    lines.push(
      `Worst scenario (${headline.regime}): ${headline.scenarioName} — bad debt ${formatUsd(headline.badDebt)} vs insurance fund ${formatUsd(fund)}: ${verdict}`,
    );
  }
  const worst = [...summary.worstByRegime].sort((a, b) => b.badDebt - a.badDebt)[0];
  if (worst) {
    lines.push(
      `Worst regime: ${worst.regime} — bad debt ${formatUsd(worst.badDebt)} in ${worst.scenarioName}`,
    );
  }
  return lines;
}
