import { describe, expect, it } from 'vitest';
import type { OutboxItem, Write } from '../src/features/console/outbox.ts';
import { refusalPlace } from '../src/features/console/refusal-place.ts';
import { recordBlock } from '../src/features/console/selectors.ts';
import { event, snapshot } from './fixtures.ts';

const item = (write: Write, matchId = '7'): OutboxItem => ({
  clientEventId: 'c1',
  order: 1,
  matchId,
  write,
  createdAt: '2025-11-25T15:20:00.000Z',
  status: 'refused',
  error: { status: 409, code: 'match_finished', message: 'The match is finished' },
});

describe('refusalPlace: a refusal is explained beside the control that made the write', () => {
  const view = snapshot({ events: [event({ id: '100', clientEventId: 'e1' })] });
  const rows: [string, OutboxItem, ReturnType<typeof refusalPlace>][] = [
    [
      'a ± on saves',
      item({ kind: 'stats', body: { side: 'home', metric: 'saves', delta: 1 } }),
      { at: 'stat', metric: 'saves' },
    ],
    ['a period step', item({ kind: 'state', body: { period: 'half_time' } }), { at: 'period' }],
    [
      'a new event',
      item({ kind: 'event.create', body: { type: 'goal', side: 'away', minute: 3 } }),
      { at: 'side', side: 'away' },
    ],
    [
      'an edit, by server id',
      item({ kind: 'event.update', ref: { id: '100' }, body: { minute: 4 } }),
      { at: 'event', eventId: '100' },
    ],
    [
      'a delete, by client id',
      item({ kind: 'event.delete', ref: { clientEventId: 'e1' } }),
      { at: 'event', eventId: '100' },
    ],
    ['an edit of an event gone since', item({ kind: 'event.delete', ref: { id: '999' } }), { at: 'top' }],
    ['a write to another match', item({ kind: 'state', body: { period: 'half_time' } }, '8'), { at: 'top' }],
  ];
  it.each(rows)('%s', (_name, refused, place) => {
    expect(refusalPlace(refused, view)).toEqual(place);
  });
});

describe('recordBlock: the console asks the domain whether the server would take a record', () => {
  const now = new Date('2025-11-25T18:00:00Z');
  const match = (status: 'scheduled' | 'live' | 'finished') => ({
    ...snapshot().match,
    status,
    finishedAt: '2025-11-25T17:00:00Z',
  });
  it.each([
    ['operator', 'scheduled', 'match_not_live'],
    ['operator', 'live', null],
    ['operator', 'finished', 'match_finished'],
    ['judge', 'finished', null],
    ['admin', 'finished', null],
    [undefined, 'live', 'forbidden'],
  ] as const)('%s on a %s match → %s', (role, status, expected) => {
    expect(recordBlock(match(status), role, now, 48)).toBe(expected);
  });

  it('closes the judge’s corrections after the window /api/config names', () => {
    expect(recordBlock(match('finished'), 'judge', now, 2)).toBeNull();
    expect(recordBlock(match('finished'), 'judge', new Date('2025-11-25T18:59:00Z'), 2)).toBeNull();
    expect(recordBlock(match('finished'), 'judge', new Date('2025-11-25T19:01:00Z'), 2)).toBe(
      'correction_window_closed',
    );
  });
});
