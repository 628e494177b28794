import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochDay, isoDateFromEpochDay, parseIsoDate } from '../../../functions/core/dates.js';
import {
  BusinessCloseInputError,
  businessDateClosedAt,
  businessDayCloseInstant,
  parseCutoff,
} from '../../../functions/core/pipeline/business-date.js';

const UTC_MIDNIGHT = { cutoff: '24:00', timeZone: 'UTC' };
const NEW_YORK_5PM = { cutoff: '17:00', timeZone: 'America/New_York' };

describe('businessDateClosedAt', () => {
  it('with the default close (24:00 UTC) the day just closed is yesterday; midnight itself belongs to it', () => {
    expect(businessDateClosedAt('2026-12-01T06:15:00.000Z', UTC_MIDNIGHT)).toBe('2026-11-30');
    expect(businessDateClosedAt('2026-12-01T00:00:00.000Z', UTC_MIDNIGHT)).toBe('2026-11-30');
    expect(businessDateClosedAt('2026-11-30T23:59:59.999Z', UTC_MIDNIGHT)).toBe('2026-11-29');
    // Year and leap-day boundaries.
    expect(businessDateClosedAt('2027-01-01T00:00:00Z', UTC_MIDNIGHT)).toBe('2026-12-31');
    expect(businessDateClosedAt('2028-03-01T03:00:00Z', UTC_MIDNIGHT)).toBe('2028-02-29');
  });

  it('a cut-off of 00:00 closes a day at its own start', () => {
    const close = { cutoff: '00:00', timeZone: 'UTC' };
    expect(businessDateClosedAt('2026-12-01T00:00:00Z', close)).toBe('2026-12-01');
    expect(businessDateClosedAt('2026-11-30T23:59:59Z', close)).toBe('2026-11-30');
  });

  it('a 17:00 New York cut-off is 22:00 UTC in winter and 21:00 UTC in summer', () => {
    expect(businessDateClosedAt('2026-12-01T21:59:59.999Z', NEW_YORK_5PM)).toBe('2026-11-30');
    expect(businessDateClosedAt('2026-12-01T22:00:00.000Z', NEW_YORK_5PM)).toBe('2026-12-01');
    expect(businessDateClosedAt('2026-07-01T20:59:59.999Z', NEW_YORK_5PM)).toBe('2026-06-30');
    expect(businessDateClosedAt('2026-07-01T21:00:00.000Z', NEW_YORK_5PM)).toBe('2026-07-01');
    // After UTC midnight it is still the evening before in New York.
    expect(businessDateClosedAt('2026-12-02T03:00:00Z', NEW_YORK_5PM)).toBe('2026-12-01');
    expect(businessDayCloseInstant('2026-12-01', NEW_YORK_5PM)).toBe('2026-12-01T22:00:00.000Z');
    expect(businessDayCloseInstant('2026-07-01', NEW_YORK_5PM)).toBe('2026-07-01T21:00:00.000Z');
  });

  it('accepts instants with a numeric offset', () => {
    // 2026-12-01T17:30-05:00 = 22:30Z, after the New York close.
    expect(businessDateClosedAt('2026-12-01T17:30:00-05:00', NEW_YORK_5PM)).toBe('2026-12-01');
    expect(businessDateClosedAt('2026-12-01T01:00:00+02:00', UTC_MIDNIGHT)).toBe('2026-11-29');
  });

  it('midnight in London follows British Summer Time (clocks change 2026-03-29 and 2026-10-25)', () => {
    const london = { cutoff: '24:00', timeZone: 'Europe/London' };
    // Midnight BST ending 2026-07-01 is 23:00Z.
    expect(businessDayCloseInstant('2026-07-01', london)).toBe('2026-07-01T23:00:00.000Z');
    expect(businessDateClosedAt('2026-07-01T22:59:59.999Z', london)).toBe('2026-06-30');
    expect(businessDateClosedAt('2026-07-01T23:00:00.000Z', london)).toBe('2026-07-01');
    // 2026-03-29 is 23 hours long: it starts at 00:00Z (GMT) and ends at 23:00Z (BST).
    expect(businessDayCloseInstant('2026-03-28', london)).toBe('2026-03-29T00:00:00.000Z');
    expect(businessDayCloseInstant('2026-03-29', london)).toBe('2026-03-29T23:00:00.000Z');
    // 2026-10-25 is 25 hours long: it starts at 23:00Z the evening before and ends at 00:00Z.
    expect(businessDayCloseInstant('2026-10-24', london)).toBe('2026-10-24T23:00:00.000Z');
    expect(businessDayCloseInstant('2026-10-25', london)).toBe('2026-10-26T00:00:00.000Z');
    expect(businessDateClosedAt('2026-10-25T23:59:59.999Z', london)).toBe('2026-10-24');
  });

  it('a cut-off inside the skipped hour closes when the clock jumps past it (New York, 2026-03-08 02:00 → 03:00)', () => {
    const close = { cutoff: '02:30', timeZone: 'America/New_York' };
    // 01:59:59 EST = 06:59:59Z; the next instant reads 03:00 EDT = 07:00Z.
    expect(businessDayCloseInstant('2026-03-08', close)).toBe('2026-03-08T07:00:00.000Z');
    expect(businessDateClosedAt('2026-03-08T06:59:59.999Z', close)).toBe('2026-03-07');
    expect(businessDateClosedAt('2026-03-08T07:00:00.000Z', close)).toBe('2026-03-08');
    // The day before and after close at 02:30 local as usual.
    expect(businessDayCloseInstant('2026-03-07', close)).toBe('2026-03-07T07:30:00.000Z');
    expect(businessDayCloseInstant('2026-03-09', close)).toBe('2026-03-09T06:30:00.000Z');
  });

  it('a cut-off inside the repeated hour closes at its first occurrence and stays closed (New York, 2026-11-01 02:00 → 01:00)', () => {
    const close = { cutoff: '01:30', timeZone: 'America/New_York' };
    // 01:30 EDT = 05:30Z; the clock reads 01:30 again (EST) at 06:30Z.
    expect(businessDayCloseInstant('2026-11-01', close)).toBe('2026-11-01T05:30:00.000Z');
    expect(businessDateClosedAt('2026-11-01T05:29:59.999Z', close)).toBe('2026-10-31');
    expect(businessDateClosedAt('2026-11-01T05:30:00.000Z', close)).toBe('2026-11-01');
    // 01:15 EST, the second pass through the hour: the day has already closed.
    expect(businessDateClosedAt('2026-11-01T06:15:00.000Z', close)).toBe('2026-11-01');
  });

  it('a midnight the zone skips closes the day at the jump (Santiago, 2026-09-06 00:00 → 01:00)', () => {
    const close = { cutoff: '24:00', timeZone: 'America/Santiago' };
    // 23:59:59 −04 on 2026-09-05 is 03:59:59Z; the next instant reads 01:00 −03 on 2026-09-06.
    expect(businessDayCloseInstant('2026-09-05', close)).toBe('2026-09-06T04:00:00.000Z');
    expect(businessDateClosedAt('2026-09-06T03:59:59.999Z', close)).toBe('2026-09-04');
    expect(businessDateClosedAt('2026-09-06T04:00:00.000Z', close)).toBe('2026-09-05');
  });

  it('handles half-hour and +14:00 zones', () => {
    expect(businessDayCloseInstant('2026-12-01', { cutoff: '18:00', timeZone: 'Asia/Kolkata' })).toBe(
      '2026-12-01T12:30:00.000Z',
    );
    // Kiritimati is UTC+14: its midnight ending 2026-12-01 is 10:00Z on 2026-12-01.
    const kiritimati = { cutoff: '24:00', timeZone: 'Pacific/Kiritimati' };
    expect(businessDayCloseInstant('2026-12-01', kiritimati)).toBe('2026-12-01T10:00:00.000Z');
    expect(businessDateClosedAt('2026-12-01T10:00:00Z', kiritimati)).toBe('2026-12-01');
  });

  it('the date just closed never goes backwards, and the instant lies between its close and the next', () => {
    const zones = ['UTC', 'America/New_York', 'Europe/London', 'America/Santiago', 'Australia/Lord_Howe'];
    const cutoffs = ['00:00', '01:30', '02:30', '17:00', '23:59', '24:00'];
    const start = epochDay(parseIsoDate('2026-01-01')!) * 86_400_000;
    const instant = fc.integer({ min: 0, max: 365 * 86_400_000 }).map((ms) => start + ms);
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom(...cutoffs),
        instant,
        instant,
        (timeZone, cutoff, a, b) => {
          const close = { cutoff, timeZone };
          const [early, late] = a <= b ? [a, b] : [b, a];
          const earlyDate = businessDateClosedAt(new Date(early).toISOString(), close);
          const lateDate = businessDateClosedAt(new Date(late).toISOString(), close);
          expect(earlyDate <= lateDate).toBe(true);
          const next = isoDateFromEpochDay(epochDay(parseIsoDate(earlyDate)!) + 1);
          expect(Date.parse(businessDayCloseInstant(earlyDate, close))).toBeLessThanOrEqual(early);
          expect(Date.parse(businessDayCloseInstant(next, close))).toBeGreaterThan(early);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names what is wrong with a cut-off, zone, instant or date', () => {
    for (const cutoff of ['24:01', '7:00', '25:00', '12:60', '']) {
      expect(() => parseCutoff(cutoff)).toThrow(BusinessCloseInputError);
      expect(() => parseCutoff(cutoff)).toThrow(
        `business date: cutoff: must be HH:MM from 00:00 to 23:59, or 24:00; got '${cutoff}'`,
      );
    }
    expect(parseCutoff('24:00')).toBe(1440);
    expect(parseCutoff('09:05')).toBe(545);
    expect(() =>
      businessDateClosedAt('2026-12-01T00:00:00Z', { cutoff: '24:00', timeZone: 'Mars/Olympus' }),
    ).toThrow("business date: timeZone: 'Mars/Olympus' is not an IANA time zone known to this runtime");
    for (const instant of ['yesterday', '2026-12-01', '2026-02-30T00:00:00Z', '2026-12-01T24:00:00Z']) {
      expect(() => businessDateClosedAt(instant, UTC_MIDNIGHT)).toThrow(
        `business date: instant: must be an ISO-8601 instant`,
      );
    }
    expect(() => businessDayCloseInstant('2026-13-01', UTC_MIDNIGHT)).toThrow(
      "business date: asOf: must be a date YYYY-MM-DD; got '2026-13-01'",
    );
  });
});
