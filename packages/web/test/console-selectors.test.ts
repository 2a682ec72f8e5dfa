import { describe, expect, it } from 'vitest';
import type { LineupEntry, MatchSnapshot } from '@touchline/contract';
import { bench, finishBlock, onPitch, periodSteps, shootoutBlock } from '../src/features/console/selectors.ts';
import { event, snapshot } from './fixtures.ts';

const player = (playerId: string, role: LineupEntry['role']): LineupEntry => ({
  playerId,
  firstName: 'A',
  lastName: playerId,
  shirtNumber: Number(playerId),
  role,
});

const match = (over: Partial<MatchSnapshot['match']>) => ({ ...snapshot().match, ...over });

describe('console selectors', () => {
  it('knows who is on the pitch and who can still come on', () => {
    const view = snapshot({
      lineups: {
        home: [player('1', 'starter'), player('2', 'starter'), player('3', 'substitute'), player('4', 'substitute')],
        away: [],
      },
      events: [
        event({ id: '1', type: 'substitution', playerId: '1', relatedPlayerId: '3' }),
        event({ id: '2', type: 'red_card', playerId: '2' }),
      ],
    });
    expect(onPitch(view, 'home').map((p) => p.playerId)).toEqual(['3']);
    expect(bench(view, 'home').map((p) => p.playerId)).toEqual(['4']);
  });

  // A match that decides a cup tie (no extra time, no away goals): what the knockout rules need.
  const cup = { penaltiesAllowed: true, knockout: { extraTime: false, awayGoals: false } };

  it('says exactly why the shootout cannot start', () => {
    const level = { score: { home: 1, away: 1 } };
    expect(shootoutBlock(match({ ...level, penaltiesAllowed: false }))).toBe('penalty_not_available');
    expect(shootoutBlock(match({ ...level, ...cup, status: 'scheduled' }))).toBe('match_not_live');
    expect(shootoutBlock(match({ score: { home: 2, away: 1 }, ...cup }))).toBe('penalty_requires_draw');
    expect(shootoutBlock(match({ ...level, ...cup, period: 'first_half' }))).toBe('period_not_reached');
    expect(shootoutBlock(match({ ...level, ...cup, period: 'second_half' }))).toBeNull();
  });

  it('offers the period steps of the transition table, leaving the shootout to its panel', () => {
    expect(periodSteps(match({ status: 'scheduled', period: undefined }))).toEqual([{ status: 'live' }]);
    expect(periodSteps(match({ period: 'first_half' }))).toEqual([{ period: 'half_time' }]);
    // Extra time only where the competition plays it and the tie is level.
    expect(periodSteps(match({ period: 'second_half' }))).toEqual([]);
    expect(periodSteps(match({ period: 'second_half', ...cup }))).toEqual([]);
    const extraTime = { ...cup, knockout: { extraTime: true, awayGoals: false } };
    expect(periodSteps(match({ period: 'second_half', ...extraTime }))).toEqual([{ period: 'extra_time_first' }]);
  });

  it('blocks full time before the second half, in a level tie, and until the shootout is decided', () => {
    expect(finishBlock(snapshot())).toBe('not_allowed');
    expect(finishBlock(snapshot({ match: match({ period: 'second_half' }) }))).toBeNull();
    expect(finishBlock(snapshot({ match: match({ period: 'second_half', ...cup }) }))).toBe('tie_undecided');
    const kick = (id: string, side: 'home' | 'away', scored: boolean) =>
      event({ id, type: 'shootout_kick', side, scored, playerId: undefined });
    const shootout = snapshot({
      match: match({ period: 'penalties', ...cup }),
      events: [kick('1', 'home', true), kick('2', 'away', true)],
    });
    expect(finishBlock(shootout)).toBe('shootout_level');
    expect(finishBlock({ ...shootout, events: [...shootout.events, kick('3', 'home', true)] })).toBe(
      'shootout_undecided',
    );
    const threeNil = ['h1', 'a1', 'h2', 'a2', 'h3', 'a3'].map((id) =>
      kick(id, id[0] === 'h' ? 'home' : 'away', id[0] === 'h'),
    );
    expect(finishBlock({ ...shootout, events: threeNil })).toBeNull();
  });
});
