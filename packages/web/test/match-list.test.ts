import { describe, expect, it } from 'vitest';
import { applyListPatch, liveFirst, upsertMatches } from '../src/lib/match-list.ts';
import { patch, snapshot } from './fixtures.ts';

const summary = (id: string, kickoffAt: string, status: 'live' | 'scheduled' = 'scheduled') => ({
  ...snapshot().match,
  id,
  kickoffAt,
  status,
});

describe('live list', () => {
  const a = summary('1', '2025-11-25T10:00:00.000Z');
  const b = summary('2', '2025-11-25T12:00:00.000Z');

  it('upserts matches by id and keeps kick-off order', () => {
    const moved = { ...b, kickoffAt: '2025-11-25T09:00:00.000Z' };
    expect(upsertMatches([a, b], [moved]).map((m) => m.id)).toEqual(['2', '1']);
  });

  it('keeps a match once when a load lists it twice (live, and on today’s card), whatever came first', () => {
    const live = { ...a, status: 'live' as const };
    expect(upsertMatches([], [live, b, live])).toEqual([live, b]);
    expect(upsertMatches([live], [live, b, live])).toEqual([live, b]);
  });

  it('applies created, updated and deleted match changes, ignoring other entities', () => {
    const live = { ...a, status: 'live' as const };
    const next = applyListPatch(
      [a, b],
      patch(
        3,
        [
          { op: 'updated', entity: 'match', id: '1', data: live },
          { op: 'deleted', entity: 'match', id: '2' },
          { op: 'created', entity: 'event', id: '9' },
        ],
        { topic: 'live' },
      ),
    );
    expect(next).toEqual([live]);
  });

  it('puts live matches first', () => {
    expect(liveFirst([a, { ...b, status: 'live' }]).map((m) => m.id)).toEqual(['2', '1']);
  });
});
