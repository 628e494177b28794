/**
 * The reason a failed run records (fail-run.ts `readableErrorMessage`): a Lambda error's Cause
 * JSON, whole or cut at Step Functions' 32,768 characters, gives its errorMessage and never its
 * stack trace; other text is kept; everything is capped.
 */
import { describe, expect, it } from 'vitest';
import { MAX_REASON_LENGTH, readableErrorMessage } from '../../../functions/core/pipeline/fail-run.js';

const cause = (errorMessage: string, traceLines = 3) =>
  JSON.stringify({
    errorType: 'StagedObjectMissingError',
    errorMessage,
    trace: Array.from(
      { length: traceLines },
      (_, i) => `    at step${i} (file:///var/task/index.mjs:${i}:1)`,
    ),
  });

describe('readableErrorMessage', () => {
  it('keeps a plain message and a service error text as they are', () => {
    expect(readableErrorMessage('run r1: staged book is missing')).toBe('run r1: staged book is missing');
    expect(readableErrorMessage('Task timed out after 300.00 seconds')).toBe(
      'Task timed out after 300.00 seconds',
    );
  });

  it('reads errorMessage out of a whole Lambda error Cause, escapes decoded', () => {
    expect(readableErrorMessage(cause('book: "clients" must be a list'))).toBe(
      'book: "clients" must be a list',
    );
  });

  it('reads errorMessage out of a Cause cut short inside its trace, with no stack in the result', () => {
    const cut = cause('no positions for asOf 2026-11-30', 2_000).slice(0, 32_768);
    expect(() => JSON.parse(cut)).toThrow();
    expect(readableErrorMessage(cut)).toBe('no positions for asOf 2026-11-30');
  });

  it('keeps JSON-looking text without an errorMessage, capped', () => {
    expect(readableErrorMessage('{"reason":"x"}')).toBe('{"reason":"x"}');
    const long = readableErrorMessage(`{${'x'.repeat(5_000)}`);
    expect(long).toHaveLength(MAX_REASON_LENGTH);
    expect(long.endsWith('…')).toBe(true);
  });
});
