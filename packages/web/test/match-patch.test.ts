import { describe, expect, it } from 'vitest';
import { applyNewPatch, applyPatch, newerSnapshot } from '../src/lib/match-patch.ts';
import { event, patch, snapshot, zeroStats } from './fixtures.ts';

describe('applyPatch', () => {
  it('adds a created event and moves seq and epoch', () => {
    const s = snapshot();
    const goal = event();
    const next = applyPatch(
      s,
      patch(6, [{ op: 'created', entity: 'event', id: goal.id, data: goal }], { epoch: 'e2' }),
    );
    expect(next.events).toEqual([goal]);
    expect(next.seq).toBe(6);
    expect(next.epoch).toBe('e2');
    expect(s.events).toEqual([]); // pure: the input is untouched
  });

  it('treats a created event it already holds as an update, so a replay does not duplicate it', () => {
    const goal = event();
    const next = applyPatch(
      snapshot({ events: [goal] }),
      patch(6, [{ op: 'created', entity: 'event', id: '100', data: goal }]),
    );
    expect(next.events).toHaveLength(1);
  });

  it('replaces an updated event whole, so a cleared player is cleared', () => {
    const before = event({ relatedPlayerId: '12' });
    const { relatedPlayerId: _cleared, ...after } = { ...before, minute: 14 };
    const next = applyPatch(
      snapshot({ events: [before, event({ id: '101' })] }),
      patch(6, [{ op: 'updated', entity: 'event', id: '100', data: after }]),
    );
    expect(next.events[0]).toEqual(after);
    expect(next.events[1]!.id).toBe('101');
  });

  it('removes a deleted event by the change id', () => {
    const next = applyPatch(
      snapshot({ events: [event(), event({ id: '101' })] }),
      patch(6, [{ op: 'deleted', entity: 'event', id: '100' }]),
    );
    expect(next.events.map((e) => e.id)).toEqual(['101']);
  });

  it('moves only the seq for a player-of-the-match tally, which the vote panel keeps itself', () => {
    const s = snapshot();
    const tally = { open: true, total: 1, players: [], winners: [] };
    const next = applyPatch(s, patch(6, [{ op: 'updated', entity: 'motm', id: '7', data: tally }]));
    expect({ ...next, seq: s.seq }).toEqual(s);
    expect(next.seq).toBe(6);
  });

  it('applies a goal and its score in one patch', () => {
    const s = snapshot();
    const goal = event();
    const match = { ...s.match, score: { home: 1, away: 0 } };
    const next = applyPatch(
      s,
      patch(6, [
        { op: 'created', entity: 'event', id: goal.id, data: goal },
        { op: 'updated', entity: 'match', id: '7', data: match },
      ]),
    );
    expect(next.events).toHaveLength(1);
    expect(next.match.score).toEqual({ home: 1, away: 0 });
  });

  it('replaces the match summary, so a period that ends disappears', () => {
    const s = snapshot();
    const { period: _gone, ...finished } = { ...s.match, status: 'finished' as const };
    const next = applyPatch(s, patch(6, [{ op: 'updated', entity: 'match', id: '7', data: finished }]));
    expect(next.match.status).toBe('finished');
    expect(next.match.period).toBeUndefined();
  });

  it('replaces both sides of the statistics', () => {
    const stats = { home: { ...zeroStats(), shots: 3 }, away: { ...zeroStats(), corners: 2 } };
    const next = applyPatch(snapshot(), patch(6, [{ op: 'updated', entity: 'stats', data: stats }]));
    expect(next.stats).toEqual(stats);
  });

  it('replaces one side of the lineups', () => {
    const s = snapshot();
    const entries = [{ playerId: '30', firstName: 'A', lastName: 'B', shirtNumber: 1, role: 'starter' as const }];
    const next = applyPatch(s, patch(6, [{ op: 'updated', entity: 'lineup', data: { side: 'away', entries } }]));
    expect(next.lineups.away).toEqual(entries);
    expect(next.lineups.home).toBe(s.lineups.home);
  });

  it('ignores entities a match snapshot does not hold', () => {
    const s = snapshot();
    const next = applyPatch(s, patch(6, [{ op: 'updated', entity: 'standings', data: { seasonId: '1', groups: [] } }]));
    expect({ ...next, seq: 5 }).toEqual(s);
  });
});

describe('newerSnapshot and applyNewPatch', () => {
  it('keeps the newer copy of one stream, and takes another match or epoch as it comes', () => {
    const newer = snapshot({ seq: 9 });
    expect(newerSnapshot(newer, snapshot({ seq: 7 }))).toBe(newer);
    const restarted = snapshot({ seq: 1, epoch: 'e2' });
    expect(newerSnapshot(newer, restarted)).toBe(restarted);
    const other = snapshot({ seq: 1, match: { ...newer.match, id: '8' } });
    expect(newerSnapshot(newer, other)).toBe(other);
  });

  it('skips a patch the snapshot already contains', () => {
    const s = snapshot({ seq: 6, events: [event()] });
    expect(applyNewPatch(s, patch(6, [{ op: 'deleted', entity: 'event', id: '100' }]))).toBe(s);
    expect(applyNewPatch(s, patch(7, [{ op: 'deleted', entity: 'event', id: '100' }])).events).toEqual([]);
  });
});
