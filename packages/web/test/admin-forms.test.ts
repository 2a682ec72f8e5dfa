import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/lib/api.ts';
import { changedFields, csvRowErrors, fieldErrors, intOrUndefined, textOrNull } from '../src/features/admin/forms.ts';
import { dayBounds, localInputToUtc, utcToLocalInput } from '../src/features/admin/kickoff.ts';
import { moveItem, TIE_BREAKERS, unusedTieBreakers } from '../src/features/admin/tie-breakers.ts';
import { canReschedule, STATUS_ACTIONS } from '../src/features/admin/match-actions.ts';
import { fixturesBody, playoffsBody, weekdayNames, weekdayOf } from '../src/features/admin/season-plan.ts';

describe('admin form helpers', () => {
  it('sends only the fields an edit changed, comparing lists by value', () => {
    const before = { name: 'Олимп', shortName: 'ОЛИ', tieBreakers: ['points', 'wins'], logoUrl: null as string | null };
    expect(changedFields(before, { ...before, tieBreakers: ['points', 'wins'] })).toEqual({});
    expect(changedFields(before, { ...before, name: 'Олимп-2', tieBreakers: ['wins', 'points'] })).toEqual({
      name: 'Олимп-2',
      tieBreakers: ['wins', 'points'],
    });
    expect(changedFields(before, { ...before, logoUrl: 'https://x.test/l.png' })).toEqual({
      logoUrl: 'https://x.test/l.png',
    });
  });

  it('reads empty text as null and numbers only when whole', () => {
    expect(textOrNull('  ')).toBeNull();
    expect(textOrNull(' Стадион ')).toBe('Стадион');
    expect(intOrUndefined('')).toBeUndefined();
    expect(intOrUndefined('7')).toBe(7);
    expect(intOrUndefined('7.5')).toBeUndefined();
  });

  it('maps validation issues to their fields, first message wins', () => {
    const error = new ApiError(400, 'bad_request', 'Invalid body', {
      issues: [
        { path: '/shortName', message: 'Too big: expected string to have <=5 characters' },
        { path: '/shortName', message: 'second' },
        { path: '/tieBreakers/2', message: 'each tie-breaker once' },
        { path: '', message: 'nothing to change' },
      ],
    });
    expect(fieldErrors(error)).toEqual({
      shortName: 'Too big: expected string to have <=5 characters',
      tieBreakers: 'each tie-breaker once',
    });
    expect(fieldErrors(new ApiError(409, 'conflict', 'x'))).toEqual({});
    expect(fieldErrors(undefined)).toEqual({});
  });

  it('lists the rows of a refused CSV import in order, and nothing for other errors', () => {
    const refused = new ApiError(400, 'csv_invalid', 'The file has errors in 2 row(s)', {
      rows: [
        { row: 4, errors: ['unknown club "XYZ"'] },
        { row: 2, errors: ['firstName: Too small', 'shirtNumber: 0 is not 1–99'] },
        { row: 'bad' },
      ],
    });
    expect(csvRowErrors(refused)).toEqual([
      { row: 2, errors: ['firstName: Too small', 'shirtNumber: 0 is not 1–99'] },
      { row: 4, errors: ['unknown club "XYZ"'] },
    ]);
    expect(csvRowErrors(new ApiError(400, 'bad_request', 'x', { rows: [{ row: 1, errors: [] }] }))).toEqual([]);
  });
});

describe('kick-off times in the league zone', () => {
  it('reads a wall-clock time in the league zone, not the browser’s', () => {
    expect(localInputToUtc('2025-11-25T18:30', 'Europe/Moscow')).toBe('2025-11-25T15:30:00.000Z');
    expect(localInputToUtc('2025-07-01T18:30', 'Europe/Berlin')).toBe('2025-07-01T16:30:00.000Z');
    expect(localInputToUtc('2025-01-01T18:30', 'Europe/Berlin')).toBe('2025-01-01T17:30:00.000Z');
  });

  it('refuses incomplete or impossible input instead of guessing', () => {
    expect(localInputToUtc('', 'Europe/Moscow')).toBeUndefined();
    expect(localInputToUtc('2025-11-25', 'Europe/Moscow')).toBeUndefined();
    expect(localInputToUtc('2025-02-30T18:00', 'Europe/Moscow')).toBeUndefined();
  });

  it('shows an instant as the league’s wall clock, and round-trips', () => {
    expect(utcToLocalInput('2025-11-25T15:30:00.000Z', 'Europe/Moscow')).toBe('2025-11-25T18:30');
    expect(utcToLocalInput('2025-03-30T01:30:00.000Z', 'Europe/Berlin')).toBe('2025-03-30T03:30');
    for (const iso of ['2025-10-26T00:15:00.000Z', '2025-06-01T21:00:00.000Z'])
      expect(localInputToUtc(utcToLocalInput(iso, 'Europe/Berlin'), 'Europe/Berlin')).toBe(iso);
  });

  it('bounds a calendar day in the zone, DST days included', () => {
    expect(dayBounds('2025-11-25', 'Europe/Moscow')).toEqual({
      from: '2025-11-24T21:00:00.000Z',
      to: '2025-11-25T20:59:59.999Z',
    });
    // 26 October 2025 has 25 hours in Berlin.
    const long = dayBounds('2025-10-26', 'Europe/Berlin')!;
    expect(Date.parse(long.to) + 1 - Date.parse(long.from)).toBe(25 * 3_600_000);
    expect(dayBounds('nope', 'Europe/Moscow')).toBeUndefined();
  });
});

