/**
 * JSON that gives back exactly the numbers it was given. Task outputs travel between steps
 * through the staging store; plain JSON would turn −0 into 0 and NaN or ±Infinity into null.
 * Here those four values are written as `{"$number":"-0"}` (or `"NaN"`, `"Infinity"`,
 * `"-Infinity"`), every other number in JavaScript's shortest round-trip form, keys in
 * insertion order — so the same value always gives the same text.
 */
const SPECIAL = '$number';

function encode(_key: string, value: unknown): unknown {
  if (typeof value !== 'number') return value;
  if (Object.is(value, -0)) return { [SPECIAL]: '-0' };
  if (!Number.isFinite(value)) return { [SPECIAL]: String(value) };
  return value;
}

function decode(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== SPECIAL) return value;
  const text = (value as Record<string, unknown>)[SPECIAL];
  if (text === '-0') return -0;
  if (text === 'NaN' || text === 'Infinity' || text === '-Infinity') return Number(text);
  return value;
}

export function stringifyExact(value: unknown): string {
  return JSON.stringify(value, encode);
}

export function parseExact(text: string): unknown {
  return JSON.parse(text, decode);
}
