import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { localToUtc, sameLocalTimeLater, scheduleRounds } from '../src/kickoffs.ts';

/** The wall clock of `iso` in `timeZone`, as YYYY-MM-DD HH:mm. */
const wallClock = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

describe('localToUtc', () => {
  it.each([
    ['2025-01-10', '18:00', 'Europe/Berlin', '2025-01-10T17:00:00.000Z'],
    ['2025-07-10', '18:00', 'Europe/Berlin', '2025-07-10T16:00:00.000Z'],
    ['2025-03-30', '02:30', 'Europe/Berlin', '2025-03-30T01:30:00.000Z'], // skipped hour: 03:30 CEST
    ['2025-10-26', '02:30', 'Europe/Berlin', '2025-10-26T00:30:00.000Z'], // twice: the earlier, CEST
    ['2025-03-09', '02:30', 'America/New_York', '2025-03-09T07:30:00.000Z'],
    ['2025-11-02', '01:30', 'America/New_York', '2025-11-02T05:30:00.000Z'],
    ['2025-06-01', '12:00', 'Asia/Kolkata', '2025-06-01T06:30:00.000Z'],
    ['2025-01-01', '00:00', 'Pacific/Auckland', '2024-12-31T11:00:00.000Z'],
    ['2024-02-29', '23:59', 'UTC', '2024-02-29T23:59:00.000Z'],
  ])('%s %s in %s → %s', (date, time, zone, want) => {
    expect(localToUtc(date, time, zone)).toBe(want);
  });

  it.each([
    ['2025-02-30', '18:00', 'UTC'],
    ['2025-1-5', '18:00', 'UTC'],
    ['2025-01-05', '24:00', 'UTC'],
    ['2025-01-05', '6pm', 'UTC'],
    ['2025-01-05', '18:00', 'Mars/Olympus'],
  ])('refuses %s %s in %s', (date, time, zone) => {
    expect(() => localToUtc(date, time, zone)).toThrow(RangeError);
  });

  it('gives back the same wall clock wherever that time exists', () => {
    const zone = fc.constantFrom('Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Tokyo', 'UTC');
    const day = fc.integer({ min: 0, max: 365 * 10 }).map((d) => new Date(Date.UTC(2020, 0, 1 + d)).toISOString());
    const time = fc.tuple(fc.integer({ min: 4, max: 23 }), fc.integer({ min: 0, max: 59 }));
    fc.assert(
      fc.property(zone, day, time, (tz, iso, [h, m]) => {
        const date = iso.slice(0, 10);
        const hhmm = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        expect(wallClock(localToUtc(date, hhmm, tz), tz)).toBe(`${date} ${hhmm}`);
      }),
    );
  });
});

describe('scheduleRounds', () => {
  it('Saturdays at 18:00 in Berlin stay 18:00 across the spring change', () => {
    const out = scheduleRounds({
      firstDate: '2025-03-13',
      weekday: 6,
      time: '18:00',
      timeZone: 'Europe/Berlin',
      rounds: 4,
    });
    expect(out).toEqual([
      '2025-03-15T17:00:00.000Z',
      '2025-03-22T17:00:00.000Z',
      '2025-03-29T17:00:00.000Z',
      '2025-04-05T16:00:00.000Z',
    ]);
  });

  it('and across the autumn change, every two weeks', () => {
    const out = scheduleRounds({
      firstDate: '2025-10-19',
      weekday: 0,
      time: '18:00',
      timeZone: 'Europe/Berlin',
      rounds: 3,
      intervalDays: 14,
    });
    expect(out).toEqual(['2025-10-19T16:00:00.000Z', '2025-11-02T17:00:00.000Z', '2025-11-16T17:00:00.000Z']);
    for (const iso of out) expect(wallClock(iso, 'Europe/Berlin').slice(11)).toBe('18:00');
  });

  it('no rounds, no dates', () => {
    expect(scheduleRounds({ firstDate: '2025-01-01', weekday: 3, time: '10:00', timeZone: 'UTC', rounds: 0 })).toEqual(
      [],
    );
  });

  it.each([{ weekday: 7 }, { weekday: 1.5 }, { intervalDays: 0 }, { firstDate: '2025-13-01' }])('refuses %j', (bad) => {
    const opts = { firstDate: '2025-01-01', weekday: 3, time: '10:00', timeZone: 'UTC', rounds: 2, ...bad };
    expect(() => scheduleRounds(opts)).toThrow(RangeError);
  });
});

describe('sameLocalTimeLater', () => {
  it.each([
    ['2025-10-19T16:00:00.000Z', 7, 'Europe/Berlin', '2025-10-26T17:00:00.000Z'], // 18:00 CEST → 18:00 CET
    ['2025-03-22T17:00:00.000Z', 7, 'Europe/Berlin', '2025-03-29T17:00:00.000Z'],
    ['2025-03-22T17:00:00.000Z', 14, 'Europe/Berlin', '2025-04-05T16:00:00.000Z'],
    ['2025-12-31T21:30:00.000Z', 1, 'Europe/Moscow', '2026-01-01T21:30:00.000Z'], // 00:30 local, next day
    ['2025-06-01T10:00:00.000Z', 0, 'UTC', '2025-06-01T10:00:00.000Z'],
  ])('%s + %i days in %s → %s', (iso, days, zone, want) => {
    expect(sameLocalTimeLater(iso, days, zone)).toBe(want);
  });
});
