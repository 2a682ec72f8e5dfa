import { describe, expect, it } from 'vitest';
import type { MatchStatus, Period } from '@touchline/contract';
import { checkTransition, nextPeriods, PERIOD_STEPS, type Actor, type MatchState } from '../src/transitions.ts';

const st = (status: MatchStatus, period: Period | null = null): MatchState => ({ status, period });
type Row = [Actor, MatchState, { status?: MatchStatus; period?: Period }, MatchState | string];

describe('checkTransition', () => {
  const rows: Row[] = [
    // operator: kick-off, periods in order, full time
    ['operator', st('scheduled'), { status: 'live' }, st('live', 'first_half')],
    ['operator', st('scheduled'), { status: 'live', period: 'first_half' }, st('live', 'first_half')],
    ['operator', st('scheduled'), { status: 'live', period: 'second_half' }, 'period_transition_invalid'],
    ['operator', st('live', 'first_half'), { period: 'half_time' }, st('live', 'half_time')],
    ['operator', st('live', 'first_half'), { status: 'live', period: 'half_time' }, st('live', 'half_time')],
    ['operator', st('live', 'half_time'), { period: 'second_half' }, st('live', 'second_half')],
    ['operator', st('live', 'second_half'), { period: 'extra_time_first' }, st('live', 'extra_time_first')],
    ['operator', st('live', 'second_half'), { period: 'penalties' }, st('live', 'penalties')],
    ['operator', st('live', 'extra_time_first'), { period: 'extra_time_break' }, st('live', 'extra_time_break')],
    ['operator', st('live', 'extra_time_break'), { period: 'extra_time_second' }, st('live', 'extra_time_second')],
    ['operator', st('live', 'extra_time_second'), { period: 'penalties' }, st('live', 'penalties')],
    ['operator', st('live', 'first_half'), { period: 'second_half' }, 'period_transition_invalid'],
    ['operator', st('live', 'second_half'), { period: 'first_half' }, 'period_transition_invalid'],
    ['operator', st('live', 'extra_time_first'), { period: 'penalties' }, 'period_transition_invalid'],
    ['operator', st('live', 'penalties'), { period: 'extra_time_first' }, 'period_transition_invalid'],
    ['operator', st('live', 'half_time'), { period: 'half_time' }, st('live', 'half_time')],
    ['operator', st('live', 'second_half'), { status: 'finished' }, st('finished', 'second_half')],
    ['operator', st('live', 'extra_time_second'), { status: 'finished' }, st('finished', 'extra_time_second')],
    ['operator', st('live', 'penalties'), { status: 'finished' }, st('finished', 'penalties')],
    ['operator', st('live', 'first_half'), { status: 'finished' }, 'status_transition_invalid'],
    ['operator', st('live', 'half_time'), { status: 'finished' }, 'status_transition_invalid'],
    ['operator', st('live', 'extra_time_break'), { status: 'finished' }, 'status_transition_invalid'],
    ['operator', st('live', 'second_half'), { status: 'finished', period: 'penalties' }, 'period_transition_invalid'],
    // operator: what the table does not hold
    ['operator', st('scheduled'), { status: 'finished' }, 'status_transition_invalid'],
    ['operator', st('scheduled'), { status: 'postponed' }, 'status_transition_invalid'],
    ['operator', st('live', 'first_half'), { status: 'cancelled' }, 'status_transition_invalid'],
    ['operator', st('live', 'first_half'), { status: 'scheduled' }, 'status_transition_invalid'],
    ['operator', st('postponed'), { status: 'live' }, 'status_transition_invalid'],
    ['operator', st('scheduled'), { period: 'first_half' }, 'match_not_live'],
    ['operator', st('cancelled'), { period: 'first_half' }, 'match_not_live'],
    ['operator', st('finished', 'second_half'), { status: 'live' }, 'match_finished'],
    ['operator', st('finished', 'second_half'), { period: 'penalties' }, 'match_finished'],
    // admin: any status, a period only while live
    ['admin', st('finished', 'second_half'), { status: 'live' }, st('live', 'second_half')],
    ['admin', st('finished', null), { status: 'live' }, st('live', 'first_half')],
    ['admin', st('finished', 'second_half'), { status: 'live', period: 'penalties' }, st('live', 'penalties')],
    ['admin', st('scheduled'), { status: 'postponed' }, st('postponed')],
    ['admin', st('live', 'half_time'), { status: 'cancelled' }, st('cancelled')],
    ['admin', st('postponed'), { status: 'scheduled' }, st('scheduled')],
    ['admin', st('scheduled'), { status: 'finished' }, st('finished')],
    ['admin', st('live', 'first_half'), { status: 'finished' }, st('finished', 'first_half')],
    ['admin', st('scheduled'), { status: 'live', period: 'extra_time_first' }, st('live', 'extra_time_first')],
    ['admin', st('live', 'penalties'), { period: 'first_half' }, st('live', 'first_half')],
    ['admin', st('finished', 'second_half'), { period: 'penalties' }, 'match_not_live'],
    ['admin', st('scheduled'), { period: 'first_half' }, 'match_not_live'],
    ['admin', st('live', 'first_half'), { status: 'postponed', period: 'half_time' }, 'match_not_live'],
    // nobody else changes status or period
    ['judge', st('live', 'first_half'), { period: 'half_time' }, 'forbidden'],
    ['judge', st('finished', 'second_half'), { status: 'live' }, 'forbidden'],
    ['captain', st('scheduled'), { status: 'live' }, 'forbidden'],
    ['fan', st('live', 'second_half'), { status: 'finished' }, 'forbidden'],
  ];

  it.each(rows)('%s: %j with %j → %j', (actor, from, to, want) => {
    const got = checkTransition(actor, from, to);
    expect(got).toEqual(typeof want === 'string' ? { ok: false, code: want } : { ok: true, next: want });
  });
});

describe('nextPeriods', () => {
  it('starts a match with the first half', () => expect(nextPeriods(null)).toEqual(['first_half']));
  it('reads the table', () => {
    for (const [period, next] of Object.entries(PERIOD_STEPS)) expect(nextPeriods(period as Period)).toEqual(next);
  });
  it('hands out a copy, so callers cannot change the rules', () => {
    nextPeriods('second_half').push('first_half');
    expect(PERIOD_STEPS.second_half).toEqual(['extra_time_first', 'penalties']);
  });
});
