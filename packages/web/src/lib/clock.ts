import type { MatchSummary, Period } from '@touchline/contract';

/** A server may add when the current period started; without it the clock counts from kick-off. */
type ClockMatch = Pick<MatchSummary, 'status' | 'period' | 'kickoffAt'> & { periodStartedAt?: string };

/** Minutes already played when a running period starts. */
const PERIOD_BASE: Partial<Record<Period, number>> = {
  first_half: 0,
  second_half: 45,
  extra_time_first: 90,
  extra_time_second: 105,
};

/** Where each playing period's regular time ends; later minutes are added time. */
const PERIOD_END: Partial<Record<Period, number>> = {
  first_half: 45,
  second_half: 90,
  extra_time_first: 105,
  extra_time_second: 120,
};

/** The minute stamped on events while the ball is not in play. */
const STOPPED_AT: Partial<Record<Period, number>> = { half_time: 45, extra_time_break: 105, penalties: 120 };

export interface ClockReading {
  /** The minute to stamp on a new event, 1–130, and the added time past the period's end. */
  minute: number;
  addedTime?: number;
  /** "mm:ss" of play, or null while the ball is not in play. */
  display: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The match clock at `now`: running in a playing period, stopped at breaks and in the shootout. */
export function readClock(match: ClockMatch, now: number): ClockReading | null {
  if (match.status !== 'live' || !match.period) return null;
  const base = PERIOD_BASE[match.period];
  if (base === undefined) return { minute: STOPPED_AT[match.period] ?? 1, display: null };
  const start = Date.parse(match.periodStartedAt ?? match.kickoffAt);
  const offset = match.periodStartedAt ? base * 60 : 0;
  const seconds = Math.max(0, Math.floor((now - start) / 1000)) + offset;
  const played = Math.floor(seconds / 60) + 1;
  const end = PERIOD_END[match.period]!;
  const display = `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
  return played > end ? { minute: end, addedTime: Math.min(30, played - end), display } : { minute: played, display };
}

/** What a live card shows of the clock: the running minute ("37'", "45+2'"), or the break it stands at ("HT"). */
export type LiveMinute = { minute: number; addedTime?: number } | { stopped: Period };

/** The live cards' minute, from the same reading as the match page's clock. */
export function liveMinute(match: ClockMatch, now: number): LiveMinute | null {
  const clock = readClock(match, now);
  if (!clock) return null;
  if (clock.display === null) return { stopped: match.period! };
  return clock.addedTime ? { minute: clock.minute, addedTime: clock.addedTime } : { minute: clock.minute };
}
