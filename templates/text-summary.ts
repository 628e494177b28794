/**
 * The plain-text risk summary a risk manager reads in a terminal or an email body:
 * margin today per regime, the worst scenario per regime, the reverse-stress thresholds
 * and the data-quality line.
 */
import type { CalculationResult, RunRecord } from '../functions/core/calculation/result.js';
import { formatCount, formatReturn, formatTable, formatUsd } from './format.js';

function worstRun(runs: readonly RunRecord[]): RunRecord | undefined {
  return runs.reduce<RunRecord | undefined>(
    (worst, run) =>
      !worst ||
      run.badDebt > worst.badDebt ||
      (run.badDebt === worst.badDebt && run.totalLoss > worst.totalLoss)
        ? run
        : worst,
    undefined,
  );
}

export function formatTextSummary(result: CalculationResult): string {
  const lines: string[] = [];
  lines.push(
    `Marginfall stress test — as of ${result.asOf} (params ${result.paramsVersion}, model v${result.modelVersion})`,
  );
  const q = result.dataQuality;
  lines.push(
    `Book: ${formatCount(q.clients.accepted)} clients, ${formatCount(q.subaccounts.accepted)} subaccounts, ` +
      `${formatCount(q.positions.accepted)} positions; insurance fund ${formatUsd(result.insuranceFund)}`,
  );
  lines.push('');
  lines.push('Margin at today’s market');
  const regimes = Object.keys(result.margin) as (keyof typeof result.margin)[];
  lines.push(
    ...formatTable(
      ['regime', 'units', 'initial margin', 'maintenance', 'margin-called', 'liquidatable'],
      regimes.map((regime) => {
        const m = result.margin[regime]!;
        return [
          regime,
          formatCount(m.units),
          formatUsd(m.im),
          formatUsd(m.mm),
          formatCount(m.marginCalled),
          formatCount(m.liquidatable),
        ];
      }),
    ).map((l) => `  ${l}`),
  );
  lines.push('');
  lines.push('Worst scenario per regime (largest bad debt)');
  lines.push(
    ...formatTable(
      ['regime', 'scenario', 'rounds', 'liquidated', 'bad debt', 'fund used', 'ADL', 'cover-2'],
      regimes.flatMap((regime) => {
        const run = worstRun(result.runs.filter((r) => r.regime === regime));
        return run
          ? [
              [
                regime,
                run.scenario,
                String(run.rounds),
                formatCount(run.liquidatedUnits),
                formatUsd(run.badDebt),
                formatUsd(run.insuranceFundUsed),
                formatUsd(run.adl),
                formatUsd(run.cover2),
              ],
            ]
          : [];
      }),
    ).map((l) => `  ${l}`),
  );
  lines.push('');
  const { down, up } = result.reverseStress;
  const threshold = (r: number | null) => (r === null ? 'not reached on the scan grid' : formatReturn(r));
  lines.push(
    `Reverse stress (as-is): bad debt exceeds the insurance fund at a uniform crypto move of ${threshold(down)} down / ${threshold(up)} up`,
  );
  const rejected = result.rejected.length;
  lines.push(
    rejected === 0
      ? 'Data quality: every record accepted'
      : `Data quality: ${formatCount(rejected)} record(s) rejected (see "rejected" in the result), the rest used`,
  );
  if (result.warnings.length > 0)
    lines.push(`Warnings: ${formatCount(result.warnings.length)} (see "warnings" in the result)`);
  return `${lines.join('\n')}\n`;
}
