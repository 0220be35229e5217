import { describe, expect, it } from 'vitest';
import { calendarDay, formatDate, parseContentDate } from '../../../src/lib/content/dates.ts';

const iso = (value: unknown, zone?: string) => {
  const result = parseContentDate(value, zone);
  return 'date' in result ? result.date.toISOString() : `error: ${result.error}`;
};

describe('parseContentDate', () => {
  it('reads a date-only value as a calendar day starting at midnight in the site zone', () => {
    expect(iso('2026-03-05')).toBe('2026-03-05T00:00:00.000Z');
    expect(iso('2026-03-05', 'Asia/Tokyo')).toBe('2026-03-04T15:00:00.000Z');
    expect(iso('2026-07-01', 'Europe/Berlin')).toBe('2026-06-30T22:00:00.000Z');
  });

  it('reads date-times with Z or an offset as that instant, whatever the site zone', () => {
    expect(iso('2026-03-05T23:30:00+09:00')).toBe('2026-03-05T14:30:00.000Z');
    expect(iso('2026-03-05T23:30+0900', 'Europe/Berlin')).toBe('2026-03-05T14:30:00.000Z');
    expect(iso('2026-03-05 08:00:00.250Z')).toBe('2026-03-05T08:00:00.250Z');
  });

  it('needs a zone on a date-time unless the site names one', () => {
    expect(iso('2026-03-05T23:30:00')).toBe('error: a date-time with a zone (Z or an offset such as +01:00), as the site config sets no timeZone');
    expect(iso('2026-03-05T23:30:00', 'Asia/Tokyo')).toBe('2026-03-05T14:30:00.000Z');
    expect(iso('2026-01-15T12:00', 'Europe/Berlin')).toBe('2026-01-15T11:00:00.000Z');
  });

  it('rejects impossible dates and times in every form', () => {
    const impossible = 'error: a date and time that exist (month 01–12, a day in that month, time 00:00–23:59:59)';
    for (const value of ['2026-02-30', '2026-02-30T10:00:00Z', '2026-13-01', '2026-03-05T24:00Z', '2026-03-05T10:60:00Z', '2026-03-05T10:00:60Z', '2025-02-29']) {
      expect([value, iso(value, 'UTC')]).toEqual([value, impossible]);
    }
    expect(iso('2028-02-29')).toBe('2028-02-29T00:00:00.000Z');
    expect(iso('2026-03-05T10:00:00+15:00')).toBe('error: a zone offset between -14:00 and +14:00');
    expect(iso('2026-03-29T02:30:00', 'Europe/Berlin')).toBe('error: a time that exists in Europe/Berlin (the clocks skip it that day)');
  });

  it('rejects anything that is not text in one of the forms', () => {
    const forms = 'error: YYYY-MM-DD or a date-time with a zone, such as 2026-03-05T09:30:00Z or 2026-03-05T09:30:00+01:00';
    for (const value of ['last tuesday', '05/03/2026', '2026-3-5', 20260305, new Date('2026-03-05'), undefined]) expect(iso(value)).toBe(forms);
  });
});

describe('dates shown to readers', () => {
  it('uses the site zone, never the machine zone', () => {
    const instant = new Date('2026-03-05T23:30:00Z');
    expect(formatDate(instant, 'en')).toBe('March 5, 2026');
    expect(formatDate(instant, 'en', { timeZone: 'Asia/Tokyo' })).toBe('March 6, 2026');
    expect(calendarDay(instant, 'Asia/Tokyo')).toEqual({ year: 2026, month: 3, day: 6, iso: '2026-03-06' });
    expect(calendarDay(instant)).toEqual({ year: 2026, month: 3, day: 5, iso: '2026-03-05' });
  });
});
