import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeTable, defaultRules, type MatchResult, type TableClub, type TableRules } from '../src/standings.ts';

const club = (id: string, name = id, deduction?: number): TableClub => ({
  id,
  name,
  ...(deduction ? { deduction } : {}),
});
/** `r('A', 2, 1, 'B')`: A beat B 2:1 at home. */
const r = (home: string, hg: number, ag: number, away: string, extra: Partial<MatchResult> = {}): MatchResult => ({
  homeClubId: home,
  awayClubId: away,
  homeGoals: hg,
  awayGoals: ag,
  ...extra,
});
const order = (clubs: TableClub[], results: MatchResult[], rules?: Partial<TableRules>) =>
  computeTable(clubs, results, { ...defaultRules, ...rules }).map((row) => row.clubId);
const points = (clubs: TableClub[], results: MatchResult[], rules?: Partial<TableRules>) =>
  Object.fromEntries(
    computeTable(clubs, results, { ...defaultRules, ...rules }).map((row) => [row.clubId, row.points]),
  );

const abc = [club('A'), club('B'), club('C')];

describe('computeTable: points', () => {
  it.each<[string, MatchResult[], Partial<TableRules>, Record<string, number>]>([
    ['3 for a win, 1 for a draw, 0 for a loss', [r('A', 2, 1, 'B'), r('A', 0, 0, 'C')], {}, { A: 4, B: 0, C: 1 }],
    [
      'custom points',
      [r('A', 2, 1, 'B'), r('A', 0, 0, 'C')],
      { pointsWin: 2, pointsDraw: 1, pointsLoss: -1 },
      { A: 3, B: -1, C: 1 },
    ],
    [
      'shootout policy draw: a level match is a draw',
      [r('A', 1, 1, 'B', { shootout: { home: 5, away: 4 } })],
      {},
      { A: 1, B: 1, C: 0 },
    ],
    [
      'shootout policy bonus: 2 to the shootout winner, 1 to the loser',
      [r('A', 1, 1, 'B', { shootout: { home: 3, away: 4 } })],
      { shootoutPolicy: 'bonus' },
      { A: 1, B: 2, C: 0 },
    ],
    [
      'bonus without a shootout is a plain draw',
      [r('A', 1, 1, 'B')],
      { shootoutPolicy: 'bonus' },
      { A: 1, B: 1, C: 0 },
    ],
    ['results of clubs not in the table are ignored', [r('A', 1, 0, 'Z')], {}, { A: 0, B: 0, C: 0 }],
  ])('%s', (_name, results, rules, want) => {
    expect(points(abc, results, rules)).toEqual(want);
  });

  it('fills the columns', () => {
    const [a] = computeTable(abc, [r('A', 3, 1, 'B', { homeCards: 2 }), r('C', 1, 1, 'A', { awayCards: 1 })]);
    expect(a).toEqual({
      clubId: 'A',
      name: 'A',
      position: 1,
      played: 2,
      won: 1,
      drawn: 1,
      lost: 0,
      goalsFor: 4,
      goalsAgainst: 2,
      goalDifference: 2,
      points: 4,
      deduction: 0,
      cards: 3,
    });
  });

  it('a deduction comes off the points and can change the order', () => {
    const table = computeTable([club('A', 'A', 3), club('B'), club('C')], [r('A', 1, 0, 'B'), r('C', 2, 2, 'B')]);
    expect(table.map((row) => [row.clubId, row.points, row.deduction])).toEqual([
      ['C', 1, 0],
      ['B', 1, 0],
      ['A', 0, 3],
    ]);
  });
});

