import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { change, compareReports } from '../../../functions/core/report/day-over-day.js';
import { describeMethodology, flattenMethodology } from '../../../functions/core/report/methodology.js';
import type { RiskReport } from '../../../functions/core/report/report-model.js';
import { validateParams } from '../../../functions/core/validation/validate-params.js';
import { mediumTexts, previousDayTexts, runReport } from './report-fixtures.js';

let previous: RiskReport;
let current: RiskReport;

beforeAll(() => {
  const texts = mediumTexts();
  previous = runReport(previousDayTexts(texts), { runId: '2026-11-27-r1', skipReverseStress: true }).report;
  current = runReport(texts, { previous, skipReverseStress: true }).report;
});

describe('day-over-day against the previous business day’s report', () => {
  it('names the previous report and the inputs that changed', () => {
    const dod = current.dayOverDay!;
    expect(dod.previousAsOf).toBe('2026-11-27');
    expect(dod.previousRunId).toBe('2026-11-27-r1');
    // Book (asOf), market (asOf, prices) and params (options.im) differ; the scenario file is the same.
    expect(dod.inputsChanged).toEqual({ book: true, market: true, params: true, scenarios: false });
  });

  it('shows market moves: every price was 5% lower the day before, so today’s return is 1/0.95 − 1', () => {
    const btc = current.dayOverDay!.market.find((m) => m.asset === 'BTC')!;
    expect(btc.price.current).toBe(102_150);
    expect(btc.price.previous).toBeCloseTo(102_150 * 0.95, 8);
    expect(btc.priceReturn).toBeCloseTo(1 / 0.95 - 1, 12); // +5.263%
    expect(btc.vol).toEqual({ previous: 0.4936, current: 0.4936, change: 0 });
    expect(current.dayOverDay!.market.map((m) => m.asset)).toEqual(current.market.map((m) => m.asset));
  });

  it('lists exactly the parameter that changed', () => {
    expect(current.dayOverDay!.parameters).toEqual({
      previousVersion: 'reference-1',
      currentVersion: 'reference-1',
      changed: [{ path: 'options.im', previous: 0.2, current: 0.15 }],
    });
  });

  it('shows position and risk changes as current − previous', () => {
    const dod = current.dayOverDay!;
    expect(dod.positions.clients).toEqual({ previous: 300, current: 300, change: 0 });
    const btcDelta = dod.positions.netDeltaUsd.find((d) => d.asset === 'BTC')!;
    expect(btcDelta.change!).toBeCloseTo(btcDelta.current! - btcDelta.previous!, 6);
    for (const m of dod.risk.margin) {
      const now = current.margin.find((x) => x.regime === m.regime)!;
      const before = previous.margin.find((x) => x.regime === m.regime)!;
      expect(m.im).toEqual({ previous: before.im, current: now.im, change: now.im - before.im });
    }
    // Reverse stress was skipped on both days: both null, change null.
    expect(dod.risk.reverseStressDown).toEqual({ previous: null, current: null, change: null });
    expect(dod.risk.insuranceFund.change).toBe(0);
  });

  it('keeps assets seen on one day only, with null on the other', () => {
    const trimmed: RiskReport = { ...previous, market: previous.market.filter((m) => m.asset !== 'LINK') };
    const dod = compareReports(trimmed, current);
    const link = dod.market.find((m) => m.asset === 'LINK')!;
    expect(link.price.previous).toBeNull();
    expect(link.priceReturn).toBeNull();
    expect(link.price.change).toBeNull();
  });

  it('finds no change between a report and itself', () => {
    const same = compareReports(current, current);
    expect(same.parameters.changed).toEqual([]);
    expect(Object.values(same.inputsChanged)).toEqual([false, false, false, false]);
    for (const m of same.market) expect(m.priceReturn).toBe(0);
    for (const m of same.risk.margin) expect(m.im.change).toBe(0);
  });
});

describe('change', () => {
  it('is current − previous, null when either side is missing', () => {
    fc.assert(
      fc.property(
        fc.option(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 })),
        fc.option(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 })),
        (previousValue, currentValue) => {
          const c = change(previousValue, currentValue);
          if (previousValue === null || currentValue === null) expect(c.change).toBeNull();
          else expect(c.change).toBe(currentValue - previousValue + 0);
          expect(Object.is(c.change, -0)).toBe(false);
        },
      ),
    );
  });
});

describe('methodology', () => {
  it('flattens to one path per parameter, "*" first, open tiers as null', () => {
    const lines = flattenMethodology(current.methodology);
    expect(lines.get('options.im')).toBe(0.15);
    expect(lines.get('impact.model')).toBe('sqrt');
    expect(lines.get('cascade.circuitBreakerBand')).toBeNull();
    expect(lines.get('assets.BTC.tiers[4].upTo')).toBeNull();
    expect(lines.get('assets.BTC.tiers[3].upTo')).toBe(100_000_000);
    expect(lines.get('assets.BTC.pm.extremeMoves')).toBe('[-0.33, 0.5]');
    expect(lines.get('assets.USDT.pm')).toBeNull();
    expect(lines.get('reverseStress.bisectionSteps')).toBe(16);
    expect(current.methodology.assets.map((a) => a.asset)).toEqual(['*', 'BTC', 'ETH', 'USDC', 'USDT']);
    expect(lines.has('modelVersion')).toBe(false);
  });

  it('describes the grids of MODEL.md §7: 0…−0.95 by 0.05 and 0…+3.00 by 0.10', () => {
    const m = current.methodology;
    expect(m.reverseStress.downGrid).toHaveLength(20);
    expect(m.reverseStress.downGrid.at(-1)).toBe(-0.95);
    expect(m.reverseStress.upGrid).toHaveLength(31);
    expect(m.reverseStress.upGrid.at(-1)).toBe(3);
  });

  it('reads the circuit breaker band when there is one', () => {
    const document = JSON.parse(mediumTexts().params) as { cascade: unknown };
    document.cascade = { maxRounds: 5, circuitBreaker: { band: 0.1 } };
    const m = describeMethodology(validateParams(document), '1.2');
    expect(m.cascade).toEqual({ maxRounds: 5, circuitBreakerBand: 0.1 });
  });
});
