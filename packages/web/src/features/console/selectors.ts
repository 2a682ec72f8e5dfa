import type { LineupEntry, MatchSummary, Period, Role, Side, StateBody } from '@touchline/contract';
import {
  checkTransition,
  EVENT_RULES,
  type FinishRefusal,
  finishRefusal,
  kickRefusal,
  type KickRefusal,
  nextPeriods,
  type PlayOnRefusal,
  playOnRefusal,
  recordRefusal,
  reduceEvents,
  sendsOff,
  type ShootoutCount,
  shootoutCountOf,
  type Stage,
  stageAfter,
} from '@touchline/domain';
import type { MatchView } from './optimistic.ts';

/** Who is on the pitch for a side: starters, plus those brought on, minus those taken off or sent off. */
export function onPitch(view: MatchView, side: Side): LineupEntry[] {
  const events = view.events.filter((e) => e.side === side);
  const on = new Set(view.lineups[side].filter((p) => p.role === 'starter').map((p) => p.playerId));
  for (const e of events) {
    if (EVENT_RULES[e.type].related === 'on') {
      if (e.playerId) on.delete(e.playerId);
      if (e.relatedPlayerId) on.add(e.relatedPlayerId);
    }
    if (sendsOff(e.type) && e.playerId) on.delete(e.playerId);
  }
  return view.lineups[side].filter((p) => on.has(p.playerId));
}

/** Substitutes who have not come on yet. */
export function bench(view: MatchView, side: Side): LineupEntry[] {
  const used = new Set(view.events.filter((e) => EVENT_RULES[e.type].related === 'on').map((e) => e.relatedPlayerId));
  return view.lineups[side].filter((p) => p.role === 'substitute' && !used.has(p.playerId));
}

/** Why the shootout cannot start now, or null; the shootout follows only the second half or extra time. */
export type ShootoutBlock = PlayOnRefusal | 'period_not_reached';

const playOf = (m: MatchSummary) => ({ rules: m.knockout, period: m.period ?? null, score: m.score });

export function shootoutBlock(match: MatchSummary): ShootoutBlock | null {
  const refusal = playOnRefusal({ ...playOf(match), live: match.status === 'live' }, 'penalties');
  if (refusal) return refusal;
  return nextPeriods(match.period ?? null).includes('penalties') ? null : 'period_not_reached';
}

/** The shootout's kicks so far, as the knockout rules count them. */
export const shootoutTally = (view: MatchView): ShootoutCount => shootoutCountOf(reduceEvents(view.events));

/** Why `side` cannot take the next kick (decided, or the other side's turn), or null. */
export const kickBlock = (view: MatchView, side: Side): KickRefusal | null => kickRefusal(shootoutTally(view), side);

const stateOf = (m: MatchSummary) => ({ status: m.status, period: (m.period ?? null) as Period | null });

/** The operator's period steps from here (kick-off, half-time, …), excluding the shootout, which has its own panel. */
export function periodSteps(match: MatchSummary): StateBody[] {
  const candidates: StateBody[] =
    match.status === 'scheduled'
      ? [{ status: 'live' }]
      : nextPeriods(match.period ?? null)
          .filter((p) => p !== 'penalties')
          .map((period) => ({ period }));
  const live = { ...playOf(match), live: true };
  return candidates.filter(
    (c) => checkTransition('operator', stateOf(match), c).ok && (!c.period || playOnRefusal(live, c.period) === null),
  );
}

/** What the rules send a live match to once this period of play ends, shown beside the period controls. */
export function nextStage(match: MatchSummary): Stage | null {
  if (match.status !== 'live' || (match.period !== 'second_half' && match.period !== 'extra_time_second')) return null;
  return stageAfter(playOf(match));
}

export type FinishBlock = 'not_allowed' | FinishRefusal;

/** Why full time cannot be called now, or null. */
export function finishBlock(view: MatchView): FinishBlock | null {
  if (!checkTransition('operator', stateOf(view.match), { status: 'finished' }).ok) return 'not_allowed';
  return finishRefusal({ ...playOf(view.match), shootout: shootoutTally(view) });
}

/**
 * Why the signed-in person cannot record, edit or delete events and statistics now, or null: the server's rule.
 * The judge's correction window is the server's, from `/api/config`; until it is known no window is predicted closed.
 */
export const recordBlock = (
  match: MatchSummary,
  role: Role | undefined,
  now: Date,
  judgeWindowHours: number | undefined,
) => recordRefusal(role ?? 'fan', match, { judgeWindowHours: judgeWindowHours ?? Infinity, now });
