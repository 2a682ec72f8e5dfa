import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decidingScore, resolveTie, type TieGame, type TieOutcome, type TieSpec } from '../src/ties.ts';

/** `g('A', 2, 1, 'B')` is a finished game A 2:1 B at A's ground; `so` adds a shootout, `live` leaves it running. */
const g = (
  home: string,
  homeGoals: number,
  awayGoals: number,
  away: string,
  extra: { so?: [number, number]; live?: boolean } = {},
): TieGame => ({
  homeClubId: home,
  awayClubId: away,
  homeGoals,
  awayGoals,
  finished: !extra.live,
  ...(extra.so ? { shootout: { home: extra.so[0], away: extra.so[1] } } : {}),
});

const single: TieSpec = { kind: 'single', awayGoals: false, clubA: 'A', clubB: 'B' };
const legs: TieSpec = { kind: 'two_legged', awayGoals: false, clubA: 'A', clubB: 'B' };
const legsAway: TieSpec = { ...legs, awayGoals: true };
const bo3: TieSpec = { kind: 'best_of', bestOf: 3, awayGoals: false, clubA: 'A', clubB: 'B' };
const bo5: TieSpec = { ...bo3, bestOf: 5 };

describe('resolveTie', () => {
  const rows: [string, TieSpec, TieGame[], string | null, TieOutcome['decidedBy']][] = [
    ['single: the score decides', single, [g('A', 2, 1, 'B')], 'A', 'score'],
    ['single: level, the shootout decides', single, [g('A', 1, 1, 'B', { so: [3, 4] })], 'B', 'shootout'],
    ['single: level without a shootout is undecided', single, [g('A', 1, 1, 'B')], null, null],
    ['single: a running game decides nothing', single, [g('A', 3, 0, 'B', { live: true })], null, null],
    ['two legs: aggregate', legs, [g('A', 2, 0, 'B'), g('B', 1, 0, 'A')], 'A', 'aggregate'],
    ['two legs: one leg played is undecided', legs, [g('A', 5, 0, 'B'), g('B', 0, 0, 'A', { live: true })], null, null],
    ['two legs: away goals when the rule is on', legsAway, [g('A', 2, 1, 'B'), g('B', 1, 0, 'A')], 'B', 'away_goals'],
    [
      'two legs: without the rule, the second leg’s shootout decides even when that leg was not level',
      legs,
      [g('A', 2, 1, 'B'), g('B', 1, 0, 'A', { so: [3, 4] })],
      'A',
      'shootout',
    ],
    [
      'two legs: level on away goals too, then the shootout',
      legsAway,
      [g('A', 1, 1, 'B'), g('B', 1, 1, 'A', { so: [5, 4] })],
      'B',
      'shootout',
    ],
    ['two legs: all level and no shootout', legsAway, [g('A', 1, 1, 'B'), g('B', 1, 1, 'A')], null, null],
    ['best of 3: two wins', bo3, [g('A', 1, 0, 'B'), g('B', 2, 0, 'A'), g('A', 0, 1, 'B')], 'B', 'wins'],
    [
      'best of 3: a level game goes to its shootout',
      bo3,
      [g('A', 1, 0, 'B'), g('B', 1, 1, 'A', { so: [2, 4] })],
      'A',
      'wins',
    ],
    [
      'best of 3: one win each is undecided',
      bo3,
      [g('A', 1, 0, 'B'), g('B', 1, 0, 'A'), g('A', 0, 0, 'B', { live: true })],
      null,
      null,
    ],
    ['best of 5: needs three', bo5, [g('A', 1, 0, 'B'), g('B', 0, 1, 'A')], null, null],
    [
      'best of 5: the first to three, later games ignored',
      bo5,
      [
        g('A', 1, 0, 'B'),
        g('B', 0, 1, 'A'),
        g('A', 1, 0, 'B'),
        g('B', 5, 0, 'A'),
        g('A', 0, 5, 'B'),
        g('B', 5, 0, 'A'),
      ],
      'A',
      'wins',
    ],
    ['games of other clubs are ignored', single, [g('C', 3, 0, 'B'), g('A', 0, 1, 'B')], 'B', 'score'],
  ];

  it.each(rows)('%s', (_name, spec, games, winner, decidedBy) => {
    const out = resolveTie(spec, games);
    expect({ winner: out.winnerClubId, decidedBy: out.decidedBy }).toEqual({ winner, decidedBy });
  });

  it('reports the aggregate and the game wins of finished games', () => {
    const out = resolveTie(bo3, [
      g('A', 3, 1, 'B'),
      g('B', 2, 2, 'A', { so: [5, 3] }),
      g('A', 9, 0, 'B', { live: true }),
    ]);
    expect(out.aggregate).toEqual({ A: 5, B: 3 });
    expect(out.wins).toEqual({ A: 1, B: 1 });
  });

  it('does not depend on which club is A', () => {
    const game = fc
      .record({ h: fc.nat(3), a: fc.nat(3), so: fc.option(fc.tuple(fc.nat(5), fc.nat(5)), { nil: undefined }) })
      .map((x) => ({ homeGoals: x.h, awayGoals: x.a, so: x.so }));
    const kind = fc.constantFrom<TieSpec['kind']>('single', 'two_legged', 'best_of');
    fc.assert(
      fc.property(kind, fc.boolean(), fc.array(game, { maxLength: 5 }), (k, away, xs) => {
        const games = xs.map((x, i) =>
          g(i % 2 ? 'B' : 'A', x.homeGoals, x.awayGoals, i % 2 ? 'A' : 'B', x.so ? { so: x.so } : {}),
        );
        const ab: TieSpec = { kind: k, bestOf: 3, awayGoals: away, clubA: 'A', clubB: 'B' };
        expect(resolveTie({ ...ab, clubA: 'B', clubB: 'A' }, games)).toEqual(resolveTie(ab, games));
      }),
    );
  });
});

