import type { EventType, Side } from '@touchline/contract';
import { cardCounts, EVENT_RULES } from './event-rules.ts';

/** The minimum an event needs for the reducer; server rows and client events both fit. */
export interface ReducibleEvent {
  type: EventType;
  side: Side;
  scored?: boolean | undefined | null;
}

export interface SideTally {
  goals: number;
  shootout: number;
  shootoutKicks: number;
  yellowCards: number;
  redCards: number;
}

export interface MatchTally {
  home: SideTally;
  away: SideTally;
}

const emptySide = (): SideTally => ({ goals: 0, shootout: 0, shootoutKicks: 0, yellowCards: 0, redCards: 0 });
export const emptyTally = (): MatchTally => ({ home: emptySide(), away: emptySide() });

export const otherSide = (side: Side): Side => (side === 'home' ? 'away' : 'home');

/** What an event does to the tally, read from its row of the event table. */
function applyRule(t: MatchTally, e: ReducibleEvent) {
  const rule = EVENT_RULES[e.type];
  if (rule.scoresFor) t[rule.scoresFor === 'own' ? e.side : otherSide(e.side)].goals++;
  const { yellows, reds } = cardCounts(e.type);
  t[e.side].yellowCards += yellows;
  t[e.side].redCards += reds;
  if (rule.scored) {
    t[e.side].shootoutKicks++;
    if (e.scored) t[e.side].shootout++;
  }
}

/** Applies one event to a tally, returning a new tally. */
export function applyEvent(tally: MatchTally, event: ReducibleEvent): MatchTally {
  const next: MatchTally = { home: { ...tally.home }, away: { ...tally.away } };
  applyRule(next, event);
  return next;
}

/** Reduces an ordered event log to the score, shootout score and card counts. */
export function reduceEvents(events: readonly ReducibleEvent[]): MatchTally {
  return events.reduce(applyEvent, emptyTally());
}

export const scoreOf = (t: MatchTally) => ({ home: t.home.goals, away: t.away.goals });
export const shootoutOf = (t: MatchTally) =>
  t.home.shootoutKicks + t.away.shootoutKicks > 0 ? { home: t.home.shootout, away: t.away.shootout } : undefined;
