/**
 * Which business date has just closed: the daily job runs after the end-of-day cut-off and
 * reports on the day that cut-off ended.
 *
 * Conventions:
 * - The cut-off is a wall-clock time `HH:MM` in an IANA time zone. `24:00` is the midnight
 *   that ends the day (the first instant of the next local date); `00:00` is the midnight
 *   that starts it, so with `00:00` business date D closes at the start of D itself.
 * - Business date D closes at the first instant at which the zone's wall clock reads D at the
 *   cut-off or later. A cut-off inside a skipped hour (spring forward) therefore closes when
 *   the clock jumps past it; a cut-off inside a repeated hour (fall back) closes at its first
 *   occurrence. So the date just closed never goes backwards as time moves forward.
 * - An instant exactly at a close belongs to the closed day (the close is inclusive).
 *
 * Pure: the zone's offsets come from `Intl.DateTimeFormat` (the runtime's time-zone data); no
 * clock is read here.
 */
import { epochDay, type IsoDate, isoDateFromEpochDay, parseIsoDate } from '../dates.js';
import { MarginfallError } from '../errors.js';

/** Where and when a business day ends. */
export interface BusinessDayClose {
  /** `HH:MM`, 00:00–23:59, or `24:00` for the midnight ending the day. */
  readonly cutoff: string;
  /** IANA time zone, e.g. `Europe/London`, `America/New_York`, `UTC`. */
  readonly timeZone: string;
}

