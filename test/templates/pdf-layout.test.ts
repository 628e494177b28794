import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../templates/pdf/charts.js';
import {
  formatCountChange,
  formatPercent,
  formatPointsChange,
  formatQuantity,
  formatRatio,
  formatUsdChange,
  formatUsdShortChange,
} from '../../templates/pdf/figures.js';
import { type Block, LayoutError, paginate } from '../../templates/pdf/layout.js';
import { heatColor, heatTextColor } from '../../templates/pdf/theme.js';

const block = (height: number, extra: Partial<Block> = {}): Block => ({ height, draw: () => {}, ...extra });

/** Page body from y = 0 to y = 100 in these tests. */
const place = (blocks: Block[]) =>
  paginate(blocks, 0, 100).pages.map((page) => page.map((p) => [blocks.indexOf(p.block), p.y]));

describe('paginate', () => {
  it('stacks blocks and starts a page when the next one does not fit', () => {
    // 40 + 40 = 80 fits; 80 + 30 = 110 > 100 → new page.
    expect(place([block(40), block(40), block(30)])).toEqual([
      [
        [0, 0],
        [1, 40],
      ],
      [[2, 0]],
    ]);
  });

  it('drops spaceBefore at the top of a page', () => {
    expect(place([block(50), block(40, { spaceBefore: 20 }), block(10, { spaceBefore: 5 })])).toEqual([
      [[0, 0]],
      [
        [1, 0],
        [2, 45],
      ],
    ]);
  });

  it('moves a heading to the next page with the block it is kept with', () => {
    // Heading at 80 (h 10) would fit, but its table header (10) and first row (10) would not: 80 + 30 > 100.
    const heading = block(10, { keepWithNext: true });
    const header = block(10, { keepWithNext: true });
    expect(place([block(80), heading, header, block(10)])).toEqual([
      [[0, 0]],
      [
        [1, 0],
        [2, 10],
        [3, 20],
      ],
    ]);
  });

  it('puts a row’s continuation (the repeated table header) above it on a new page', () => {
    const repeated = block(15);
    const rows = [
      block(45, { continuation: repeated }),
      block(45, { continuation: repeated }),
      block(45, { continuation: repeated }),
    ];
    const result = paginate(rows, 0, 100);
    expect(
      result.pages[1]!.map((p) => [p.block === repeated ? 'header' : rows.indexOf(p.block), p.y]),
    ).toEqual([
      ['header', 0],
      [2, 15],
    ]);
  });

  it('honours pageBreakBefore and records on which page each anchor lands', () => {
    const anchor = { id: 'b', title: 'B', level: 1 as const };
    const result = paginate([block(10), block(10, { pageBreakBefore: true, anchor })], 0, 100);
    expect(result.pages).toHaveLength(2);
    expect(result.anchors).toEqual([{ anchor, page: 1 }]);
  });

  it('refuses a block taller than a page instead of drawing it over the footer', () => {
    expect(() => paginate([block(101)], 0, 100)).toThrow(LayoutError);
  });

  it('never places a block beyond the bottom, whatever the heights (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            height: fc.integer({ min: 1, max: 60 }),
            space: fc.integer({ min: 0, max: 20 }),
            keep: fc.boolean(),
          }),
          { maxLength: 60 },
        ),
        (specs) => {
          const blocks = specs.map((s) => block(s.height, { spaceBefore: s.space, keepWithNext: s.keep }));
          const { pages } = paginate(blocks, 0, 100);
          const placed = pages.flat();
          expect(placed).toHaveLength(blocks.length);
          for (const p of placed) expect(p.y + p.block.height).toBeLessThanOrEqual(100);
          // Reading order is kept.
          expect(placed.map((p) => blocks.indexOf(p.block))).toEqual(blocks.map((_, i) => i));
        },
      ),
    );
  });
});

describe('niceTicks', () => {
  it('covers [min, max] with round steps of 1, 2 or 5 × 10^k', () => {
    expect(niceTicks(0, 22.65e6)).toEqual([0, 5e6, 10e6, 15e6, 20e6, 25e6]);
    expect(niceTicks(24.6, 100)).toEqual([20, 40, 60, 80, 100]);
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
        (min, rawSpan) => {
          // Chart ranges, not rounding noise: the span is at least a millionth of the level.
          const span = Math.max(rawSpan, Math.abs(min) * 1e-6);
          const ticks = niceTicks(min, min + span);
          expect(ticks[0]!).toBeLessThanOrEqual(min);
          expect(ticks.at(-1)!).toBeGreaterThanOrEqual(min + span);
          const step = (ticks.at(-1)! - ticks[0]!) / (ticks.length - 1);
          const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
          expect(
            [1, 2, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-4 * m),
            `step ${step}`,
          ).toBe(true);
          ticks.slice(1).forEach((t, i) => {
            expect(Math.abs(t - ticks[i]! - step)).toBeLessThan(step * 1e-4);
          });
          expect(ticks.length).toBeLessThanOrEqual(12);
        },
      ),
    );
  });

  it('widens a zero-width range so a flat series still gets an axis', () => {
    const ticks = niceTicks(100, 100);
    expect(ticks[0]!).toBeLessThan(100);
    expect(ticks.at(-1)!).toBeGreaterThan(100);
  });
});

describe('report number formats', () => {
  it.each([
    [formatRatio(4.80809782969559), '4.81×'],
    [formatRatio(null), 'n/a'],
    [formatPercent(0.4936), '49.36%'],
    [formatPercent(-0.0000001), '0.00%'],
    [formatUsdChange(749_249.4), '+$749,249'],
    [formatUsdChange(-2_157_216), '−$2,157,216'],
    [formatUsdChange(0.4), '$0'],
    [formatUsdShortChange(-113_472), '−$113.5k'],
    [formatCountChange(-11), '−11'],
    [formatCountChange(2), '+2'],
    [formatPointsChange(0.012), '+1.20 pp'],
    [formatPointsChange(-0.0000001), '0.00 pp'],
    [formatQuantity(-38.0503), '−38.0503'],
    [formatQuantity(2734.2), '2,734.2'],
    [formatQuantity(-0.00001), '0'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('heatmap colours', () => {
  it('runs from pale to dark red and switches text to white on dark cells', () => {
    expect(heatColor(0)).toBe('#fff7ec');
    expect(heatColor(1)).toBe('#7f0000');
    expect(heatColor(2)).toBe('#7f0000');
    expect(heatColor(0.5)).toBe('#fc8d59');
    expect(heatTextColor(0.2)).not.toBe('#ffffff');
    expect(heatTextColor(0.9)).toBe('#ffffff');
  });
});
