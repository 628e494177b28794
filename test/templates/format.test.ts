/** Number formatting of the reports (templates/format.ts): signs, rounding and the true minus. */
import { describe, expect, it } from 'vitest';
import { formatCount, formatPrice, formatReturn, formatUsd, formatUsdShort } from '../../templates/format.js';

describe('formatUsd', () => {
  it.each([
    [1_234_567.4, '$1,234,567'],
    [-12_000, '−$12,000'],
    [0.5, '$1'],
    [-0.4, '$0'],
    [0, '$0'],
  ])('%d → %s', (amount, text) => expect(formatUsd(amount)).toBe(text));
});

describe('formatUsdShort', () => {
  it.each([
    [2_104_000_000, '$2.10bn'],
    [-1_234_000, '−$1.23m'],
    [45_600, '$45.6k'],
    [999, '$999'],
    [-0.4, '$0'],
  ])('%d → %s', (amount, text) => expect(formatUsdShort(amount)).toBe(text));
});

describe('formatReturn', () => {
  it.each([
    [-0.1469, '−14.69%'],
    [0.2504, '+25.04%'],
    [0, '0.00%'],
    [-0.00001, '0.00%'],
    [0.00004, '0.00%'],
    [-0.00005001, '−0.01%'],
  ])('%d → %s', (r, text) => expect(formatReturn(r)).toBe(text));

  it('takes the number of decimals', () => expect(formatReturn(-0.123456, 1)).toBe('−12.3%'));
});

describe('formatPrice and formatCount', () => {
  it('prices: whole dollars from 1,000, cents from 1, four significant digits below', () => {
    expect(formatPrice(91_500.4)).toBe('91,500');
    expect(formatPrice(137.456)).toBe('137.46');
    expect(formatPrice(0.99987)).toBe('0.9999');
  });
  it('counts with thousands separators', () => expect(formatCount(100_000)).toBe('100,000'));
});
