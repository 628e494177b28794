/** Pure pieces of the pipeline: the chunk plan, exact JSON between steps, source rejections in the result. */
import { describe, expect, it } from 'vitest';
import type { CalculationTask, PreparedCalculation } from '../../../functions/core/calculation/calculate.js';
import type { CalculationResult } from '../../../functions/core/calculation/result.js';
import { parseExact, stringifyExact } from '../../../functions/core/pipeline/exact-json.js';
import { PreparedCalculationCache } from '../../../functions/core/pipeline/prepared-cache.js';
import { withSourceRejections } from '../../../functions/core/pipeline/publish-report.js';
import { dailyIdempotencyKey, dailyRunId } from '../../../functions/core/pipeline/request-run.js';
import { planChunks } from '../../../functions/core/pipeline/stage-run.js';

const tasks: CalculationTask[] = [
  { kind: 'reverse-stress', side: 'down' },
  { kind: 'reverse-stress', side: 'up' },
  ...Array.from({ length: 7 }, (_, index) => ({ kind: 'run' as const, index })),
];

describe('planChunks', () => {
  it('gives each reverse-stress side its own chunk first, then runs in order, at most chunkTasks each', () => {
    const chunks = planChunks(tasks, 3);
    expect(chunks.map((chunk) => chunk.map((t) => (t.kind === 'run' ? t.index : t.side)))).toEqual([
      ['down'],
      ['up'],
      [0, 1, 2],
      [3, 4, 5],
      [6],
    ]);
    expect(planChunks(tasks, 1)).toHaveLength(9);
    expect(planChunks(tasks, 50)).toHaveLength(3);
    expect(planChunks(tasks, 50).flat()).toEqual(tasks);
    expect(() => planChunks(tasks, 0)).toThrow(RangeError);
    expect(() => planChunks(tasks, 1.5)).toThrow(RangeError);
  });
});

describe('exact JSON', () => {
  it('gives back −0, NaN and ±Infinity, which plain JSON loses', () => {
    const value = {
      a: -0,
      b: [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
      c: 0.1 + 0.2,
      d: null,
    };
    const text = stringifyExact(value);
    expect(text).toBe(
      '{"a":{"$number":"-0"},"b":[{"$number":"NaN"},{"$number":"Infinity"},{"$number":"-Infinity"}],"c":0.30000000000000004,"d":null}',
    );
    const back = parseExact(text) as typeof value;
    expect(Object.is(back.a, -0)).toBe(true);
    expect(back.b).toEqual([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    expect(back.c).toBe(0.30000000000000004);
    expect(stringifyExact(back)).toBe(text);
    // An object that merely looks like the escape keeps its other keys.
    expect(parseExact('{"$number":"-0","x":1}')).toEqual({ $number: '-0', x: 1 });
  });
});

describe('withSourceRejections', () => {
  const count = (received: number, rejected: number) => ({
    received,
    accepted: received - rejected,
    rejected,
  });
  const result = {
    rejected: [{ document: 'book', path: 'clients[2]', reason: 'id must be a string' }],
    dataQuality: {
      marketAssets: count(6, 0),
      clients: count(10, 1),
      subaccounts: count(20, 0),
      positions: count(50, 2),
      collateral: count(30, 0),
      scenarios: count(3, 0),
    },
  } as unknown as CalculationResult;

  it('lists the source items first and adds them to received and rejected: received = accepted + rejected', () => {
    const merged = withSourceRejections(result, {
      rejected: [
        {
          document: 'book',
          path: 'SNAP#2026-11-30#1 / CLIENT#C1#VENUE#a',
          reason: 'stored item rejected: x',
        },
        { document: 'market', path: 'SNAP#2026-11-30 / MARKET#SOL', reason: 'stored item rejected: y' },
      ],
      counts: { marketAssets: count(1, 1), clients: count(0, 0), subaccounts: count(1, 1) },
    });
    expect(merged.rejected.map((r) => r.path)).toEqual([
      'SNAP#2026-11-30#1 / CLIENT#C1#VENUE#a',
      'SNAP#2026-11-30 / MARKET#SOL',
      'clients[2]',
    ]);
    expect(merged.dataQuality.subaccounts).toEqual({ received: 21, accepted: 20, rejected: 1 });
    expect(merged.dataQuality.marketAssets).toEqual({ received: 7, accepted: 6, rejected: 1 });
    expect(merged.dataQuality.clients).toEqual(result.dataQuality.clients);
    expect(merged.dataQuality.positions).toEqual(result.dataQuality.positions);
  });
});

describe('daily run ids', () => {
  it('derive from the idempotency key, so a retried trigger names the same run', () => {
    const key = dailyIdempotencyKey('2026-11-30', 'reference-1');
    expect(key).toBe('daily#2026-11-30#reference-1');
    expect(dailyRunId('2026-11-30', key)).toMatch(/^2026-11-30-daily-[0-9a-f]{12}$/);
    expect(dailyRunId('2026-11-30', key)).toBe(dailyRunId('2026-11-30', key));
    expect(dailyRunId('2026-11-30', dailyIdempotencyKey('2026-11-30', 'reference-2'))).not.toBe(
      dailyRunId('2026-11-30', key),
    );
  });
});

describe('PreparedCalculationCache', () => {
  const prepared = (name: string) => ({ name }) as unknown as PreparedCalculation;
  it('keeps the most recently used entries up to its capacity', () => {
    const cache = new PreparedCalculationCache(2);
    cache.set('a', prepared('a'));
    cache.set('b', prepared('b'));
    expect(cache.get('a')).toEqual(prepared('a')); // a is now the most recent
    cache.set('c', prepared('c'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual(prepared('a'));
    expect(cache.get('c')).toEqual(prepared('c'));
    expect(() => new PreparedCalculationCache(0)).toThrow(RangeError);
  });
});