describe('tie-breaker ordering', () => {
  it('moves one place up or down, and not off either end', () => {
    const list = ['points', 'head_to_head', 'goal_difference'];
    expect(moveItem(list, 2, -1)).toEqual(['points', 'goal_difference', 'head_to_head']);
    expect(moveItem(list, 0, 1)).toEqual(['head_to_head', 'points', 'goal_difference']);
    expect(moveItem(list, 0, -1)).toEqual(list);
    expect(moveItem(list, 2, 1)).toEqual(list);
    expect(moveItem(list, 5, -1)).toEqual(list);
  });

  it('offers the unused ones in the default order', () => {
    expect(unusedTieBreakers(['wins', 'points'])).toEqual([
      'head_to_head',
      'goal_difference',
      'goals_for',
      'fewer_cards',
      'name',
    ]);
    expect(unusedTieBreakers([...TIE_BREAKERS])).toEqual([]);
  });
});

describe('match status actions', () => {
  it('offers from each status only a change to another status, with a reason required to reopen a result', () => {
    for (const [from, actions] of Object.entries(STATUS_ACTIONS)) {
      for (const a of actions) expect(a.to).not.toBe(from);
    }
    expect(STATUS_ACTIONS.finished).toEqual([{ action: 'reopen', to: 'live', reasonRequired: true }]);
    expect(STATUS_ACTIONS.scheduled.map((a) => a.to)).toEqual(['postponed', 'cancelled']);
    expect(
      Object.values(STATUS_ACTIONS)
        .flat()
        .filter((a) => a.reasonRequired),
    ).toHaveLength(1);
  });

  it('lets only unplayed matches move', () => {
    expect(canReschedule('scheduled')).toBe(true);
    expect(canReschedule('postponed')).toBe(true);
    expect(canReschedule('live')).toBe(false);
    expect(canReschedule('finished')).toBe(false);
  });
});

describe('fixture generation bodies', () => {
  const schedule = { firstDate: '2026-03-07', weekday: 6, time: '18:00', tieKind: 'best_of' as const, bestOf: 5 };

  it('sends ties only for a knockout and bestOf only with best_of', () => {
    expect(fixturesBody('double_round_robin', schedule)).toEqual({
      kind: 'double_round_robin',
      firstDate: '2026-03-07',
      weekday: 6,
      time: '18:00',
    });
    expect(fixturesBody('knockout', schedule)).toMatchObject({ tieKind: 'best_of', bestOf: 5 });
    expect(fixturesBody('knockout', { ...schedule, tieKind: 'two_legged' })).not.toHaveProperty('bestOf');
    expect(playoffsBody(4, { ...schedule, tieKind: 'single' })).toEqual({
      qualifiers: 4,
      firstDate: '2026-03-07',
      weekday: 6,
      time: '18:00',
      tieKind: 'single',
    });
  });

  it('sends a group count only to draw groups', () => {
    expect(fixturesBody('groups', schedule, 2)).toMatchObject({ kind: 'groups', groupCount: 2 });
    expect(fixturesBody('groups', schedule)).not.toHaveProperty('groupCount');
    expect(fixturesBody('round_robin', schedule, 2)).not.toHaveProperty('groupCount');
  });

  it('counts weekdays from Sunday, as the API does', () => {
    expect(weekdayOf('2026-03-07')).toBe(6);
    expect(weekdayOf('2026-03-08')).toBe(0);
    expect(weekdayOf('')).toBe(6);
    expect(weekdayNames('en')[0]).toBe('Sunday');
    expect(weekdayNames('ru')[1]).toBe('понедельник');
  });
});
