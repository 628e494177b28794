import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  PriceDataError,
  parseDailyOhlcCsv,
  parseDvolSeries,
} from '../../../functions/core/scenarios/price-history.js';

describe('parseDailyOhlcCsv', () => {
  it('reads CRLF files into ascending bars', () => {
    const text =
      'timestamp,open,high,low,close,volume\r\n2020-03-11,1,2,0.5,1.5,10\r\n2020-03-12,1.5,1.6,1,1.2,20\r\n';
    expect(parseDailyOhlcCsv(text)).toEqual([
      { day: '2020-03-11', open: 1, high: 2, low: 0.5, close: 1.5 },
      { day: '2020-03-12', open: 1.5, high: 1.6, low: 1, close: 1.2 },
    ]);
  });

  it.each([
    ['a wrong header', 'day,open,high,low,close\n'],
    ['a non-positive price', 'timestamp,open,high,low,close,volume\n2020-03-11,1,2,0,1.5,10\n'],
    ['low above high', 'timestamp,open,high,low,close,volume\n2020-03-11,1,2,3,1.5,10\n'],
    ['unsorted days', 'timestamp,open,high,low,close,volume\n2020-03-12,1,2,1,1,1\n2020-03-11,1,2,1,1,1\n'],
  ])('refuses %s', (_, text) => {
    expect(() => parseDailyOhlcCsv(text)).toThrow(PriceDataError);
  });
});

describe('parseDvolSeries', () => {
  it('maps 00:00 UTC epochs to days', () => {
    expect(parseDvolSeries([[1667952000000, 114.72]])).toEqual([{ day: '2022-11-09', value: 114.72 }]);
  });

  it('refuses timestamps inside a day and non-positive values', () => {
    expect(() => parseDvolSeries([[1667952000001, 1]])).toThrow(PriceDataError);
    expect(() => parseDvolSeries([[1667952000000, 0]])).toThrow(PriceDataError);
  });
});

describe('UTC day arithmetic', () => {
  it('crosses month and leap-year ends', () => {
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(daysBetween('2022-12-30', '2023-01-02')).toEqual([
      '2022-12-30',
      '2022-12-31',
      '2023-01-01',
      '2023-01-02',
    ]);
  });
});
