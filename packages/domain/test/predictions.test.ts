import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  achievements,
  DEFAULT_PREDICTION_POINTS,
  isPredictionLine,
  leaderboard,
  type Outcome,
  type Picks,
  predictionOpen,
  type RecordEntry,
  resultOf,
  settle,
  type SettledRow,
  streaks,
} from '../src/predictions.ts';

const s = (home: number, away: number) => ({ home, away });

describe('settle', () => {
  it.each<[string, Picks, number, { home: number; away: number }, Outcome, number]>([
    ['a right result is 3', { result: 'home' }, 2.5, s(2, 1), { result: true }, 3],
    ['a wrong result is 0', { result: 'away' }, 2.5, s(2, 1), { result: false }, 0],
    ['a level score is a draw', { result: 'draw' }, 2.5, s(1, 1), { result: true }, 3],
    ['over 2.5 with three goals', { total: 'over' }, 2.5, s(2, 1), { total: true }, 1],
    ['under 2.5 with three goals', { total: 'under' }, 2.5, s(2, 1), { total: false }, 0],
    ['the line the fan saw counts', { total: 'under' }, 3.5, s(2, 1), { total: true }, 1],
    ['both score yes', { bothScore: true }, 2.5, s(2, 1), { bothScore: true }, 1],
    ['both score no, a clean sheet', { bothScore: false }, 2.5, s(2, 0), { bothScore: true }, 1],
    ['both score yes, a goalless draw', { bothScore: true }, 2.5, s(0, 0), { bothScore: false }, 0],
    [
      'every market',
      { result: 'draw', total: 'over', bothScore: true },
      2.5,
      s(2, 2),
      { result: true, total: true, bothScore: true },
      5,
    ],
    ['no picks, no outcome', {}, 2.5, s(1, 0), {}, 0],
  ])('%s', (_name, picks, line, score, outcome, points) => {
    expect(settle(picks, line, score)).toEqual({ outcome, points });
  });

  it('uses the competition points', () => {
    expect(
      settle({ result: 'home', total: 'over', bothScore: true }, 2.5, s(3, 1), { result: 5, total: 2, bothScore: 4 }),
    ).toEqual({ outcome: { result: true, total: true, bothScore: true }, points: 11 });
  });

  const picks = fc.record({
    result: fc.option(fc.constantFrom('home' as const, 'draw' as const, 'away' as const)),
    total: fc.option(fc.constantFrom('over' as const, 'under' as const)),
    bothScore: fc.option(fc.boolean()),
  });
  const score = fc.record({ home: fc.nat(9), away: fc.nat(9) });

  it('settling twice equals settling once: a stored row settled again is unchanged', () => {
    // A row as stored: the picks and whatever an earlier settlement wrote; settling overwrites the latter.
    const stored = fc.record({
      picks,
      earlier: fc.option(fc.record({ outcome: fc.constant({}), points: fc.nat(20) })),
    });
    const settleRow = <R extends { picks: Picks }>(row: R, sc: { home: number; away: number }) => ({
      ...row,
      earlier: settle(row.picks, 2.5, sc),
    });
    fc.assert(
      fc.property(stored, score, (row, sc) => {
        const once = settleRow(row, sc);
        expect(settleRow(once, sc)).toEqual(once);
      }),
    );
  });

  it('a correction moves the points exactly to what the corrected score gives', () => {
    fc.assert(
      fc.property(picks, score, score, (p, first, corrected) => {
        const before = settle(p, 2.5, first);
        const after = settle({ ...p }, 2.5, corrected);
        expect(after).toEqual(settle(p, 2.5, corrected));
        if (resultOf(first) === resultOf(corrected) && first.home + first.away === corrected.home + corrected.away) {
          if ((first.home > 0 && first.away > 0) === (corrected.home > 0 && corrected.away > 0)) {
            expect(after.points).toBe(before.points);
          }
        }
      }),
    );
  });

  it('points never exceed the sum of the markets picked', () => {
    fc.assert(
      fc.property(picks, score, (p, sc) => {
        const { points } = settle(p, 2.5, sc);
        expect(points).toBeGreaterThanOrEqual(0);
        expect(points).toBeLessThanOrEqual(5);
      }),
    );
  });
});

describe('lines and closing', () => {
  it.each([
    [2.5, true],
    [0.5, true],
    [9.5, true],
    [3, false],
    [0, false],
    [10.5, false],
    [Number.NaN, false],
  ])('%s is a line: %s', (line, ok) => {
    expect(isPredictionLine(line)).toBe(ok);
  });

  const kickoff = new Date('2026-05-01T15:00:00Z');
  it.each([
    ['scheduled, a second before', 'scheduled', '2026-05-01T14:59:59Z', true],
    ['scheduled, at kick-off', 'scheduled', '2026-05-01T15:00:00Z', false],
    ['live before the kick-off time', 'live', '2026-05-01T14:00:00Z', false],
    ['postponed', 'postponed', '2026-05-01T14:00:00Z', false],
  ])('%s', (_n, status, now, open) => {
    expect(predictionOpen(status, kickoff, new Date(now))).toBe(open);
  });
});

