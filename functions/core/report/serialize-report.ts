/**
 * The canonical JSON text of a report: two-space indentation, keys in the order the report
 * types declare them (buildRiskReport writes every object in that order), a final newline.
 * Same report → byte-identical text.
 */
import type { RiskReport } from './report-model.js';

export function stringifyRiskReport(report: RiskReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
