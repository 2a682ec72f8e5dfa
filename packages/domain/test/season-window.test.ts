import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { doubleBookings, outsideSeason, planStart, type Booking } from '../src/season-window.ts';

const spring = { startsOn: '2026-04-01', endsOn: '2026-06-30' };
const open = { startsOn: null, endsOn: null };

describe('planStart', () => {
  it.each([
    [spring, undefined, '2026-04-01'],
    [spring, '2026-04-11', '2026-04-11'],
    [open, '2026-04-11', '2026-04-11'],
    [open, undefined, undefined],
  ])('season %j, asked %s → %s', (window, requested, want) => {
    expect(planStart(window, requested)).toBe(want);
  });
});

describe('outsideSeason', () => {
  it.each([
    [spring, ['2026-04-01', '2026-06-30'], undefined],
    [spring, ['2026-03-31', '2026-04-07'], { date: '2026-03-31', bound: 'startsOn' }],
    [spring, ['2026-06-27', '2026-07-04'], { date: '2026-07-04', bound: 'endsOn' }],
    [{ startsOn: '2026-04-01', endsOn: null }, ['2030-01-01'], undefined],
    [{ startsOn: null, endsOn: '2026-06-30' }, ['2020-01-01', '2026-07-01'], { date: '2026-07-01', bound: 'endsOn' }],
    [open, ['1999-12-31'], undefined],
    [spring, [], undefined],
  ] as const)('season %j, dates %j → %j', (window, dates, want) => {
    expect(outsideSeason(window, dates)).toEqual(want);
  });
});

describe('doubleBookings', () => {
  const m = (id: string, clubs: string[], kickoffAt: string): Booking => ({ id, clubs, kickoffAt });

  it.each([
    ['same kick-off, other competition', '2026-04-11T15:00:00Z', [{ clubId: 'a', matchId: 'n1', otherMatchId: 'x1' }]],
    ['an hour later, still on the pitch', '2026-04-11T16:00:00Z', [{ clubId: 'a', matchId: 'n1', otherMatchId: 'x1' }]],
    ['one minute short of two hours', '2026-04-11T16:59:00Z', [{ clubId: 'a', matchId: 'n1', otherMatchId: 'x1' }]],
    ['two hours later: free again', '2026-04-11T17:00:00Z', []],
    ['the next day', '2026-04-12T15:00:00Z', []],
  ])('%s', (_, kickoffAt, want) => {
    const planned = [m('n1', ['a', 'b'], '2026-04-11T15:00:00Z')];
    expect(doubleBookings(planned, [m('x1', ['a', 'z'], kickoffAt)])).toEqual(want);
  });

  it('finds clashes among the planned matches too, each pair once, per club', () => {
    const planned = [m('n1', ['a', 'b'], '2026-04-11T15:00:00Z'), m('n2', ['b', 'a'], '2026-04-11T15:30:00Z')];
    expect(doubleBookings(planned, [])).toEqual([
      { clubId: 'a', matchId: 'n1', otherMatchId: 'n2' },
      { clubId: 'b', matchId: 'n1', otherMatchId: 'n2' },
    ]);
  });

  it('reports exactly the pairs of a club’s matches less than a slot apart that involve a planned match', () => {
    const booking = fc.record({
      id: fc.uuid(),
      clubs: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 2, maxLength: 2 }),
      kickoffAt: fc.integer({ min: 0, max: 48 }).map((h) => new Date(Date.UTC(2026, 3, 11, h)).toISOString()),
    });
    fc.assert(
      fc.property(fc.uniqueArray(booking, { selector: (b) => b.id }), fc.array(booking), (planned, existing) => {
        const all = [...planned, ...existing.map((b, i) => ({ ...b, id: `x${i}` }))];
        const want = new Set<string>();
        for (const [i, p] of planned.entries())
          for (const [j, o] of all.entries()) {
            const near = Math.abs(Date.parse(p.kickoffAt) - Date.parse(o.kickoffAt)) < 2 * 3_600_000;
            if (i === j || !near) continue;
            for (const club of p.clubs.filter((c) => o.clubs.includes(c)))
              want.add([club, ...[p.id, o.id].sort()].join('|'));
          }
        const got = doubleBookings(planned, all.slice(planned.length)).map((c) =>
          [c.clubId, ...[c.matchId, c.otherMatchId].sort()].join('|'),
        );
        expect(new Set(got).size).toBe(got.length);
        expect(new Set(got)).toEqual(want);
      }),
    );
  });
});
