/**
 * Business dates (functions/core/dates.ts: ISO dates, day numbers, ACT/365 year fractions,
 * MODEL.md §0) and the JSON reader for input documents (functions/core/json.ts), which tolerates
 * the NaN / Infinity tokens of Python exporters so bad numbers are rejected record by record.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  epochDay,
  type IsoDate,
  isoDateFromEpochDay,
  parseIsoDate,
  yearFraction,
} from '../../functions/core/dates.js';
import { MalformedJsonError, MarginfallError } from '../../functions/core/errors.js';
import { parseJsonDocument } from '../../functions/core/json.js';

function iso(text: string): IsoDate {
  const date = parseIsoDate(text);
  if (!date) throw new Error(`not a date: ${text}`);
  return date;
}

describe('parseIsoDate', () => {
  it.each(['2026-11-30', '2028-02-29', '2000-02-29', '1970-01-01', '0001-01-01', '9999-12-31'])(
    'accepts %s',
    (text) => {
      expect(parseIsoDate(text)).toBe(text);
    },
  );

  it.each([
    ['2027-02-29', 'not a leap year'],
    ['1900-02-29', 'a century that is not a leap year'],
    ['2026-11-31', 'November has 30 days'],
    ['2026-13-01', 'month 13'],
    ['2026-00-10', 'month 0'],
    ['2026-11-00', 'day 0'],
    ['2026-1-05', 'one-digit month'],
    ['26-11-30', 'two-digit year'],
    ['2026-11-30T00:00:00Z', 'a timestamp'],
    [' 2026-11-30', 'leading space'],
    ['2026/11/30', 'slashes'],
    ['', 'empty'],
  ])('rejects %s (%s)', (text) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });

  it('rejects non-strings', () => {
    for (const value of [20261130, null, undefined, {}, ['2026-11-30'], new Date(0)]) {
      expect(parseIsoDate(value)).toBeUndefined();
    }
  });
});

describe('epochDay and isoDateFromEpochDay', () => {
  it('known day numbers', () => {
    expect(epochDay(iso('1970-01-01'))).toBe(0);
    expect(epochDay(iso('1969-12-31'))).toBe(-1);
    // 2000-03-01: 30 years of 365 days + 7 leap days (72, 76, …, 96) + Jan 31 + Feb 29 (2000 is leap)
    //   = 10,950 + 7 + 31 + 29 = 11,017
    expect(epochDay(iso('2000-03-01'))).toBe(11_017);
    expect(epochDay(iso('2026-11-30')) - epochDay(iso('2026-01-01'))).toBe(333);
  });

  it('agree with the proleptic Gregorian calendar of Date.UTC, and are inverse (fast-check)', () => {
    // Tests may use Date; the core does not (it must not read a clock).
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (day) => {
        const date = isoDateFromEpochDay(day);
        expect(parseIsoDate(date)).toBe(date);
        expect(epochDay(date)).toBe(day);
        expect(new Date(day * 86_400_000).toISOString().slice(0, 10)).toBe(date);
      }),
      { numRuns: 2_000, seed: 7 },
    );
  });

  it('consecutive days differ by one across month, year and leap-day boundaries', () => {
    const pairs = [
      ['2028-02-28', '2028-02-29'],
      ['2028-02-29', '2028-03-01'],
      ['2027-02-28', '2027-03-01'],
      ['2026-12-31', '2027-01-01'],
      ['2100-02-28', '2100-03-01'],
    ];
    for (const [a, b] of pairs) expect(epochDay(iso(b!)) - epochDay(iso(a!))).toBe(1);
  });
});

describe('yearFraction: τ = (expiry − asOf) in days / 365 (ACT/365, MODEL.md §0)', () => {
  it.each([
    ['2026-11-30', '2026-12-25', 25 / 365],
    ['2026-11-30', '2027-03-26', 116 / 365], // Dec 31 + Jan 31 + Feb 28 + Mar 26 = 116
    ['2026-11-30', '2027-11-30', 1],
    ['2027-11-30', '2028-11-30', 366 / 365], // spans 2028-02-29: no leap-year adjustment
    ['2026-11-30', '2026-11-30', 0],
    ['2026-11-30', '2026-11-20', -10 / 365],
  ])('%s → %s', (asOf, expiry, tau) => {
    expect(yearFraction(iso(asOf), iso(expiry))).toBe(tau);
  });
});

describe('parseJsonDocument', () => {
  it('reads standard JSON', () => {
    expect(
      parseJsonDocument('{"a": [1, 2.5e3, -0.5], "b": {"c": null, "d": true}, "e": "x"}', 'book'),
    ).toEqual({
      a: [1, 2500, -0.5],
      b: { c: null, d: true },
      e: 'x',
    });
  });

  it('reads NaN, Infinity and -Infinity tokens as numbers, in objects and lists', () => {
    const value = parseJsonDocument(
      '{"qty": NaN, "list": [Infinity, -Infinity, 1, "NaN"], "nested": {"x": -1.5e-3, "ok": false}}',
      'book',
    ) as { qty: number; list: unknown[]; nested: unknown };
    expect(value.qty).toBeNaN();
    expect(value.list).toEqual([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1, 'NaN']);
    expect(value.nested).toEqual({ x: -0.0015, ok: false });
  });

  it('the tolerant reader keeps strings with escapes and odd keys as own properties', () => {
    const value = parseJsonDocument(
      '{"a\\"b": "c\\\\d\\u00e9", "__proto__": {"polluted": true}, "n": NaN, "e": [], "o": {}}',
      'market',
    ) as Record<string, unknown>;
    expect(value['a"b']).toBe('c\\dé');
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(value.e).toEqual([]);
    expect(value.o).toEqual({});
  });

  it('gives the same value as JSON.parse on standard JSON through either path (fast-check)', () => {
    // Appending a NaN member forces the tolerant parser; the rest must read identically.
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify({ value });
        const tolerant = parseJsonDocument(`${text.slice(0, -1)}, "extra": NaN}`, 'book') as {
          value: unknown;
          extra: number;
        };
        expect(tolerant.value).toEqual(JSON.parse(text).value);
        expect(tolerant.extra).toBeNaN();
        expect(parseJsonDocument(text, 'book')).toEqual(JSON.parse(text));
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it.each([
    ['{"a": 1,}', 'book'],
    ['{"a": undefined}', 'params'],
    ['', 'market'],
    ["{'a': 1}", 'scenarios'],
  ])('malformed JSON %j fails with MalformedJsonError naming the document', (text, document) => {
    let error: unknown;
    try {
      parseJsonDocument(text, document);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MalformedJsonError);
    expect(error).toBeInstanceOf(MarginfallError);
    expect(error).toMatchObject({ name: 'MalformedJsonError', document });
    expect((error as Error).message).toMatch(new RegExp(`^${document}: not valid JSON: `));
  });

  it.each([
    ['{"a": NaN,\n "b": nope}', 'unexpected token at line 2 column 7'],
    ['{"a": NaN} trailing', 'unexpected content after the document at line 1 column 12'],
    ['{"a": NaN', "expected ',' or '}'"],
    ['[NaN, 1', "expected ',' or ']'"],
    ['{"a": "NaN', 'unterminated string'],
    ['{a: NaN}', 'expected a property name'],
    ['{"a" NaN}', "expected ':'"],
  ])('a malformed document with NaN tokens %j: the reason and position', (text, reason) => {
    let error: unknown;
    try {
      parseJsonDocument(text, 'book');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MalformedJsonError);
    expect((error as MalformedJsonError).reason).toContain(reason);
  });
});
