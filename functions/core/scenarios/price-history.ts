/**
 * Daily price history as the historical derivation reads it: parsers for the two data
 * formats in functions/data/ (they take text or parsed JSON, never a path) and UTC-day
 * arithmetic (on ../dates.ts, without `Date`). Days are ISO `YYYY-MM-DD` strings in UTC; a Binance daily bar covers
 * 00:00–24:00 UTC of its day and its close is the last trade before 24:00 UTC.
 */

import { epochDay, isoDateFromEpochDay, parseIsoDate } from '../dates.js';
import { MarginfallError } from '../errors.js';

/** One UTC day of OHLC prices, quoted in USDT. */
export interface DailyBar {
  readonly day: string;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

/** One Deribit DVOL daily close: annualised 30-day BTC implied vol in percent (e.g. 59.48). */
export interface DvolPoint {
  readonly day: string;
  readonly value: number;
}

/** The input files do not have the shape this module expects. */
export class PriceDataError extends MarginfallError {
  override readonly name = 'PriceDataError';
}

const DAY_MS = 86_400_000;
const OHLC_HEADER = 'timestamp,open,high,low,close,volume';

function toEpochDay(day: string): number {
  const date = parseIsoDate(day);
  if (date === undefined) throw new PriceDataError(`not an ISO day: ${day}`);
  return epochDay(date);
}

/** The UTC day `n` days after `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  return isoDateFromEpochDay(toEpochDay(day) + n);
}

/** Every UTC day from `first` to `last`, both included. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  const end = toEpochDay(last);
  for (let d = toEpochDay(first); d <= end; d++) days.push(isoDateFromEpochDay(d));
  return days;
}

function parsePositive(text: string | undefined, where: string): number {
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new PriceDataError(`${where}: expected a positive number, got "${text ?? ''}"`);
  }
  return value;
}

/**
 * Parses `timestamp,open,high,low,close,volume` (timestamp = UTC day; CRLF or LF) into bars in
 * ascending day order. Refuses non-positive prices, low > high, and unsorted or repeated days.
 */
export function parseDailyOhlcCsv(text: string, label = 'csv'): DailyBar[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines[0]?.trim() !== OHLC_HEADER) throw new PriceDataError(`${label}: header is not "${OHLC_HEADER}"`);
  const bars: DailyBar[] = [];
  for (let i = 1; i < lines.length; i++) {
    const where = `${label} line ${i + 1}`;
    const [day = '', open, high, low, close] = (lines[i] ?? '').split(',');
    toEpochDay(day);
    const bar: DailyBar = {
      day,
      open: parsePositive(open, where),
      high: parsePositive(high, where),
      low: parsePositive(low, where),
      close: parsePositive(close, where),
    };
    if (bar.low > bar.high) throw new PriceDataError(`${where}: low above high`);
    const previous = bars[bars.length - 1];
    if (previous && previous.day >= day) throw new PriceDataError(`${where}: days not strictly ascending`);
    bars.push(bar);
  }
  return bars;
}

/** Parses the DVOL file's `[[epoch-ms, value], ...]` (epoch = 00:00 UTC of the day) into points. */
export function parseDvolSeries(json: unknown, label = 'dvol'): DvolPoint[] {
  if (!Array.isArray(json)) throw new PriceDataError(`${label}: expected an array`);
  return json.map((entry: unknown, i): DvolPoint => {
    if (!Array.isArray(entry) || entry.length !== 2)
      throw new PriceDataError(`${label}[${i}]: expected a pair`);
    const [ms, value] = entry as unknown[];
    if (typeof ms !== 'number' || !Number.isInteger(ms) || ms % DAY_MS !== 0) {
      throw new PriceDataError(`${label}[${i}]: timestamp is not 00:00 UTC of a day`);
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new PriceDataError(`${label}[${i}]: value is not a positive number`);
    }
    return { day: isoDateFromEpochDay(ms / DAY_MS), value };
  });
}