describe('computeTable: tie-breakers', () => {
  // X, Y and Z beat each other in a circle and all lose to V by different margins; they finish level on points.
  // Among the three, X is best (+2), then Z (0), then Y (−2), although Y beat Z: a pairwise look would put Y above Z.
  const circle = [club('V'), club('X'), club('Y'), club('Z')];
  const circleResults = [
    r('X', 3, 0, 'Y'),
    r('Y', 1, 0, 'Z'),
    r('Z', 1, 0, 'X'),
    r('V', 7, 0, 'X'),
    r('V', 1, 0, 'Y'),
    r('V', 4, 0, 'Z'),
  ];

  it('head-to-head is a mini-league over all the tied clubs', () => {
    expect(order(circle, circleResults)).toEqual(['V', 'X', 'Z', 'Y']);
  });

  it('without head-to-head, goal difference decides the same clubs the other way', () => {
    expect(order(circle, circleResults, { tieBreakers: ['points', 'goal_difference'] })).toEqual(['V', 'Y', 'Z', 'X']);
  });

  it.each<[string, TableClub[], MatchResult[], TableRules['tieBreakers'], string[]]>([
    [
      'goal difference',
      [club('A'), club('B'), club('C'), club('D')],
      [r('A', 3, 0, 'C'), r('B', 1, 0, 'D')],
      ['points', 'goal_difference'],
      ['A', 'B', 'D', 'C'],
    ],
    [
      'goals scored when goal difference is level',
      [club('A'), club('B'), club('C'), club('D')],
      [r('A', 1, 0, 'C'), r('B', 2, 1, 'D')],
      ['points', 'goal_difference', 'goals_for'],
      ['B', 'A', 'D', 'C'],
    ],
    [
      'wins: three draws lose to a win and two losses on equal points',
      [club('A'), club('B'), club('C'), club('D'), club('E')],
      [
        r('A', 0, 0, 'C'),
        r('A', 0, 0, 'D'),
        r('A', 0, 0, 'E'),
        r('B', 1, 0, 'C'),
        r('D', 1, 0, 'B'),
        r('E', 1, 0, 'B'),
      ],
      ['points', 'wins'],
      ['D', 'E', 'B', 'A', 'C'],
    ],
    [
      'fewer cards',
      [club('A'), club('B')],
      [r('A', 0, 0, 'B', { homeCards: 3, awayCards: 1 })],
      ['points', 'fewer_cards'],
      ['B', 'A'],
    ],
    [
      'name last, ignoring case',
      [club('1', 'delta'), club('2', 'Bravo'), club('3', 'charlie'), club('4', 'Alpha')],
      [],
      defaultRules.tieBreakers,
      ['4', '2', '3', '1'],
    ],
    [
      'head-to-head before goal difference',
      [club('A'), club('B'), club('C'), club('D')],
      [r('A', 1, 0, 'B'), r('B', 5, 0, 'C'), r('A', 0, 0, 'C'), r('B', 0, 0, 'D')],
      ['points', 'head_to_head', 'goal_difference'],
      ['A', 'B', 'D', 'C'],
    ],
    [
      'points come first even when the list forgets them',
      [club('A'), club('B')],
      [r('A', 0, 5, 'B')],
      ['name'],
      ['B', 'A'],
    ],
    [
      'clubs level on everything are ordered by id',
      [club('10', 'Same'), club('9', 'Same')],
      [],
      defaultRules.tieBreakers,
      ['9', '10'],
    ],
  ])('%s', (_name, clubs, results, tieBreakers, want) => {
    expect(order(clubs, results, { tieBreakers })).toEqual(want);
  });

  it('deductions do not count inside the head-to-head mini-league', () => {
    // A and B finish level only because of A's deduction, and drew each other: the mini-league, without the
    // deduction, is level too, so overall goal difference puts A first. Counting the deduction would put B first.
    const clubs = [club('A', 'A', 3), club('B'), club('C'), club('D')];
    const results = [r('A', 2, 2, 'B'), r('A', 3, 0, 'C'), r('A', 3, 0, 'D'), r('B', 1, 0, 'C')];
    expect(order(clubs, results)).toEqual(['A', 'B', 'D', 'C']);
  });

  it('numbers positions from 1', () => {
    expect(computeTable(abc, []).map((row) => row.position)).toEqual([1, 2, 3]);
  });
});

describe('computeTable: properties', () => {
  const ids = ['1', '2', '3', '4', '5', '6'];
  const result = fc
    .record({
      pair: fc.uniqueArray(fc.constantFrom(...ids), { minLength: 2, maxLength: 2 }),
      hg: fc.nat(4),
      ag: fc.nat(4),
      so: fc.option(fc.tuple(fc.nat(5), fc.nat(5)), { nil: undefined }),
      cards: fc.tuple(fc.nat(3), fc.nat(3)),
    })
    .map(({ pair, hg, ag, so, cards }) =>
      r(pair[0]!, hg, ag, pair[1]!, {
        homeCards: cards[0],
        awayCards: cards[1],
        ...(so && hg === ag ? { shootout: { home: so[0], away: so[1] } } : {}),
      }),
    );
  const clubs = ids.map((id, i) => club(id, `Club ${i % 3}`, i === 4 ? 2 : 0));
  const setup = fc
    .tuple(fc.array(result, { maxLength: 20 }), fc.constantFrom<TableRules['shootoutPolicy']>('draw', 'bonus'))
    .chain(([results, policy]) =>
      fc.tuple(
        fc.constant(results),
        fc.shuffledSubarray(results, { minLength: results.length, maxLength: results.length }),
        fc.shuffledSubarray(clubs, { minLength: clubs.length, maxLength: clubs.length }),
        fc.constant(policy),
      ),
    );

  it('the table does not depend on the order of results or of clubs', () => {
    fc.assert(
      fc.property(setup, ([results, shuffled, shuffledClubs, shootoutPolicy]) => {
        const rules = { ...defaultRules, shootoutPolicy };
        expect(computeTable(shuffledClubs, shuffled, rules)).toEqual(computeTable(clubs, results, rules));
      }),
    );
  });

  it('points never rise down the table, and every club is listed once', () => {
    fc.assert(
      fc.property(setup, ([results]) => {
        const table = computeTable(clubs, results);
        expect(table.map((row) => row.clubId).sort()).toEqual([...ids].sort());
        for (let i = 1; i < table.length; i++) expect(table[i]!.points).toBeLessThanOrEqual(table[i - 1]!.points);
      }),
    );
  });
});
