import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffCeilingMs, RetryExhaustedError, retryWithBackoff } from '../../functions/adapters/retry.js';

class Transient extends Error {
  override readonly name = 'Transient';
}
class Permanent extends Error {
  override readonly name = 'Permanent';
}

const isRetryable = (error: unknown) => error instanceof Transient;

/** An operation that fails with the given errors in turn, then resolves with its attempt number. */
function failing(errors: readonly (Error | undefined)[]) {
  const attempts: number[] = [];
  const operation = async (attempt: number) => {
    attempts.push(attempt);
    const error = errors[attempt - 1];
    if (error) throw error;
    return `ok on ${attempt}`;
  };
  return { attempts, operation };
}

function recorder() {
  const pauses: number[] = [];
  return { pauses, sleep: async (ms: number) => void pauses.push(ms) };
}

describe('retryWithBackoff', () => {
  it('returns the first success without pausing', async () => {
    const { attempts, operation } = failing([]);
    const { pauses, sleep } = recorder();
    const result = await retryWithBackoff(operation, {
      maxAttempts: 5,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      isRetryable,
      sleep,
    });
    expect(result).toBe('ok on 1');
    expect(attempts).toEqual([1]);
    expect(pauses).toEqual([]);
  });

  it('retries transient failures with exponentially growing pauses (full jitter, random = 0.5)', async () => {
    const { attempts, operation } = failing([new Transient(), new Transient()]);
    const { pauses, sleep } = recorder();
    const result = await retryWithBackoff(operation, {
      maxAttempts: 5,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      isRetryable,
      sleep,
      random: () => 0.5,
    });
    expect(result).toBe('ok on 3');
    expect(attempts).toEqual([1, 2, 3]);
    // after attempt 1: ⌊0.5 · min(1000, 100 · 2^0)⌋ = 50; after attempt 2: ⌊0.5 · 200⌋ = 100
    expect(pauses).toEqual([50, 100]);
  });

  it('caps the pause bound at maxDelayMs and gives up after maxAttempts with the last error as cause', async () => {
    const last = new Transient('fifth');
    const { attempts, operation } = failing([
      new Transient(),
      new Transient(),
      new Transient(),
      new Transient(),
      last,
    ]);
    const { pauses, sleep } = recorder();
    const failures: Array<[number, number]> = [];
    const error = await retryWithBackoff(operation, {
      maxAttempts: 5,
      baseDelayMs: 100,
      maxDelayMs: 300,
      isRetryable,
      sleep,
      random: () => 0.999,
      onRetry: ({ attempt, delayMs }) => failures.push([attempt, delayMs]),
    }).catch((e) => e);
    // bounds min(300, 100 · 2^(n−1)) for n = 1…4: 100, 200, 300 (capped from 400), 300 (from 800)
    // pauses ⌊0.999 · bound⌋: 99, 199, 299, 299; no pause after the fifth, final attempt
    expect(pauses).toEqual([99, 199, 299, 299]);
    expect(failures).toEqual([
      [1, 99],
      [2, 199],
      [3, 299],
      [4, 299],
    ]);
    expect(attempts).toEqual([1, 2, 3, 4, 5]);
    expect(error).toBeInstanceOf(RetryExhaustedError);
    expect(error.attempts).toBe(5);
    expect(error.cause).toBe(last);
    expect(error.message).toBe('gave up after 5 attempts; last error Transient: fifth');
  });

  it('lets a permanent error through at once, unchanged', async () => {
    const permanent = new Permanent('rejected');
    const { attempts, operation } = failing([new Transient(), permanent]);
    const { pauses, sleep } = recorder();
    const error = await retryWithBackoff(operation, {
      maxAttempts: 5,
      baseDelayMs: 10,
      maxDelayMs: 10,
      isRetryable,
      sleep,
    }).catch((e) => e);
    expect(error).toBe(permanent);
    expect(attempts).toEqual([1, 2]);
    expect(pauses).toHaveLength(1);
  });

  it('with maxAttempts 1 never retries', async () => {
    const { attempts, operation } = failing([new Transient()]);
    const error = await retryWithBackoff(operation, {
      maxAttempts: 1,
      baseDelayMs: 10,
      maxDelayMs: 10,
      isRetryable,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(RetryExhaustedError);
    expect(error.message).toBe('gave up after 1 attempt; last error Transient: ');
    expect(attempts).toEqual([1]);
  });

  it('pauses with a real timer by default', async () => {
    const { attempts, operation } = failing([new Transient()]);
    await expect(
      retryWithBackoff(operation, { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, isRetryable }),
    ).resolves.toBe('ok on 2');
    expect(attempts).toEqual([1, 2]);
  });

  it.each([
    { maxAttempts: 0, baseDelayMs: 1, maxDelayMs: 1 },
    { maxAttempts: 2.5, baseDelayMs: 1, maxDelayMs: 1 },
    { maxAttempts: 2, baseDelayMs: -1, maxDelayMs: 1 },
    { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 5 },
    { maxAttempts: 2, baseDelayMs: Number.NaN, maxDelayMs: 5 },
  ])('refuses options %j before the first attempt', async (options) => {
    const { attempts, operation } = failing([]);
    await expect(retryWithBackoff(operation, { ...options, isRetryable })).rejects.toBeInstanceOf(RangeError);
    expect(attempts).toEqual([]);
  });

  it('property: attempts, pauses and outcome follow the schedule for any failure pattern', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.constantFrom('transient', 'permanent', 'ok'), { minLength: 0, maxLength: 10 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        async (maxAttempts, baseDelayMs, extra, pattern, u) => {
          const maxDelayMs = baseDelayMs + extra;
          const errors = pattern.map((kind) =>
            kind === 'transient' ? new Transient() : kind === 'permanent' ? new Permanent() : undefined,
          );
          // 0-based index of the first attempt that does not fail transiently (past the pattern: success)
          const found = errors.findIndex((error) => !(error instanceof Transient));
          const firstStop = found === -1 ? errors.length : found;
          const { attempts, operation } = failing(errors);
          const { pauses, sleep } = recorder();
          const outcome = await retryWithBackoff(operation, {
            maxAttempts,
            baseDelayMs,
            maxDelayMs,
            isRetryable,
            sleep,
            random: () => u,
          }).then(
            (value) => ({ value }),
            (error: unknown) => ({ error }),
          );
          // Attempt k (1-based) is made iff every earlier one failed transiently and k ≤ maxAttempts.
          const expectedAttempts = Math.min(maxAttempts, firstStop + 1);
          expect(attempts).toEqual(Array.from({ length: expectedAttempts }, (_, i) => i + 1));
          expect(pauses).toHaveLength(expectedAttempts - 1);
          pauses.forEach((pause, i) => {
            const bound = backoffCeilingMs(i + 1, baseDelayMs, maxDelayMs);
            expect(pause).toBe(Math.floor(u * bound));
            expect(pause).toBeGreaterThanOrEqual(0);
            expect(pause).toBeLessThanOrEqual(maxDelayMs);
          });
          const last = errors[expectedAttempts - 1];
          if (last === undefined) expect(outcome).toEqual({ value: `ok on ${expectedAttempts}` });
          else if (last instanceof Permanent) expect(outcome).toEqual({ error: last });
          else expect((outcome as { error: RetryExhaustedError }).error.cause).toBe(last);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('backoffCeilingMs doubles from the base and stops at the cap, even for huge attempt numbers', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffCeilingMs(n, 200, 5000))).toEqual([200, 400, 800, 1600, 3200]);
    expect(backoffCeilingMs(6, 200, 5000)).toBe(5000); // 6400 capped
    expect(backoffCeilingMs(10_000, 200, 5000)).toBe(5000); // 200 · 2^1023 = Infinity, still capped
    expect(backoffCeilingMs(3, 0, 0)).toBe(0);
    expect(backoffCeilingMs(10_000, 0, 0)).toBe(0); // not 0 · 2^9999 = 0 · Infinity = NaN
  });
});
