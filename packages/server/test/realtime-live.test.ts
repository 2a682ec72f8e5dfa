import { describe, expect, it } from 'vitest';
import type { MatchSummary } from '@touchline/contract';
import type { Db } from '../src/db/client.ts';
import type { Patch } from '../src/realtime/feed.ts';
import { LiveFeed, NEWS_SOURCE } from '../src/realtime/live-feed.ts';

const NOW = new Date('2026-05-10T12:00:00Z');
const summary = (id: string, over: Partial<MatchSummary> = {}) =>
  ({
    id,
    kickoffAt: '2026-05-10T15:00:00.000Z',
    status: 'scheduled',
    score: { home: 0, away: 0 },
    ...over,
  }) as MatchSummary;
const matchPatch = (m: MatchSummary, seq: number): Patch => ({
  topic: `match:${m.id}`,
  epoch: 'e',
  seq,
  changes: [{ op: 'updated', entity: 'match', id: m.id, data: m }],
  committedAt: 1,
});

describe('the live card feed', () => {
  const live = () => new LiveFeed(undefined as unknown as Db, 'Europe/Moscow', () => NOW);

  it('turns a match change on today’s card into one updated MatchSummary, seq rising by 1', () => {
    const feed = live();
    const goal = summary('7', { status: 'live', score: { home: 1, away: 0 } });
    expect(feed.derive(matchPatch(goal, 3))).toEqual({
      topic: 'live',
      epoch: expect.any(String),
      seq: 1,
      changes: [{ op: 'updated', entity: 'match', id: '7', data: goal }],
      committedAt: 1,
    });
    expect(feed.derive(matchPatch(summary('8'), 1))?.seq).toBe(2);
  });

  it('ignores repeated and older match patches, changes without a match, and matches off the card', () => {
    const feed = live();
    feed.derive(matchPatch(summary('7'), 5));
    expect(feed.derive(matchPatch(summary('7'), 5))).toBeUndefined();
    expect(feed.derive(matchPatch(summary('7'), 4))).toBeUndefined();
    expect(feed.derive({ topic: 'match:7', epoch: 'e', seq: 6, changes: [{ op: 'updated', entity: 'stats' }] })).toBe(
      undefined,
    );
    const yesterday = summary('9', { kickoffAt: '2026-05-09T15:00:00.000Z', status: 'finished' });
    expect(feed.derive(matchPatch(yesterday, 1))).toBeUndefined();
    const lateFinish = { ...yesterday, finishedAt: '2026-05-09T21:30:00.000Z' }; // 00:30 on the 10th in Moscow
    expect(feed.derive(matchPatch(lateFinish, 2))?.changes).toHaveLength(1);
    expect(
      feed.derive(matchPatch(summary('10', { kickoffAt: '2026-05-09T15:00:00.000Z', status: 'live' }), 1)),
    ).toBeDefined();
  });

  it('takes a fixture created for today from its season patch, but not a match that has its own patches', () => {
    const feed = live();
    feed.derive(matchPatch(summary('7'), 1));
    const season: Patch = {
      topic: 'season:1',
      epoch: 's',
      seq: 4,
      changes: [
        { op: 'updated', entity: 'standings', id: '1', data: { seasonId: '1', groups: [] } },
        { op: 'updated', entity: 'match', id: '7', data: summary('7') },
        { op: 'updated', entity: 'match', id: '12', data: summary('12') },
      ],
    };
    expect(feed.derive(season)?.changes.map((c) => c.id)).toEqual(['12']);
    expect(feed.derive({ ...season, topic: 'admin' })).toBeUndefined();
  });

  it('takes matches off the card when their season deletes them, and only from a season patch', () => {
    const feed = live();
    const removal: Patch = {
      topic: 'season:1',
      epoch: 's',
      seq: 5,
      changes: [
        { op: 'updated', entity: 'standings', id: '1', data: { seasonId: '1', groups: [] } },
        { op: 'deleted', entity: 'match', id: '12' },
      ],
    };
    expect(feed.derive(removal)?.changes).toEqual([{ op: 'deleted', entity: 'match', id: '12' }]);
    expect(feed.derive({ ...removal, topic: 'match:12', seq: 1 })).toBeUndefined();
  });

  it('passes news changes on as they are, each patch of its own with the next seq (decision 040)', () => {
    const feed = live();
    const gone = { op: 'deleted', entity: 'news', id: '4' } as const;
    const news: Patch = { topic: NEWS_SOURCE, epoch: NEWS_SOURCE, seq: 0, changes: [gone], committedAt: 2 };
    feed.derive(matchPatch(summary('7'), 1));
    expect(feed.derive(news)).toEqual({
      topic: 'live',
      epoch: expect.any(String),
      seq: 2,
      changes: [gone],
      committedAt: 2,
    });
    expect(feed.derive(news)?.seq).toBe(3);
    expect(feed.derive({ ...news, changes: [{ op: 'updated', entity: 'stats' }] })).toBeUndefined();
  });
});
