import { describe, expect, it } from 'vitest';
import type { MatchStatus, Role } from '@touchline/contract';
import {
  matchWriteRefusal,
  recordRefusal,
  recordingRefusal,
  type MatchWriteKind,
  type MatchWriteRefusal,
} from '../src/match-writes.ts';

const now = new Date('2025-11-25T18:00:00Z');
const clock = { judgeWindowHours: 48, now };
const finishedHoursAgo = (h: number) => ({
  status: 'finished' as const,
  finishedAt: new Date(now.getTime() - h * 3600_000),
});
const at = (status: MatchStatus) => ({ status });

describe('matchWriteRefusal: what each role may still change, by the match status', () => {
  type Row = [
    Role,
    ReturnType<typeof at> | ReturnType<typeof finishedHoursAgo>,
    MatchWriteKind,
    MatchWriteRefusal | null,
  ];
  const rows: Row[] = [
    ['admin', finishedHoursAgo(1000), 'record', null],
    ['admin', finishedHoursAgo(1000), 'state', null],
    ['operator', at('scheduled'), 'record', null],
    ['operator', at('live'), 'record', null],
    ['operator', at('live'), 'state', null],
    ['operator', finishedHoursAgo(1), 'record', 'match_finished'],
    ['operator', finishedHoursAgo(1), 'state', 'match_finished'],
    ['operator', finishedHoursAgo(1), 'lineup', 'match_finished'],
    ['judge', at('live'), 'record', null],
    ['judge', at('scheduled'), 'record', 'match_not_live'],
    ['judge', at('live'), 'state', 'forbidden'],
    ['judge', at('live'), 'lineup', 'forbidden'],
    ['judge', finishedHoursAgo(47), 'record', null],
    ['judge', finishedHoursAgo(49), 'record', 'correction_window_closed'],
    ['captain', at('scheduled'), 'lineup', null],
    ['captain', at('live'), 'lineup', 'lineup_locked'],
    ['captain', at('scheduled'), 'record', 'forbidden'],
    ['fan', at('live'), 'record', 'forbidden'],
  ];
  it.each(rows)('%s on a %o match, %s → %s', (role, match, kind, expected) => {
    expect(matchWriteRefusal(role, match, kind, clock)).toBe(expected);
  });

  it('reads the finish time as the API gives it, an ISO string', () => {
    const iso = { status: 'finished' as const, finishedAt: finishedHoursAgo(49).finishedAt.toISOString() };
    expect(matchWriteRefusal('judge', iso, 'record', clock)).toBe('correction_window_closed');
  });
});

describe('recordRefusal: whether the console can record an event or a statistic at all', () => {
  const rows: [Role, ReturnType<typeof at> | ReturnType<typeof finishedHoursAgo>, MatchWriteRefusal | null][] = [
    ['operator', at('scheduled'), 'match_not_live'],
    ['operator', at('postponed'), 'match_not_live'],
    ['operator', at('live'), null],
    ['operator', finishedHoursAgo(1), 'match_finished'],
    ['admin', at('scheduled'), 'match_not_live'],
    ['admin', finishedHoursAgo(1000), null],
    ['judge', finishedHoursAgo(1), null],
  ];
  it.each(rows)('%s on a %o match → %s', (role, match, expected) => {
    expect(recordRefusal(role, match, clock)).toBe(expected);
  });

  it('events and statistics exist only from kick-off on', () => {
    expect((['scheduled', 'live', 'finished', 'postponed', 'cancelled'] as const).map(recordingRefusal)).toEqual([
      'match_not_live',
      null,
      null,
      'match_not_live',
      'match_not_live',
    ]);
  });
});
