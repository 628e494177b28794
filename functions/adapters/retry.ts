/**
 * Retry with capped exponential backoff and full jitter, for adapters whose calls can fail
 * transiently (throttling, 5xx, dropped connections).
 *
 * Attempt n (n = 1, 2, …) that fails with a retryable error is followed by a pause drawn
 * uniformly from [0, min(maxDelayMs, baseDelayMs · 2^(n−1))) ms — "full jitter", which spreads
 * competing clients apart (M. Brooker, "Exponential Backoff And Jitter", AWS Architecture
 * Blog, 2015). A non-retryable error propagates at once, unchanged; when `maxAttempts`
 * attempts have all failed retryably, `RetryExhaustedError` is thrown with the last error as
 * its `cause`.
 *
 * `sleep` and `random` are injectable so tests can check the schedule without waiting.
 */

export interface RetryOptions {
  /** Total attempts including the first, ≥ 1. */
  readonly maxAttempts: number;
  /** Upper bound of the first pause, ms (≥ 0). */
  readonly baseDelayMs: number;
  /** Cap on the upper bound of any pause, ms (≥ baseDelayMs). */
  readonly maxDelayMs: number;
  /** Whether a failure is worth another attempt. */
  readonly isRetryable: (error: unknown) => boolean;
  /** Pause; default a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Uniform in [0, 1); default Math.random. */
  readonly random?: () => number;
  /** Called before each pause, e.g. to log the failure. */
  readonly onRetry?: (failure: {
    readonly attempt: number;
    readonly delayMs: number;
    readonly error: unknown;
  }) => void;
}

/** Every attempt failed with a retryable error. */
export class RetryExhaustedError extends Error {
  override readonly name = 'RetryExhaustedError';
  constructor(
    readonly attempts: number,
    options: { cause: unknown },
  ) {
    const last =
      options.cause instanceof Error
        ? `${options.cause.name}: ${options.cause.message}`
        : String(options.cause);
    super(`gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}; last error ${last}`, options);
  }
}

/** The pause bound after failed attempt `attempt` (1-based): min(maxDelayMs, baseDelayMs · 2^(attempt−1)). */
export function backoffCeilingMs(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  // The exponent stops at 1023 (2^1024 is Infinity, and 0 · Infinity would be NaN for a zero
  // base); beyond it base · 2^1023 exceeds any cap anyway.
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(attempt - 1, 1023));
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `operation(attempt)` (attempt = 1, 2, …) until it resolves or retrying stops (see file comment). */
export async function retryWithBackoff<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const { maxAttempts, baseDelayMs, maxDelayMs } = options;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a whole number ≥ 1, got ${maxAttempts}`);
  }
  if (!(baseDelayMs >= 0) || !(maxDelayMs >= baseDelayMs)) {
    throw new RangeError(`need 0 ≤ baseDelayMs ≤ maxDelayMs, got ${baseDelayMs} and ${maxDelayMs}`);
  }
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!options.isRetryable(error)) throw error;
      if (attempt >= maxAttempts) throw new RetryExhaustedError(attempt, { cause: error });
      const delayMs = Math.floor(random() * backoffCeilingMs(attempt, baseDelayMs, maxDelayMs));
      options.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs);
    }
  }
}