describe('decidingScore', () => {
  const rows: [string, TieSpec, TieGame[], TieGame, { home: number; away: number }][] = [
    ['single: the game itself', single, [], g('A', 1, 1, 'B', { live: true }), { home: 1, away: 1 }],
    ['best of: the game itself', bo3, [g('A', 3, 0, 'B')], g('B', 0, 2, 'A', { live: true }), { home: 0, away: 2 }],
    ['first leg: the leg itself', legs, [], g('A', 2, 2, 'B', { live: true }), { home: 2, away: 2 }],
    [
      'second leg: the aggregate from its home side',
      legs,
      [g('A', 2, 1, 'B')],
      g('B', 1, 0, 'A', { live: true }),
      { home: 2, away: 2 },
    ],
    [
      'second leg: a win on the day can still be level on aggregate',
      legs,
      [g('A', 3, 0, 'B')],
      g('B', 3, 0, 'A', { live: true }),
      { home: 3, away: 3 },
    ],
    [
      'second leg with away goals: a level aggregate compares away goals',
      legsAway,
      [g('A', 2, 1, 'B')],
      g('B', 1, 0, 'A', { live: true }),
      { home: 1, away: 0 },
    ],
    [
      'second leg with away goals: level on both',
      legsAway,
      [g('A', 1, 1, 'B')],
      g('B', 1, 1, 'A', { live: true }),
      { home: 1, away: 1 },
    ],
    [
      'the game listed among the games is not counted twice',
      legs,
      [g('A', 2, 1, 'B'), g('B', 1, 0, 'A')],
      g('B', 1, 0, 'A'),
      { home: 2, away: 2 },
    ],
    [
      'an unfinished other leg does not count',
      legs,
      [g('A', 2, 1, 'B', { live: true })],
      g('B', 1, 0, 'A'),
      { home: 1, away: 0 },
    ],
  ];

  it.each(rows)('%s', (_name, spec, games, game, want) => {
    expect(decidingScore(spec, games, game)).toEqual(want);
  });
});
