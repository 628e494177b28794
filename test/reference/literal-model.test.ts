import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareResults } from './compare-results.js';
import { computeLiteralResult, erfcCody, normalCdf } from './literal-model.js';

function readJson(rel: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/spec/${rel}`, import.meta.url), 'utf8'));
}

function docs(example: 'small' | 'medium', params: 'reference' | 'breaker') {
  return {
    book: readJson(`examples/${example}/book.json`),
    market: readJson(`examples/${example}/market.json`),
    scenarios: readJson(`examples/${example}/scenarios.json`),
    params: readJson(`params.${params}.json`),
  };
}

function clone<T>(x: T): T {
  return structuredClone(x);
}

// biome-ignore lint/suspicious/noExplicitAny: test-only mutation of parsed JSON
type Any = any;

describe('literal reference model agrees with the spec examples (MODEL.md §9 tolerances)', () => {
  it('small example, reference params', () => {
    const actual = computeLiteralResult(docs('small', 'reference'));
    expect(compareResults(readJson('examples/small/expected-result.json'), actual)).toEqual([]);
  });

  it('medium example, reference params', () => {
    const actual = computeLiteralResult(docs('medium', 'reference'));
    expect(compareResults(readJson('examples/medium/expected-result.json'), actual)).toEqual([]);
  }, 60_000);

  it('medium example, breaker params', () => {
    const actual = computeLiteralResult(docs('medium', 'breaker'));
    expect(compareResults(readJson('examples/medium/expected-result.breaker.json'), actual)).toEqual([]);
  }, 60_000);
});

describe('compareResults (port of compare.py)', () => {
  const expected = readJson('examples/small/expected-result.json') as Any;

  it('accepts an identical result', () => {
    expect(compareResults(expected, clone(expected))).toEqual([]);
  });

  it('detects a perturbed count', () => {
    const actual = clone(expected);
    actual.runs[0].rounds += 1;
    actual.margin['as-is'].units -= 1;
    const m = compareResults(expected, actual);
    expect(m).toHaveLength(2);
    expect(m.some((x) => x.includes('regime=as-is].rounds'))).toBe(true);
    expect(m.some((x) => x.startsWith('margin.as-is.units'))).toBe(true);
  });

  it('detects a money amount beyond tolerance and accepts one within', () => {
    const badDebt = expected.runs[0].badDebt as number;
    const tol = 1e-6 * Math.abs(badDebt) + 1;
    const beyond = clone(expected);
    beyond.runs[0].badDebt = badDebt + 1.5 * tol;
    const m = compareResults(expected, beyond);
    expect(m).toHaveLength(1);
    expect(m[0]).toContain('.badDebt');
    const within = clone(expected);
    within.runs[0].badDebt = badDebt + 0.5 * tol;
    within.runs[0].liquidationFlowUsd.BTC += 0.9; // absolute USD slack
    expect(compareResults(expected, within)).toEqual([]);
  });

  it('applies the price, reverse-stress, halted, order and rejected-path rules', () => {
    const a = clone(expected);
    a.runs[0].finalPrices.BTC *= 1 + 5e-7; // within 1e-6 relative
    a.reverseStress.down += 0.0015; // within 0.002
    expect(compareResults(expected, a)).toEqual([]);
    const b = clone(expected);
    b.runs[0].finalPrices.BTC *= 1 + 2e-6;
    b.reverseStress.up += 0.003;
    b.runs[1].halted = ['BTC'];
    expect(compareResults(expected, b)).toHaveLength(3);
    const c = clone(expected);
    [c.runs[0], c.runs[1]] = [c.runs[1], c.runs[0]];
    expect(compareResults(expected, c).join('\n')).toContain('order differs');
    const e2 = { ...clone(expected), rejected: [{ path: 'book.clients[0].subaccounts[1]', reason: 'x' }] };
    const a2 = { ...clone(expected), rejected: [{ path: 'clients[0].subaccounts[1]', reason: 'y' }] };
    expect(compareResults(e2, a2)).toEqual([]);
    expect(compareResults(e2, { ...a2, rejected: [] })).toHaveLength(2);
    expect(compareResults(e2, { ...a2, rejected: [] }, { ignore: ['rejected'] })).toEqual([]);
  });
});

describe('literal model building blocks', () => {
  it('Cody erfc / normal CDF match high-precision values (mpmath, 40 digits)', () => {
    // reference values computed with mpmath at mp.dps = 40
    const cases: [number, number][] = [
      [0.3, 0.6713732405408726],
      [1, 0.15729920705028513],
      [2.2, 0.0018628462979818898],
      [5.5, 7.357847917974398e-15],
      [-1.7, 1.9837904585907746],
    ];
    for (const [x, v] of cases) expect(Math.abs(erfcCody(x) - v)).toBeLessThanOrEqual(1e-15 * v);
    expect(Math.abs(normalCdf(-1.96) - 0.024997895148220435)).toBeLessThan(1e-15);
    expect(normalCdf(0)).toBe(0.5);
  });

  it('rejects invalid records (§1.4) and equals the result without them', () => {
    const base = docs('small', 'reference');
    const clean = computeLiteralResult(base);
    const dirty = clone(base) as Any;
    const alpha = dirty.book.clients[0];
    alpha.subaccounts.push({
      venue: 'venue-a',
      marginMode: 'standard',
      collateral: { USDT: 1e6 },
      positions: [],
    });
    alpha.subaccounts.push({ venue: 'venue-z', collateral: { USDT: 1e6 }, positions: [] });
    alpha.subaccounts[0].positions.push({ type: 'perp', asset: 'USDT', qty: 5, entry: 1 });
    alpha.subaccounts[0].positions.push({ type: 'perp', asset: 'NOPE', qty: 5, entry: 1 });
    alpha.subaccounts[0].positions.push({ type: 'perp', asset: 'BTC', qty: '5', entry: 1 });
    alpha.subaccounts[1].collateral.NOPE = 3;
    dirty.market.assets.BAD = { kind: 'crypto', price: -1, vol: 0.5, adv: 1, depth1pct: 1 };
    dirty.book.clients[1].subaccounts[0].collateral.BAD = 10;
    dirty.scenarios.scenarios.push({ id: 'uniform-down-20', shocks: { '*': { shock: -0.5 } } });
    dirty.scenarios.scenarios.push({ id: 'broken', shocks: { '*': { shock: -1 } } });
    const r = computeLiteralResult(dirty);
    expect(r.rejected.map((x) => x.path).sort()).toEqual(
      [
        'assets.BAD',
        'clients[0].subaccounts[2]',
        'clients[0].subaccounts[3]',
        'clients[0].subaccounts[0].positions[3]',
        'clients[0].subaccounts[0].positions[4]',
        'clients[0].subaccounts[0].positions[5]',
        'clients[0].subaccounts[1].collateral.NOPE',
        'clients[1].subaccounts[0].collateral.BAD',
        'scenarios[4]',
        'scenarios[5]',
      ].sort(),
    );
    expect(compareResults(clean, r, { ignore: ['rejected'] })).toEqual([]);
  });

  it('fails the whole calculation on invalid params or document-level fields', () => {
    const base = docs('small', 'reference') as Any;
    const mismatch = clone(base);
    mismatch.market.asOf = '2026-12-01';
    expect(() => computeLiteralResult(mismatch)).toThrow(/asOf/);
    const badParams = clone(base);
    badParams.params.assets.BTC.tiers[4].upTo = 1e9;
    expect(() => computeLiteralResult(badParams)).toThrow(/invalid params/);
    const badFund = clone(base);
    badFund.book.insuranceFund = -1;
    expect(() => computeLiteralResult(badFund)).toThrow(/insuranceFund/);
  });
});
