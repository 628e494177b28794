/** Small readers for untyped JSON values, each giving a plain-language reason on failure. */

export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a bad value for error messages: `"abc" (a string)`, `NaN`, `missing`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string')
    return `${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)} (a string)`;
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/** Outcome of reading one field: the value, or the reason it is unusable. */
export type FieldResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const bad = (reason: string): FieldResult<never> => ({ ok: false, reason });

export interface NumberRule {
  /** Strict lower bound (value must be greater). */
  readonly above?: number;
  /** Inclusive lower bound. */
  readonly atLeast?: number;
  /** Strict upper bound. */
  readonly below?: number;
  /** Inclusive upper bound. */
  readonly atMost?: number;
  readonly integer?: boolean;
}

function ruleText(rule: NumberRule): string {
  const parts: string[] = [];
  if (rule.integer) parts.push('a whole number');
  if (rule.above !== undefined) parts.push(`> ${rule.above}`);
  if (rule.atLeast !== undefined) parts.push(`≥ ${rule.atLeast}`);
  if (rule.below !== undefined) parts.push(`< ${rule.below}`);
  if (rule.atMost !== undefined) parts.push(`≤ ${rule.atMost}`);
  return parts.join(' and ');
}

/** A finite number satisfying `rule`. */
export function readNumber(record: JsonObject, field: string, rule: NumberRule = {}): FieldResult<number> {
  const value = record[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return bad(`${field} must be a finite number, got ${describeValue(value)}`);
  }
  const fails =
    (rule.above !== undefined && !(value > rule.above)) ||
    (rule.atLeast !== undefined && !(value >= rule.atLeast)) ||
    (rule.below !== undefined && !(value < rule.below)) ||
    (rule.atMost !== undefined && !(value <= rule.atMost)) ||
    (rule.integer === true && !Number.isInteger(value));
  return fails ? bad(`${field} must be ${ruleText(rule)}, got ${value}`) : ok(value);
}

/** Like readNumber, but an absent field takes `fallback`. */
export function readOptionalNumber(
  record: JsonObject,
  field: string,
  fallback: number,
  rule: NumberRule = {},
): FieldResult<number> {
  return record[field] === undefined ? ok(fallback) : readNumber(record, field, rule);
}

/** A non-empty string. */
export function readString(record: JsonObject, field: string): FieldResult<string> {
  const value = record[field];
  if (typeof value !== 'string' || value.length === 0) {
    return bad(`${field} must be a non-empty string, got ${describeValue(value)}`);
  }
  return ok(value);
}

/** One of the allowed strings. */
export function readChoice<T extends string>(
  record: JsonObject,
  field: string,
  allowed: readonly T[],
): FieldResult<T> {
  const value = record[field];
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return ok(value as T);
  const expected = allowed.map((a) => `"${a}"`).join(' or ');
  return bad(
    value === undefined
      ? `${field} is missing (expected ${expected})`
      : `${field} must be ${expected}, got ${describeValue(value)}`,
  );
}