/** A cut-off, time zone or instant that cannot be used. */
export class BusinessCloseInputError extends MarginfallError {
  override readonly name = 'BusinessCloseInputError';
  constructor(
    readonly field: 'cutoff' | 'timeZone' | 'instant' | 'asOf',
    readonly reason: string,
  ) {
    super(`business date: ${field}: ${reason}`);
  }
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
/** Wall clocks and UTC differ by less than a day anywhere (the widest offsets are −12 h and +14 h). */
const SEARCH_SPAN_MS = 2 * MS_PER_DAY;

const CUTOFF = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Minutes after local midnight, 0–1440 (1440 = `24:00`). */
export function parseCutoff(cutoff: string): number {
  if (!CUTOFF.test(cutoff)) {
    throw new BusinessCloseInputError(
      'cutoff',
      `must be HH:MM from 00:00 to 23:59, or 24:00; got '${cutoff}'`,
    );
  }
  return Number(cutoff.slice(0, 2)) * 60 + Number(cutoff.slice(3, 5));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter of wall-clock fields in `timeZone`; throws `BusinessCloseInputError` for an unknown zone. */
function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new BusinessCloseInputError(
        'timeZone',
        `'${timeZone}' is not an IANA time zone known to this runtime`,
      );
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Checks that `timeZone` is an IANA zone this runtime knows; throws `BusinessCloseInputError` if not. */
export function checkTimeZone(timeZone: string): void {
  wallClockFormatter(timeZone);
}

/**
 * The wall clock of `timeZone` at instant `epochMs`, as milliseconds on a UTC-like scale
 * (the wall time read as if it were UTC). Its difference to `epochMs` is the zone's offset.
 */
function wallClockMs(epochMs: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of wallClockFormatter(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const pad = (n: number | undefined, width: number) => String(n ?? 0).padStart(width, '0');
  const date = `${pad(fields.year, 4)}-${pad(fields.month, 2)}-${pad(fields.day, 2)}` as IsoDate;
  const secondOfDay = (fields.hour ?? 0) * 3600 + (fields.minute ?? 0) * 60 + (fields.second ?? 0);
  const subSecond = ((epochMs % 1000) + 1000) % 1000;
  return epochDay(date) * MS_PER_DAY + secondOfDay * 1000 + subSecond;
}

function offsetMs(epochMs: number, timeZone: string): number {
  return wallClockMs(epochMs, timeZone) - epochMs;
}

/**
 * The first instant at which the wall clock of `timeZone` reads `wallMs` or later (wall time on
 * the UTC-like scale of `wallClockMs`).
 */
function firstInstantAtOrAfter(wallMs: number, timeZone: string): number {
  // Every offset in force within a day of the wall time; a zone changes offset at most once
  // or twice in that span, so each instant with this wall time is `wallMs − offset` for one of them.
  const offsets = new Set<number>();
  for (let probe = wallMs - SEARCH_SPAN_MS; probe <= wallMs + SEARCH_SPAN_MS; probe += MS_PER_DAY / 4) {
    offsets.add(offsetMs(probe, timeZone));
  }
  const exact = [...offsets]
    .map((offset) => wallMs - offset)
    .filter((instant) => wallClockMs(instant, timeZone) === wallMs)
    .sort((a, b) => a - b);
  if (exact[0] !== undefined) return exact[0];
  // The wall time is skipped (a forward jump): the answer is the jump itself, the first instant
  // whose wall clock is past `wallMs`. Before it the wall clock reads less than `wallMs`.
  let before = wallMs - Math.max(...offsets);
  let after = wallMs - Math.min(...offsets);
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (wallClockMs(middle, timeZone) >= wallMs) after = middle;
    else before = middle;
  }
  return after;
}

const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/** Milliseconds since 1970-01-01T00:00Z of an ISO-8601 instant with `Z` or a numeric offset. */
function parseInstant(instantIso: string): number {
  const match = INSTANT.exec(instantIso);
  const date = parseIsoDate(match?.[1]);
  const [hour, minute, second] = [match?.[2], match?.[3], match?.[4] ?? '0'].map(Number);
  if (!match || date === undefined || hour! > 23 || minute! > 59 || second! > 59) {
    throw new BusinessCloseInputError(
      'instant',
      `must be an ISO-8601 instant such as 2026-12-01T06:15:00Z; got '${instantIso}'`,
    );
  }
  const millis = Math.floor(Number(`0.${match[5] ?? '0'}`) * 1000);
  const sign = match[7] === '-' ? -1 : 1;
  const offsetMinutes = match[6] === 'Z' ? 0 : sign * (Number(match[8]) * 60 + Number(match[9]));
  return (
    epochDay(date) * MS_PER_DAY + ((hour! * 60 + minute! - offsetMinutes) * 60 + second!) * 1000 + millis
  );
}

/** `2026-12-01T05:00:00.000Z` for milliseconds since the epoch. */
function formatInstant(epochMs: number): string {
  const day = Math.floor(epochMs / MS_PER_DAY);
  const ms = epochMs - day * MS_PER_DAY;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const time = `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
  return `${isoDateFromEpochDay(day)}T${time}Z`;
}

function closeMs(asOf: IsoDate, cutoffMinutes: number, timeZone: string): number {
  return firstInstantAtOrAfter(epochDay(asOf) * MS_PER_DAY + cutoffMinutes * MS_PER_MINUTE, timeZone);
}

/** The instant (ISO-8601 UTC) at which business date `asOf` closes. */
export function businessDayCloseInstant(asOf: string, close: BusinessDayClose): string {
  const date = parseIsoDate(asOf);
  if (date === undefined)
    throw new BusinessCloseInputError('asOf', `must be a date YYYY-MM-DD; got '${asOf}'`);
  return formatInstant(closeMs(date, parseCutoff(close.cutoff), close.timeZone));
}

/** The latest business date whose close is at or before `instantIso`. */
export function businessDateClosedAt(instantIso: string, close: BusinessDayClose): IsoDate {
  const cutoffMinutes = parseCutoff(close.cutoff);
  const instant = parseInstant(instantIso);
  const localDay = Math.floor(wallClockMs(instant, close.timeZone) / MS_PER_DAY);
  // The close of local date L lies within L (at the start of L + 1 for 24:00), and the close of
  // L − 1 at or before the start of L: the answer is L or L − 1. L − 2 is looked at only for a
  // date the zone skipped entirely (Pacific/Apia has no 2011-12-30).
  for (let day = localDay; day >= localDay - 2; day--) {
    const date = isoDateFromEpochDay(day);
    if (closeMs(date, cutoffMinutes, close.timeZone) <= instant) return date;
  }
  // Unreachable for real zones: the close of L − 2 is always before the end of L − 1.
  throw new BusinessCloseInputError('instant', `no business date closed at ${instantIso}`);
}
