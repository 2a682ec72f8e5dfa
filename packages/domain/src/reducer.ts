import type { EventType, Side } from '@touchline/contract';

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

type Effect = (tally: MatchTally, event: ReducibleEvent) => void;

/** One row per event type: what it does to the tally. A new event type is a new row. */
const effects: Record<EventType, Effect> = {
  goal: (t, e) => void t[e.side].goals++,
  penalty_goal: (t, e) => void t[e.side].goals++,
  own_goal: (t, e) => void t[otherSide(e.side)].goals++,
  penalty_missed: () => undefined,
  yellow_card: (t, e) => void t[e.side].yellowCards++,
  second_yellow: (t, e) => {
    t[e.side].yellowCards++;
    t[e.side].redCards++;
  },
  red_card: (t, e) => void t[e.side].redCards++,
  substitution: () => undefined,
  shootout_kick: (t, e) => {
    t[e.side].shootoutKicks++;
    if (e.scored) t[e.side].shootout++;
  },
};

/** Applies one event to a tally, returning a new tally. */
export function applyEvent(tally: MatchTally, event: ReducibleEvent): MatchTally {
  const next: MatchTally = { home: { ...tally.home }, away: { ...tally.away } };
  effects[event.type](next, event);
  return next;
}

/** Reduces an ordered event log to the score, shootout score and card counts. */
export function reduceEvents(events: readonly ReducibleEvent[]): MatchTally {
  return events.reduce(applyEvent, emptyTally());
}

export const scoreOf = (t: MatchTally) => ({ home: t.home.goals, away: t.away.goals });
export const shootoutOf = (t: MatchTally) =>
  t.home.shootoutKicks + t.away.shootoutKicks > 0 ? { home: t.home.shootout, away: t.away.shootout } : undefined;

export const SCORING_TYPES: ReadonlySet<EventType> = new Set(['goal', 'penalty_goal', 'own_goal']);
