import type { MatchStatus, Period } from '@touchline/contract';

export type Actor = 'admin' | 'operator' | 'judge' | 'captain' | 'fan';

export interface MatchState {
  status: MatchStatus;
  period: Period | null;
}

export type TransitionResult =
  | { ok: true; next: MatchState }
  | {
      ok: false;
      code:
        'forbidden' | 'status_transition_invalid' | 'period_transition_invalid' | 'match_not_live' | 'match_finished';
    };

/** The periods that may follow each period while a match is live. Whether the score allows penalties is shootout.ts's call. */
export const PERIOD_STEPS: Record<Period, Period[]> = {
  first_half: ['half_time'],
  half_time: ['second_half'],
  second_half: ['extra_time_first', 'penalties'],
  extra_time_first: ['extra_time_break'],
  extra_time_break: ['extra_time_second'],
  extra_time_second: ['penalties'],
  penalties: [],
};

/** The periods an operator may step to next; a match with no period yet starts with the first half. */
export function nextPeriods(period: Period | null): Period[] {
  return period === null ? ['first_half'] : [...PERIOD_STEPS[period]];
}

interface StatusStep {
  from: MatchStatus;
  to: MatchStatus;
  /** The step is allowed only from these periods. */
  fromPeriods?: readonly Period[];
}

/** The status changes an operator may make: kick-off and full time. */
const OPERATOR_STATUS_STEPS: readonly StatusStep[] = [
  { from: 'scheduled', to: 'live' },
  { from: 'live', to: 'finished', fromPeriods: ['second_half', 'extra_time_second', 'penalties'] },
];

/** A match's period when it enters a status: a kick-off starts the first half, a reopened match resumes where it was. */
const PERIOD_ON_ENTER: Record<MatchStatus, (from: MatchState) => Period | null> = {
  scheduled: () => null,
  postponed: () => null,
  cancelled: () => null,
  live: (from) => (from.status === 'finished' && from.period) || 'first_half',
  finished: (from) => from.period,
};

type Change = { status?: MatchStatus; period?: Period };
type Failure = Extract<TransitionResult, { ok: false }>['code'];

const fail = (code: Failure): TransitionResult => ({ ok: false, code });

function operatorTransition(from: MatchState, to: Change): TransitionResult {
  if (from.status === 'finished') return fail('match_finished');
  const status = to.status ?? from.status;
  if (status !== from.status) {
    const step = OPERATOR_STATUS_STEPS.find((s) => s.from === from.status && s.to === status);
    if (!step) return fail('status_transition_invalid');
    if (step.fromPeriods && (from.period === null || !step.fromPeriods.includes(from.period)))
      return fail('status_transition_invalid');
    const period = PERIOD_ON_ENTER[status](from);
    // A kick-off may name its first period; full time keeps the last one.
    if (to.period !== undefined && to.period !== period) return fail('period_transition_invalid');
    return { ok: true, next: { status, period } };
  }
  if (to.period === undefined || to.period === from.period) return { ok: true, next: from };
  if (from.status !== 'live') return fail('match_not_live');
  if (!nextPeriods(from.period).includes(to.period)) return fail('period_transition_invalid');
  return { ok: true, next: { status, period: to.period } };
}

function adminTransition(from: MatchState, to: Change): TransitionResult {
  const status = to.status ?? from.status;
  const period = status === from.status ? from.period : PERIOD_ON_ENTER[status](from);
  if (to.period === undefined || to.period === period) return { ok: true, next: { status, period } };
  if (status !== 'live') return fail('match_not_live');
  return { ok: true, next: { status, period: to.period } };
}

/** Who may move a match between statuses and periods; `to` holds only the fields the request changes. */
export function checkTransition(actor: Actor, from: MatchState, to: Change): TransitionResult {
  if (actor === 'admin') return adminTransition(from, to);
  if (actor === 'operator') return operatorTransition(from, to);
  return fail('forbidden');
}
