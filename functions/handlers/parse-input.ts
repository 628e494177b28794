/**
 * zod at the edge: every handler parses its event with a schema and turns the first problem
 * into a message naming the field (`scenarios[2].shocks.BTC.shock: must be at most 10`).
 */
import type { z } from 'zod';

export interface InputProblem {
  /** Path of the field, `a.b[2].c`; `(input)` for the whole value. */
  readonly field: string;
  readonly reason: string;
}

/** `scenarios[2].shocks.BTC.shock` for the path ['scenarios', 2, 'shocks', 'BTC', 'shock']. */
export function formatPath(path: readonly PropertyKey[]): string {
  let field = '';
  for (const part of path) {
    if (typeof part === 'number') field += `[${part}]`;
    else field += field === '' ? String(part) : `.${String(part)}`;
  }
  return field === '' ? '(input)' : field;
}

const ARTICLE_AN = /^[aeiou]/;

function describeIssue(issue: z.core.$ZodIssue): InputProblem {
  const field = formatPath(issue.path);
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) {
    return { field, reason: 'is required' };
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      return { field: formatPath([...issue.path, key]), reason: 'is not a known field' };
    }
    case 'invalid_type': {
      if (!issue.message.startsWith('Invalid input')) return { field, reason: issue.message };
      const expected = String(issue.expected);
      return { field, reason: `must be ${ARTICLE_AN.test(expected) ? 'an' : 'a'} ${expected}` };
    }
    case 'invalid_value':
      return {
        field,
        reason: issue.message.startsWith('Invalid')
          ? `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`
          : issue.message,
      };
    default:
      return { field, reason: issue.message };
  }
}

/** Parses `input`; on failure returns the first problem instead of throwing. */
export function parseWith<T>(
  schema: z.ZodType<T>,
  input: unknown,
): { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: InputProblem } {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    problem: issue === undefined ? { field: '(input)', reason: 'is invalid' } : describeIssue(issue),
  };
}
