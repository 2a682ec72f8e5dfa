import { describe, expect, it } from 'vitest';
import { liveMinute, readClock } from '../src/lib/clock.ts';

const kickoffAt = '2025-11-25T15:00:00.000Z';
const at = (iso: string) => Date.parse(iso);

describe('readClock', () => {
  it('is off unless the match is live', () => {
    expect(readClock({ status: 'scheduled', kickoffAt }, at(kickoffAt))).toBeNull();
    expect(readClock({ status: 'finished', kickoffAt }, at(kickoffAt))).toBeNull();
  });

  it('counts from kick-off when the server gives no period start', () => {
    expect(readClock({ status: 'live', period: 'first_half', kickoffAt }, at('2025-11-25T15:12:30Z'))).toEqual({
      minute: 13,
      display: '12:30',
    });
  });

  it('counts the second half from its own start, from 45:00', () => {
    const match = {
      status: 'live' as const,
      period: 'second_half' as const,
      kickoffAt,
      periodStartedAt: '2025-11-25T16:00:00Z',
    };
    expect(readClock(match, at('2025-11-25T16:10:05Z'))).toEqual({ minute: 56, display: '55:05' });
  });

  it('stamps minutes past the period end as added time', () => {
    const match = { status: 'live' as const, period: 'first_half' as const, kickoffAt, periodStartedAt: kickoffAt };
    expect(readClock(match, at('2025-11-25T15:46:10Z'))).toEqual({ minute: 45, addedTime: 2, display: '46:10' });
  });

  it('stops at breaks and in the shootout', () => {
    expect(readClock({ status: 'live', period: 'half_time', kickoffAt }, at('2025-11-25T15:50:00Z'))).toEqual({
      minute: 45,
      display: null,
    });
    expect(readClock({ status: 'live', period: 'penalties', kickoffAt }, at('2025-11-25T17:10:00Z'))?.minute).toBe(120);
  });
});

describe('liveMinute (the live cards)', () => {
  it('reads the same clock as the match page: the running minute, with added time', () => {
    const match = { status: 'live' as const, period: 'first_half' as const, kickoffAt };
    expect(liveMinute(match, at('2025-11-25T15:36:10Z'))).toEqual({ minute: 37 });
    expect(liveMinute(match, at('2025-11-25T15:46:30Z'))).toEqual({ minute: 45, addedTime: 2 });
  });

  it('names the break when the ball is not in play, and is off unless live', () => {
    expect(liveMinute({ status: 'live', period: 'half_time', kickoffAt }, at(kickoffAt))).toEqual({
      stopped: 'half_time',
    });
    expect(liveMinute({ status: 'live', period: 'penalties', kickoffAt }, at(kickoffAt))).toEqual({
      stopped: 'penalties',
    });
    expect(liveMinute({ status: 'finished', period: 'second_half', kickoffAt }, at(kickoffAt))).toBeNull();
  });
});
