import { describe, expect, it } from 'vitest';
import { defaultLineupRules } from '@touchline/domain';
import { draftFrom, draftProblems, namesakes, ruleProblems, toBody } from '../src/features/captain/lineup-draft.ts';

const roster = [
  { playerId: '1', firstName: 'A', lastName: 'One', shirtNumber: 7 },
  { playerId: '2', firstName: 'B', lastName: 'Two', shirtNumber: 1, position: 'GK' },
  {
    playerId: '3',
    firstName: 'C',
    lastName: 'Three',
    shirtNumber: 9,
    suspended: { reason: 'red_card', matchesRemaining: 1 },
  },
];

describe('lineup draft', () => {
  it('orders the roster by number and preselects the submitted lineup, never a suspended player', () => {
    const rows = draftFrom(roster, [
      { playerId: '1', firstName: 'A', lastName: 'One', shirtNumber: 10, role: 'substitute' },
      { playerId: '3', firstName: 'C', lastName: 'Three', shirtNumber: 9, role: 'starter' },
    ]);
    expect(rows.map((r) => [r.player.playerId, r.selected, r.shirtNumber, r.role])).toEqual([
      ['2', false, 1, 'starter'],
      ['1', true, 10, 'substitute'],
      ['3', false, 9, 'starter'],
    ]);
  });

  it('finds duplicate and out-of-range numbers among the selected players only', () => {
    const rows = draftFrom(roster, []).map((r) => ({ ...r, selected: r.player.playerId !== '3', shirtNumber: 5 }));
    expect([...draftProblems(rows)]).toEqual([
      ['2', 'duplicate_number'],
      ['1', 'duplicate_number'],
    ]);
    expect(draftProblems([{ ...rows[0]!, shirtNumber: 100 }]).get('2')).toBe('bad_number');
    expect(draftProblems(rows.map((r) => ({ ...r, selected: false }))).get('')).toBe('empty');
  });

  it('checks the competition’s rules with the positions chosen for the match', () => {
    const squad = Array.from({ length: 16 }, (_, i) => ({
      playerId: String(i + 1),
      firstName: 'P',
      lastName: String(i + 1),
      shirtNumber: i + 1,
      position: i === 0 ? 'GK' : 'MF',
    }));
    const all = draftFrom(squad, []).map((r) => ({ ...r, selected: true }));
    expect(ruleProblems(all, defaultLineupRules)).toEqual([
      { code: 'lineup_starters_count', expected: 11, actual: 16 },
    ]);
    const outfield = all.slice(1, 12);
    expect(ruleProblems(outfield, defaultLineupRules)).toEqual([{ code: 'lineup_goalkeeper_missing' }]);
    // The captain names an outfield player in goal for this match.
    const keeper = [{ ...outfield[0]!, position: 'GK' }, ...outfield.slice(1)];
    expect(ruleProblems(keeper, defaultLineupRules)).toEqual([]);
    expect(toBody(keeper).entries[0]).toEqual({ playerId: '2', shirtNumber: 2, role: 'starter', position: 'GK' });
  });

  it('tells namesakes apart by birth year', () => {
    const twins = [
      { playerId: '1', firstName: 'Иван', lastName: 'Петров', shirtNumber: 4, birthYear: 1998 },
      { playerId: '2', firstName: 'Иван', lastName: 'Петров', shirtNumber: 14, birthYear: 2003 },
      { playerId: '3', firstName: 'Пётр', lastName: 'Иванов', shirtNumber: 5, birthYear: 1998 },
    ];
    expect(namesakes(twins)).toEqual(new Set(['1', '2']));
  });

  it('sends the selected players with their numbers, roles and positions', () => {
    const rows = draftFrom(roster, []).map((r) => ({ ...r, selected: r.player.playerId === '2' }));
    expect(toBody(rows)).toEqual({ entries: [{ playerId: '2', shirtNumber: 1, role: 'starter', position: 'GK' }] });
  });
});
