/**
 * The canonical JSON text of a result: two-space indentation, keys in the order the result
 * types declare them, a final newline. Same result → byte-identical text.
 */
import type { CalculationResult } from './result.js';

export function stringifyResult(result: CalculationResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
