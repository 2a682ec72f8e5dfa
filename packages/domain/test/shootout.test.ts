import { describe, expect, it } from 'vitest';
import { decidesTie, shootoutRefusal, type ShootoutRefusal, type TieContext } from '../src/shootout.ts';
import { decidingScore, type TieGame, type TieSpec } from '../src/ties.ts';

describe('decidesTie', () => {
  it.each<[string, TieContext, boolean]>([
    ['a league match', { competitionType: 'league' }, false],
    ['a league round', { competitionType: 'league', stage: 'league' }, false],
    ['a league playoff round', { competitionType: 'league', stage: 'playoff' }, true],
    ['a cup match', { competitionType: 'cup' }, true],
    ['a cup round (rounds default to the league stage)', { competitionType: 'cup', stage: 'league' }, true],
    ['a cup group match', { competitionType: 'cup', stage: 'group' }, false],
    ['a single-match tie', { competitionType: 'league', tieKind: 'single' }, true],
    ['the first leg of two', { competitionType: 'cup', tieKind: 'two_legged', leg: 1 }, false],
    ['the second leg of two', { competitionType: 'cup', tieKind: 'two_legged', leg: 2 }, true],
    ['a game of a best-of series', { competitionType: 'league', stage: 'playoff', tieKind: 'best_of', leg: 1 }, true],
  ])('%s → %s', (_name, ctx, want) => {
    expect(decidesTie(ctx)).toBe(want);
  });
});

describe('shootoutRefusal', () => {
  const cup: TieContext = { competitionType: 'cup' };
  it.each<[string, TieContext, boolean, { home: number; away: number }, ShootoutRefusal | null]>([
    ['league match', { competitionType: 'league' }, true, { home: 1, away: 1 }, 'penalty_not_available'],
    ['cup 1:0', cup, true, { home: 1, away: 0 }, 'penalty_requires_draw'],
    ['cup 1:1 live', cup, true, { home: 1, away: 1 }, null],
    ['cup 1:1 not live', cup, false, { home: 1, away: 1 }, 'match_not_live'],
    [
      'first leg, level',
      { competitionType: 'cup', tieKind: 'two_legged', leg: 1 },
      true,
      { home: 0, away: 0 },
      'penalty_not_available',
    ],
  ])('%s → %s', (_name, ctx, live, decidingScore, want) => {
    expect(shootoutRefusal({ decides: decidesTie(ctx), live, decidingScore })).toBe(want);
  });

  describe('second leg: the aggregate decides, not the leg', () => {
    const spec: TieSpec = { kind: 'two_legged', awayGoals: false, clubA: 'A', clubB: 'B' };
    const leg1: TieGame = { homeClubId: 'A', awayClubId: 'B', homeGoals: 2, awayGoals: 0, finished: true };
    const leg2 = (homeGoals: number, awayGoals: number): TieGame => ({
      homeClubId: 'B',
      awayClubId: 'A',
      homeGoals,
      awayGoals,
      finished: false,
    });
    const ctx: TieContext = { competitionType: 'cup', tieKind: 'two_legged', leg: 2 };

    it.each<[string, TieGame, ShootoutRefusal | null]>([
      ['level on the day, behind on aggregate', leg2(1, 1), 'penalty_requires_draw'],
      ['won on the day, level on aggregate', leg2(2, 0), null],
      ['won on the day, ahead on aggregate', leg2(3, 0), 'penalty_requires_draw'],
    ])('%s → %s', (_name, game, want) => {
      const check = { decides: decidesTie(ctx), live: true, decidingScore: decidingScore(spec, [leg1, game], game) };
      expect(shootoutRefusal(check)).toBe(want);
    });
  });
});
