/**
 * Acceptance: the calculator reproduces the specification's published example results
 * (test/fixtures/spec/examples/, MODEL.md §8) within the §9 agreement tolerances, checked by the
 * port of the specification's compare.py. The result is compared after a round trip through its
 * canonical JSON text, i.e. exactly what `result.json` would hold.
 */
import { describe, expect, it } from 'vitest';
import { calculate } from '../../../functions/core/calculation/calculate.js';
import { stringifyResult } from '../../../functions/core/calculation/serialize.js';
import { compareResults } from '../../reference/compare-results.js';
import {
  breakerParams,
  type JsonRecord,
  readSpecFixture,
  referenceParams,
  type SpecExample,
  specExampleDocuments,
} from '../../support/core-builders.js';

interface Case {
  readonly example: SpecExample;
  readonly params: 'reference' | 'breaker';
  readonly expected: string;
}

const CASES: readonly Case[] = [
  { example: 'small', params: 'reference', expected: 'examples/small/expected-result.json' },
  { example: 'medium', params: 'reference', expected: 'examples/medium/expected-result.json' },
  { example: 'medium', params: 'breaker', expected: 'examples/medium/expected-result.breaker.json' },
];

/**
 * The margin block is a plain sum over units at the unshocked market: apart from summation
 * order it is the same arithmetic as the published one, so its amounts must agree far inside
 * the §9 money tolerance.
 */
const MARGIN_RELATIVE = 1e-12;

function paramsOf(c: Case): JsonRecord {
  return c.params === 'reference' ? referenceParams() : breakerParams();
}

function runExample(c: Case): { text: string; parsed: JsonRecord } {
  const text = stringifyResult(calculate(specExampleDocuments(c.example, paramsOf(c))));
  return { text, parsed: JSON.parse(text) as JsonRecord };
}

describe.each(CASES)('spec example $example with $params params', (c) => {
  const expected = readSpecFixture(c.expected);
  let first: { text: string; parsed: JsonRecord } | undefined;
  const result = () => {
    first ??= runExample(c);
    return first;
  };

  it('agrees with the published expected result (compare.py rules, zero mismatches)', () => {
    expect(compareResults(expected, result().parsed)).toEqual([]);
  });

  it('reproduces the margin block: same regimes and fields, exact counts, amounts to 1e-12', () => {
    const margin = result().parsed.margin as Record<string, Record<string, number>>;
    const published = expected.margin as Record<string, Record<string, number>>;
    expect(Object.keys(margin)).toEqual(Object.keys(published));
    for (const [regime, block] of Object.entries(published)) {
      const actual = margin[regime]!;
      expect(Object.keys(actual)).toEqual(['units', 'im', 'mm', 'marginCalled', 'liquidatable']);
      expect(actual.units, `${regime}.units`).toBe(block.units);
      expect(actual.marginCalled, `${regime}.marginCalled`).toBe(block.marginCalled);
      expect(actual.liquidatable, `${regime}.liquidatable`).toBe(block.liquidatable);
      for (const field of ['im', 'mm'] as const) {
        const tolerance = MARGIN_RELATIVE * Math.abs(block[field]!);
        expect(Math.abs(actual[field]! - block[field]!), `${regime}.${field}`).toBeLessThanOrEqual(tolerance);
      }
    }
  });

  it('finds the published reverse-stress thresholds on the same bisection bracket', () => {
    // Same grid and 16 halvings: the thresholds are the same dyadic points, not just within 0.002.
    const actual = result().parsed.reverseStress as Record<string, number | null>;
    const published = expected.reverseStress as Record<string, number | null>;
    for (const side of ['down', 'up'] as const) {
      expect(actual[side], side).not.toBeNull();
      expect(actual[side]!).toBeCloseTo(published[side]!, 12);
    }
  });

  it('holds one run per scenario × regime, scenario-major in params regime order', () => {
    const scenarios = (readSpecFixture(`examples/${c.example}/scenarios.json`).scenarios as JsonRecord[]).map(
      (s) => s.id as string,
    );
    const regimes = paramsOf(c).regimes as string[];
    const runs = result().parsed.runs as JsonRecord[];
    expect(runs).toHaveLength(scenarios.length * regimes.length);
    expect(runs.map((r) => `${r.scenario}/${r.regime}`)).toEqual(
      scenarios.flatMap((s) => regimes.map((g) => `${s}/${g}`)),
    );
  });

  it('writes byte-identical JSON on a second run', () => {
    expect(runExample(c).text).toBe(result().text);
  });
});
