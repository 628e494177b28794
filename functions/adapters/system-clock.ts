/** The clock of the machine. */
import type { Clock } from '../core/ports/clock.js';

export class SystemClock implements Clock {
  nowIso(): string {
    return new Date().toISOString();
  }
}
