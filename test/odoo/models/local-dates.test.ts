import { describe, expect, it } from 'vitest';
import { localDaysToUtc, toLocalDatetime } from '../../../src/odoo/models/local-dates.ts';
import { QueryOptionsError } from '../../../src/odoo/models/query-checks.ts';

describe('localDaysToUtc: local calendar days, both ends inclusive, as half-open naive UTC bounds', () => {
  it.each([
    // Paris leaves summer time on 25 October 2026 at 03:00: the 25th has 25 hours
    ['Europe/Paris', '2026-10-24', '2026-10-25', '2026-10-23 22:00:00', '2026-10-25 23:00:00'],
    // and enters it on 29 March: 23 hours
    ['Europe/Paris', '2026-03-29', '2026-03-29', '2026-03-28 23:00:00', '2026-03-29 22:00:00'],
    ['America/New_York', '2026-11-01', '2026-11-01', '2026-11-01 04:00:00', '2026-11-02 05:00:00'],
    // Cairo springs forward at midnight: 26 April 2024 starts at 01:00 local
    ['Africa/Cairo', '2024-04-25', '2024-04-26', '2024-04-24 22:00:00', '2024-04-26 21:00:00'],
    ['Africa/Cairo', '2024-04-26', '2024-04-26', '2024-04-25 22:00:00', '2024-04-26 21:00:00'],
    ['Asia/Kolkata', '2026-12-01', '2026-12-06', '2026-11-30 18:30:00', '2026-12-06 18:30:00'],
    ['Pacific/Kiritimati', '2026-12-31', '2026-12-31', '2026-12-30 10:00:00', '2026-12-31 10:00:00'],
    ['Pacific/Pago_Pago', '2026-12-31', '2026-12-31', '2026-12-31 11:00:00', '2027-01-01 11:00:00'],
    ['UTC', '2024-02-29', '2024-02-29', '2024-02-29 00:00:00', '2024-03-01 00:00:00'],
  ])('%s, %s to %s', (timeZone, from, to, start, end) => {
    expect(localDaysToUtc({ from, to, timeZone })).toEqual({ start, end });
  });

  it('one bound alone', () => {
    expect(localDaysToUtc({ from: '2026-12-01', timeZone: 'Europe/Paris' })).toEqual({ start: '2026-11-30 23:00:00' });
    expect(localDaysToUtc({ to: '2026-12-01', timeZone: 'Europe/Paris' })).toEqual({ end: '2026-12-01 23:00:00' });
    expect(localDaysToUtc({ timeZone: 'Europe/Paris' })).toEqual({});
  });

  it.each([
    [{ from: '2026-02-30', timeZone: 'UTC' }, 'localDaysToUtc(): from must be a calendar day as YYYY-MM-DD, got "2026-02-30"'],
    [{ to: '2026-12-1', timeZone: 'UTC' }, 'localDaysToUtc(): to must be a calendar day as YYYY-MM-DD, got "2026-12-1"'],
    [{ from: '2026-12-01T00:00:00Z', timeZone: 'UTC' }, 'localDaysToUtc(): from must be a calendar day as YYYY-MM-DD, got "2026-12-01T00:00:00Z"'],
    [{ from: 20261201, timeZone: 'UTC' }, 'localDaysToUtc(): from must be a calendar day as YYYY-MM-DD, got 20261201'],
    [{ from: '2026-12-06', to: '2026-12-01', timeZone: 'UTC' }, 'localDaysToUtc(): from (2026-12-06) is after to (2026-12-01)'],
    [{ from: '2026-12-01', timeZone: 'Mars/Olympus_Mons' }, 'localDaysToUtc(): timeZone must be an IANA time zone such as Europe/Paris, got "Mars/Olympus_Mons"'],
    [{ from: '2026-12-01', timeZone: '+01:00x' }, 'localDaysToUtc(): timeZone must be an IANA time zone such as Europe/Paris, got "+01:00x"'],
    [{ from: '2026-12-01' }, 'localDaysToUtc(): timeZone is required, e.g. Europe/Paris'],
  ])('%j is refused in one line', (days, message) => {
    expect(() => localDaysToUtc(days as never)).toThrow(new QueryOptionsError(message));
  });
});

describe('toLocalDatetime', () => {
  it("shows Odoo's naive UTC on the zone's wall clock, the repeated hour of a DST change included", () => {
    expect(toLocalDatetime('2026-10-25 00:30:00', 'Europe/Paris')).toBe('2026-10-25 02:30:00');
    expect(toLocalDatetime('2026-10-25 01:30:00', 'Europe/Paris')).toBe('2026-10-25 02:30:00');
    expect(toLocalDatetime('2026-12-31 23:59:59', 'Asia/Tokyo')).toBe('2027-01-01 08:59:59');
  });

  it('refuses what is not an Odoo datetime or a zone', () => {
    expect(() => toLocalDatetime('2026-10-25T00:30:00Z', 'UTC')).toThrow(
      "toLocalDatetime(): '2026-10-25T00:30:00Z' is not an Odoo datetime such as '2026-12-01 08:15:00'",
    );
    expect(() => toLocalDatetime('2026-02-30 00:00:00', 'UTC')).toThrow(QueryOptionsError);
    expect(() => toLocalDatetime('2026-10-25 00:30:00', 'Europe/Pariss')).toThrow(
      'toLocalDatetime(): timeZone must be an IANA time zone such as Europe/Paris, got "Europe/Pariss"',
    );
  });
});
