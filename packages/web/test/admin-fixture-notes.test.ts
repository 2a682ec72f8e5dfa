import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { ApiError } from '../src/lib/api.ts';
import { firstKickoffs, fixtureFieldErrors } from '../src/features/admin/fixture-notes.ts';

/** Echoes the key and its values, so a test sees which words were chosen and with what. */
const t = ((key: string, values?: object) => `${key} ${JSON.stringify(values ?? {})}`) as unknown as TFunction;

describe('fixtureFieldErrors', () => {
  it('puts the season’s dates in words beside the first date', () => {
    const error = new ApiError(400, 'fixtures_outside_season', 'A round would be played on 2026-07-04', {
      date: '2026-07-04',
      bound: 'endsOn',
      startsOn: '2026-04-01',
      endsOn: '2026-06-30',
    });
    const { firstDate } = fixtureFieldErrors(error, t, 'ru');
    expect(firstDate).toContain('admin.fixtures.outsideSeason');
    expect(firstDate).toContain('4 июля 2026');
    expect(firstDate).toContain('1 апреля 2026');
    expect(firstDate).toContain('30 июня 2026');
    expect(fixtureFieldErrors(error, t, 'en').firstDate).toContain('April 1, 2026');
  });

  it.each([
    [
      new ApiError(400, 'first_date_required', 'The season has no start date'),
      { firstDate: 'admin.fixtures.firstDateRequired {}' },
    ],
    [
      new ApiError(400, 'bad_request', 'Invalid body', { issues: [{ path: '/time', message: 'HH:mm' }] }),
      { time: 'HH:mm' },
    ],
    [new ApiError(409, 'not_enough_clubs', 'Add at least two clubs'), {}],
    [undefined, {}],
  ])('%s → %j', (error, want) => {
    expect(fixtureFieldErrors(error, t, 'ru')).toEqual(want);
  });
});

describe('firstKickoffs', () => {
  it('dates each round by its earliest match, whatever the order', () => {
    const round = (id: string) => ({ id, label: '', stage: 'league' as const, number: Number(id) });
    const out = firstKickoffs([
      { round: round('1'), kickoffAt: '2026-04-04T15:00:00.000Z' },
      { round: round('1'), kickoffAt: '2026-04-04T12:00:00.000Z' },
      { round: round('2'), kickoffAt: '2026-04-11T12:00:00.000Z' },
      { kickoffAt: '2026-04-01T12:00:00.000Z' },
    ]);
    expect([...out]).toEqual([
      ['1', '2026-04-04T12:00:00.000Z'],
      ['2', '2026-04-11T12:00:00.000Z'],
    ]);
  });
});
