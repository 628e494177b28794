/** Port: the current instant. The core never reads the clock itself (generatedAt, requestedAt). */
export interface Clock {
  /** ISO-8601 UTC with milliseconds, e.g. `2026-12-01T06:15:00.000Z`. */
  nowIso(): string;
}
