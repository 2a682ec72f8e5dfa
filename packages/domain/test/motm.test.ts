import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { motmWindow, motmWinners, playersWhoPlayed } from '../src/motm.ts';

const ft = new Date('2026-05-01T17:00:00Z');
const at = (hours: number) => new Date(ft.getTime() + hours * 3_600_000);

describe('motmWindow', () => {
  it.each([
    ['scheduled', null, 0, { open: false }],
    ['live', null, 1, { open: false }],
    ['finished', ft, 0, { open: true, closesAt: at(24) }],
    ['finished', ft, 23.99, { open: true, closesAt: at(24) }],
    ['finished', ft, 24, { open: false, closesAt: at(24) }],
    ['finished', ft, 30, { open: false, closesAt: at(24) }],
    ['cancelled', null, 1, { open: false }],
  ] as const)('%s, finished %s, %s h later → %j', (status, finishedAt, hours, want) => {
    expect(motmWindow({ status, finishedAt }, 24, at(hours))).toEqual(want);
  });

  it('follows the competition’s hours', () => {
    expect(motmWindow({ status: 'finished', finishedAt: ft }, 2, at(3)).open).toBe(false);
    expect(motmWindow({ status: 'finished', finishedAt: ft }, 48, at(30)).open).toBe(true);
  });
});

describe('playersWhoPlayed', () => {
  const lineup = [
    { personId: 1, role: 'starter' },
    { personId: 2, role: 'starter' },
    { personId: 3, role: 'substitute' },
    { personId: 4, role: 'substitute' },
  ] as const;
  it.each([
    ['no substitutions: the starters', [], [1, 2]],
    ['a substitute who came on', [{ type: 'substitution', playerId: 1, relatedPlayerId: 3 }], [1, 2, 3]],
    ['a player taken off still played', [{ type: 'substitution', playerId: 2, relatedPlayerId: 4 }], [1, 2, 4]],
    ['an assist names nobody new', [{ type: 'goal', playerId: 1, relatedPlayerId: 4 }], [1, 2]],
  ] as const)('%s', (_, events, want) => {
    expect([...playersWhoPlayed(lineup, events)].sort()).toEqual(want);
  });
  it('gives nobody for a match without a lineup', () => {
    expect(playersWhoPlayed([], [{ type: 'substitution', playerId: 1, relatedPlayerId: 3 }]).size).toBe(0);
  });
});

describe('motmWinners', () => {
  const v = (playerId: string, votes: number) => ({ playerId, votes });
  it.each([
    ['one leader', [v('a', 3), v('b', 1)], ['a']],
    ['a tie is shared', [v('a', 2), v('b', 2), v('c', 1)], ['a', 'b']],
    ['no votes, no winner', [v('a', 0)], []],
    ['nobody', [], []],
  ])('%s', (_, tallies, want) => {
    expect(motmWinners(tallies, false).map((t) => t.playerId)).toEqual(want);
  });
  it('names nobody while the vote is open', () => {
    expect(motmWinners([v('a', 5)], true)).toEqual([]);
  });
  it('every winner has the most votes, and a player with the most votes wins', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20)), (counts) => {
        const tallies = counts.map((n, i) => v(String(i), n));
        const winners = motmWinners(tallies, false);
        const most = Math.max(0, ...counts);
        expect(winners.every((w) => w.votes === most)).toBe(true);
        expect(winners.length).toBe(most === 0 ? 0 : counts.filter((n) => n === most).length);
      }),
    );
  });
});
