/**
 * The EventBridge Scheduler input of the daily run: `{}` on schedule, or `{ "asOf": "YYYY-MM-DD" }`
 * to run a given business date (a manual catch-up), with `"retryFailed": true` to retry a day
 * whose daily run failed before publishing. Unknown fields are refused, so a misspelt
 * `asof` cannot silently run the wrong day.
 */
import { z } from 'zod';
import { parseIsoDate } from '../../core/dates.js';
import { MarginfallError } from '../../core/errors.js';
import { parseWith } from '../parse-input.js';

export interface DailyRunEvent {
  readonly asOf?: string;
  /** Start a new attempt when the day's daily run failed before publishing (an operator's retry). */
  readonly retryFailed?: boolean;
}

export const dailyRunEventSchema: z.ZodType<DailyRunEvent> = z.strictObject({
  asOf: z
    .string()
    .refine((value) => parseIsoDate(value) !== undefined, 'must be a date YYYY-MM-DD')
    .optional(),
  retryFailed: z.boolean().optional(),
});

/** The scheduler's input is not `{}` or `{ "asOf": "YYYY-MM-DD" }`. */
export class DailyRunInputError extends MarginfallError {
  override readonly name = 'DailyRunInputError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`daily-run: ${field}: ${reason}`);
  }
}

export function parseDailyRunEvent(event: unknown): DailyRunEvent {
  const parsed = parseWith(dailyRunEventSchema, event ?? {});
  if (!parsed.ok) throw new DailyRunInputError(parsed.problem.field, parsed.problem.reason);
  return parsed.value;
}