const row = (fanId: string, matchId: string, points: number, outcome: Outcome = {}): SettledRow => ({
  fanId,
  matchId,
  points,
  outcome,
});

describe('leaderboard', () => {
  it('orders by points, right picks, fewer matches, then fan id; level fans share a rank', () => {
    const list = leaderboard([
      row('b', '1', 3, { result: true }),
      row('a', '1', 3, { result: true }),
      row('c', '1', 2, { total: true, bothScore: true }),
      row('d', '1', 2, { total: true, bothScore: true }),
      row('d', '2', 0, { result: false }),
      row('e', '1', 5, { result: true, total: true, bothScore: true }),
    ]);
    expect(list.map((r) => [r.fanId, r.rank, r.points])).toEqual([
      ['e', 1, 5],
      ['a', 2, 3],
      ['b', 2, 3],
      ['c', 4, 2],
      ['d', 5, 2],
    ]);
  });

  const rows = fc.array(
    fc.record({
      fanId: fc.constantFrom('1', '2', '3', '4'),
      matchId: fc.constantFrom('10', '11', '12'),
      points: fc.nat(5),
      outcome: fc.record({ result: fc.boolean(), total: fc.boolean() }),
    }),
  );

  it('does not depend on the order of the rows', () => {
    fc.assert(
      fc.property(
        rows.chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length }))),
        ([rs, shuffled]) => {
          expect(leaderboard(shuffled)).toEqual(leaderboard(rs));
        },
      ),
    );
  });

  it('after a correction equals a fresh computation from scratch', () => {
    const picks = fc.array(
      fc.record({
        fanId: fc.constantFrom('1', '2', '3'),
        result: fc.constantFrom('home' as const, 'draw' as const, 'away' as const),
        total: fc.constantFrom('over' as const, 'under' as const),
      }),
    );
    const score = fc.record({ home: fc.nat(6), away: fc.nat(6) });
    fc.assert(
      fc.property(picks, score, score, (ps, first, corrected) => {
        // Settlement overwrites each row from the current score: settle, correct, settle again.
        const stored = new Map<string, SettledRow>();
        const settleAll = (sc: typeof first) =>
          ps.forEach((p, i) =>
            stored.set(`${p.fanId}:${i}`, { fanId: p.fanId, matchId: String(i), ...settle(p, 2.5, sc) }),
          );
        settleAll(first);
        settleAll(corrected);
        settleAll(corrected);
        const fresh = ps.map((p, i) => ({ fanId: p.fanId, matchId: String(i), ...settle(p, 2.5, corrected) }));
        expect(leaderboard([...stored.values()])).toEqual(leaderboard(fresh));
      }),
    );
  });
});

const hit: Outcome = { result: true };
const miss: Outcome = { result: false, total: false };
const rec = (...outcomes: (Outcome | null)[]): RecordEntry[] =>
  outcomes.map((outcome, i) => ({ matchId: String(i + 1), outcome }));

describe('streaks', () => {
  it.each<[string, RecordEntry[], { current: number; best: number }]>([
    ['empty', [], { current: 0, best: 0 }],
    ['a hit needs one right pick', rec({ result: false, bothScore: true }), { current: 1, best: 1 }],
    ['a miss breaks it', rec(hit, hit, miss, hit), { current: 1, best: 2 }],
    ['an unsettled match neither extends nor breaks', rec(hit, null, hit), { current: 2, best: 2 }],
    ['ends on a miss', rec(hit, hit, hit, miss), { current: 0, best: 3 }],
  ])('%s', (_n, record, want) => {
    expect(streaks(record)).toEqual(want);
  });
});

describe('achievements', () => {
  it.each<[string, RecordEntry[], [string, string][]]>([
    ['none without a right pick', rec(miss, null), []],
    ['the first right pick', rec(miss, hit, hit), [['firstCorrect', '2']]],
    [
      'five hits in a row',
      rec(hit, hit, miss, hit, hit, hit, hit, hit, hit),
      [
        ['firstCorrect', '1'],
        ['fiveInARow', '8'],
      ],
    ],
    ['fifty matches predicted', rec(...Array<Outcome | null>(50).fill(null)), [['fiftyPicks', '50']]],
  ])('%s', (_n, record, want) => {
    expect(achievements(record).map((a) => [a.kind, a.matchId])).toEqual(want);
  });

  it('are a function of the record: a corrected miss takes the streak back', () => {
    const five = rec(hit, hit, hit, hit, hit);
    expect(achievements(five).map((a) => a.kind)).toContain('fiveInARow');
    expect(achievements([...five.slice(0, 4), { matchId: '5', outcome: miss }]).map((a) => a.kind)).not.toContain(
      'fiveInARow',
    );
  });

  it('the default points are documented', () => {
    expect(DEFAULT_PREDICTION_POINTS).toEqual({ result: 3, total: 1, bothScore: 1 });
  });
});
