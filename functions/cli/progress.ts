/**
 * Progress on stderr (never stdout, which may carry the result). On a terminal one line is
 * rewritten in place; otherwise each phase is printed once when it starts.
 */
import type { CalculationProgress } from '../core/calculation/calculate.js';

const PHASE_LABELS: Record<CalculationProgress['phase'], string> = {
  validate: 'validating inputs',
  prepare: 'building margin units',
  margin: 'margin at the current market',
  scenarios: 'scenario cascades',
  'reverse-stress': 'reverse stress search',
};

export function stderrProgress(enabled: boolean): (progress: CalculationProgress) => void {
  if (!enabled) return () => {};
  const tty = process.stderr.isTTY === true;
  let lastPhase = '';
  const started = Date.now();
  return (progress) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const label = PHASE_LABELS[progress.phase];
    if (tty) {
      const count = progress.total > 1 ? ` ${progress.done + 1}/${progress.total}` : '';
      const detail = progress.label ? ` (${progress.label})` : '';
      process.stderr.write(`\r\x1b[2K[${seconds}s] ${label}${count}${detail}`);
    } else if (progress.phase !== lastPhase) {
      process.stderr.write(`[${seconds}s] ${label}${progress.total > 1 ? ` (${progress.total})` : ''}\n`);
    }
    lastPhase = progress.phase;
  };
}

export function endProgress(enabled: boolean): void {
  if (enabled && process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
}
