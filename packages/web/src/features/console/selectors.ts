import type { EventType, LineupEntry, MatchSummary, Period, Role, Side, StateBody } from '@touchline/contract';
import {
  checkTransition,
  DEFAULT_JUDGE_WINDOW_HOURS,
  nextPeriods,
  recordRefusal,
  reduceEvents,
  shootoutRefusal,
  type ShootoutRefusal,
} from '@touchline/domain';
import type { MatchView } from './optimistic.ts';

const SENT_OFF: ReadonlySet<EventType> = new Set(['red_card', 'second_yellow']);

/** Who is on the pitch for a side: starters, plus those brought on, minus those taken off or sent off. */
export function onPitch(view: MatchView, side: Side): LineupEntry[] {
  const events = view.events.filter((e) => e.side === side);
  const on = new Set(view.lineups[side].filter((p) => p.role === 'starter').map((p) => p.playerId));
  for (const e of events) {
    if (e.type === 'substitution') {
      if (e.playerId) on.delete(e.playerId);
      if (e.relatedPlayerId) on.add(e.relatedPlayerId);
    }
    if (SENT_OFF.has(e.type) && e.playerId) on.delete(e.playerId);
  }
  return view.lineups[side].filter((p) => on.has(p.playerId));
}

/** Substitutes who have not come on yet. */
export function bench(view: MatchView, side: Side): LineupEntry[] {
  const used = new Set(view.events.filter((e) => e.type === 'substitution').map((e) => e.relatedPlayerId));
  return view.lineups[side].filter((p) => p.role === 'substitute' && !used.has(p.playerId));
}

/** Why the shootout cannot start now, or null; the shootout follows only the second half or extra time. */
export type ShootoutBlock = ShootoutRefusal | 'period_not_reached';

export function shootoutBlock(match: MatchSummary): ShootoutBlock | null {
  const refusal = shootoutRefusal({
    decides: match.penaltiesAllowed,
    live: match.status === 'live',
    decidingScore: match.score,
  });
  if (refusal) return refusal;
  return nextPeriods(match.period ?? null).includes('penalties') ? null : 'period_not_reached';
}

export function shootoutTally(view: MatchView) {
  const t = reduceEvents(view.events);
  return {
    home: { scored: t.home.shootout, taken: t.home.shootoutKicks },
    away: { scored: t.away.shootout, taken: t.away.shootoutKicks },
  };
}

const stateOf = (m: MatchSummary) => ({ status: m.status, period: (m.period ?? null) as Period | null });

/** The operator's period steps from here (kick-off, half-time, …), excluding the shootout, which has its own panel. */
export function periodSteps(match: MatchSummary): StateBody[] {
  const candidates: StateBody[] =
    match.status === 'scheduled'
      ? [{ status: 'live' }]
      : nextPeriods(match.period ?? null)
          .filter((p) => p !== 'penalties')
          .map((period) => ({ period }));
  return candidates.filter((c) => checkTransition('operator', stateOf(match), c).ok);
}

export type FinishBlock = 'not_allowed' | 'shootout_level';

/** Why full time cannot be called now, or null. */
export function finishBlock(view: MatchView): FinishBlock | null {
  if (!checkTransition('operator', stateOf(view.match), { status: 'finished' }).ok) return 'not_allowed';
  if (view.match.period !== 'penalties') return null;
  const t = shootoutTally(view);
  return t.home.scored === t.away.scored ? 'shootout_level' : null;
}

/**
 * Why the signed-in person cannot record, edit or delete events and statistics now, or null: the server's rule.
 * The console cannot know a configured correction window, so it predicts the judge's with the default one.
 */
export const recordBlock = (match: MatchSummary, role: Role | undefined, now: Date) =>
  recordRefusal(role ?? 'fan', match, { judgeWindowHours: DEFAULT_JUDGE_WINDOW_HOURS, now });
