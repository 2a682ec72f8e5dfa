import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { drawGroups, knockoutBracket, knockoutFromGroups, roundRobin, type Pairing } from '../src/fixtures.ts';

const clubs = (n: number) => Array.from({ length: n }, (_, i) => `c${i + 1}`);
const key = (p: Pairing) => [p.home, p.away].sort().join('|');

describe('roundRobin', () => {
  it.each([
    [0, 0, 0],
    [1, 0, 0],
    [2, 1, 1],
    [3, 3, 1],
    [4, 3, 2],
    [7, 7, 3],
    [8, 7, 4],
  ])('%i clubs: %i rounds of %i', (n, rounds, perRound) => {
    const rr = roundRobin(clubs(n));
    expect(rr).toHaveLength(rounds);
    for (const round of rr) expect(round).toHaveLength(perRound);
  });

  it('four clubs, by the circle method', () => {
    expect(roundRobin(['A', 'B', 'C', 'D'])).toEqual([
      [
        { home: 'A', away: 'D' },
        { home: 'B', away: 'C' },
      ],
      [
        { home: 'C', away: 'A' },
        { home: 'D', away: 'B' },
      ],
      [
        { home: 'A', away: 'B' },
        { home: 'C', away: 'D' },
      ],
    ]);
  });

  it('double: the second half mirrors the first', () => {
    const single = roundRobin(clubs(5));
    const double = roundRobin(clubs(5), { double: true });
    expect(double.slice(0, 5)).toEqual(single);
    expect(double.slice(5)).toEqual(single.map((r) => r.map((p) => ({ home: p.away, away: p.home }))));
  });

  const sizes = fc.integer({ min: 2, max: 24 });

  it('every pair meets once, nobody plays twice in a round, home and away balance', () => {
    fc.assert(
      fc.property(sizes, (n) => {
        const rr = roundRobin(clubs(n));
        const all = rr.flat();
        expect(new Set(all.map(key)).size).toBe((n * (n - 1)) / 2);
        expect(all).toHaveLength((n * (n - 1)) / 2);
        for (const round of rr) expect(new Set(round.flatMap((p) => [p.home, p.away])).size).toBe(round.length * 2);
        for (const c of clubs(n)) {
          const home = all.filter((p) => p.home === c).length;
          const away = all.filter((p) => p.away === c).length;
          expect(Math.abs(home - away)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('double: every club hosts every other club exactly once', () => {
    fc.assert(
      fc.property(sizes, (n) => {
        const all = roundRobin(clubs(n), { double: true }).flat();
        expect(new Set(all.map((p) => `${p.home}>${p.away}`)).size).toBe(n * (n - 1));
        expect(all).toHaveLength(n * (n - 1));
      }),
    );
  });
});

describe('knockoutBracket', () => {
  const firstRound = (n: number) => knockoutBracket(clubs(n))[0]!.ties.map((t) => [t.seedHome, t.seedAway] as const);

  it('standard seeding: 1 v 16, 8 v 9, …', () => {
    expect(firstRound(16)).toEqual([
      [1, 16],
      [8, 9],
      [4, 13],
      [5, 12],
      [2, 15],
      [7, 10],
      [3, 14],
      [6, 11],
    ]);
  });

  it('five clubs: byes for the top three seeds', () => {
    const [first, semis, final] = knockoutBracket(['A', 'B', 'C', 'D', 'E']);
    expect(first).toEqual({
      round: 1,
      clubs: 8,
      ties: [
        { seedHome: 1, seedAway: null, home: 'A', away: null, bye: true },
        { seedHome: 4, seedAway: 5, home: 'D', away: 'E', bye: false },
        { seedHome: 2, seedAway: null, home: 'B', away: null, bye: true },
        { seedHome: 3, seedAway: null, home: 'C', away: null, bye: true },
      ],
    });
    const empty = { seedHome: null, seedAway: null, home: null, away: null, bye: false };
    expect(semis).toEqual({ round: 2, clubs: 4, ties: [empty, empty] });
    expect(final).toEqual({ round: 3, clubs: 2, ties: [empty] });
  });

  it.each([
    [0, []],
    [1, []],
    [2, [2]],
    [3, [4, 2]],
    [16, [16, 8, 4, 2]],
    [33, [64, 32, 16, 8, 4, 2]],
  ])('%i clubs: rounds of %j', (n, sizes) => {
    expect(knockoutBracket(clubs(n)).map((r) => r.clubs)).toEqual(sizes);
  });

  it('every entrant once, byes to the top seeds, ceil(log2 n) rounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), (n) => {
        const seeded = clubs(n);
        const bracket = knockoutBracket(seeded);
        const rounds = Math.ceil(Math.log2(n));
        expect(bracket).toHaveLength(rounds);
        const ties = bracket[0]!.ties;
        const entrants = ties.flatMap((t) => [t.home, t.away]).filter((c) => c !== null);
        expect([...entrants].sort()).toEqual([...seeded].sort());
        const byes = ties.filter((t) => t.bye).map((t) => t.home);
        expect(byes.sort()).toEqual(seeded.slice(0, 2 ** rounds - n).sort());
        bracket.forEach((r, i) => expect(r.ties).toHaveLength(2 ** (rounds - i - 1)));
      }),
    );
  });
});

describe('drawGroups', () => {
  it.each([
    [
      8,
      2,
      [
        ['c1', 'c4', 'c5', 'c8'],
        ['c2', 'c3', 'c6', 'c7'],
      ],
    ],
    [
      7,
      3,
      [
        ['c1', 'c6', 'c7'],
        ['c2', 'c5'],
        ['c3', 'c4'],
      ],
    ],
    [2, 4, [['c1'], ['c2'], [], []]],
  ])('%i clubs in %i groups, snake seeding', (n, groups, want) => {
    expect(drawGroups(clubs(n), groups)).toEqual(want);
  });

  it('refuses a group count below one', () => expect(() => drawGroups(clubs(4), 0)).toThrow(RangeError));
});

describe('knockoutFromGroups', () => {
  /** Group tables A..: club `B2` finished second in group B. */
  const tables = (groups: number, size = 4) =>
    Array.from({ length: groups }, (_, g) =>
      Array.from({ length: size }, (_, p) => `${String.fromCharCode(65 + g)}${p + 1}`),
    );
  const pairs = (groups: number, q: number) =>
    knockoutBracket(knockoutFromGroups(tables(groups), q))[0]!.ties.map((t) => `${t.home}-${t.away}`);

  it.each([
    [2, 2, ['A1-B2', 'B1-A2']],
    [4, 2, ['A1-C2', 'D1-B2', 'B1-D2', 'C1-A2']],
    [3, 2, ['A1-null', 'B2-C2', 'B1-null', 'C1-A2']],
    [2, 1, ['A1-B1']],
  ])('%i groups, %i through: %j', (groups, q, want) => {
    expect(pairs(groups, q)).toEqual(want);
  });

  it('lists winners first, then runners-up', () => {
    expect(knockoutFromGroups(tables(4), 2).slice(0, 4)).toEqual(['A1', 'B1', 'C1', 'D1']);
  });

  it('winners meet runners-up of other groups, and the two clubs of a group only meet in the final', () => {
    for (const groups of [2, 4, 8, 16]) {
      const bracket = knockoutBracket(knockoutFromGroups(tables(groups), 2));
      for (const t of bracket[0]!.ties) {
        expect([t.home![1], t.away![1]]).toEqual(['1', '2']);
        expect(t.home![0]).not.toBe(t.away![0]);
      }
      const order = bracket[0]!.ties.flatMap((t) => [t.home!, t.away!]);
      const half = order.length / 2;
      for (const [g] of tables(groups)) expect(order.indexOf(g!) < half).not.toBe(order.indexOf(`${g![0]}2`) < half);
    }
  });

  it('keeps clubs of one group apart in the first round whatever the sizes', () => {
    for (let groups = 2; groups <= 12; groups++)
      for (let q = 1; q <= 4; q++)
        for (const t of knockoutBracket(knockoutFromGroups(tables(groups), q))[0]!.ties)
          if (t.away) expect(t.home![0], `${groups} groups, ${q} through`).not.toBe(t.away[0]);
  });

  it('takes fewer clubs from a short table', () => {
    expect(knockoutFromGroups([['A1', 'A2'], ['B1']], 2)).toEqual(['A1', 'B1', 'A2']);
  });
});
