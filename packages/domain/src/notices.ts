import type { EventType, MatchStatus, NotifyKind, Period, Side } from '@touchline/contract';
import { EVENT_RULES, sendsOff } from './event-rules.ts';

/** A goal as fans are told of it: `side` is the side whose score it raised (an own goal counts for the other). */
export interface GoalFact {
  eventId: string;
  side: Side;
  minute: number;
  scorer?: string;
  type: string;
}

export interface RedCardFact {
  eventId: string;
  side: Side;
  minute: number;
  player?: string;
}

/** What fans are told about a match (docs/decisions/034): the planner keeps the last told facts and diffs. */
export interface MatchFacts {
  status: MatchStatus;
  period?: Period;
  score: { home: number; away: number };
  shootout?: { home: number; away: number };
  goals: GoalFact[];
  reds: RedCardFact[];
  /** The sides whose lineups are published. */
  lineups: Side[];
}

/** One piece of news of a hold window; the notice (`server/notify/deliver.ts`) carries them, oldest first. */
export type NoticeItem =
  | { kind: 'kickoff' }
  | { kind: 'goal'; eventId: string; side: Side; minute: number; scorer?: string; type: string }
  | { kind: 'red_card'; eventId: string; side: Side; minute: number; player?: string }
  | { kind: 'half_time' }
  | { kind: 'full_time'; scorers: { side: Side; minute: number; name?: string; type: string }[] }
  | { kind: 'lineups' }
  | { kind: 'reminder'; minutesBefore: number }
  /** Something told earlier is no longer true (a judge removed a goal): what changed, and the score now. */
  | { kind: 'correction'; removed: RemovedFact[] };

export interface RemovedFact {
  kind: NotifyKind;
  eventId: string;
  minute: number;
  side: Side;
}

/** Before anything happened: what the planner compares a match's first window with. */
export const UNTOLD: MatchFacts = {
  status: 'scheduled',
  score: { home: 0, away: 0 },
  goals: [],
  reds: [],
  lineups: [],
};

/** An event as the facts need it; `player` is the player's display name, when known. */
export interface FactEvent {
  id: string;
  type: EventType;
  side: Side;
  minute: number;
  player?: string | undefined;
}

const other = (s: Side): Side => (s === 'home' ? 'away' : 'home');
const named = <K extends string>(key: K, name: string | undefined) =>
  (name === undefined ? {} : { [key]: name }) as Partial<Record<K, string>>;

/** The facts of a match from its state: status, score, events in recorded order, and the published lineups. */
export function matchFacts(match: {
  status: MatchStatus;
  period?: Period | undefined;
  score: { home: number; away: number };
  shootout?: { home: number; away: number } | undefined;
  events: readonly FactEvent[];
  lineups: readonly Side[];
}): MatchFacts {
  const goals: GoalFact[] = [];
  const reds: RedCardFact[] = [];
  for (const e of match.events) {
    const scores = EVENT_RULES[e.type].scoresFor;
    if (scores) {
      const side = scores === 'own' ? e.side : other(e.side);
      goals.push({ eventId: e.id, side, minute: e.minute, type: e.type, ...named('scorer', e.player) });
    } else if (sendsOff(e.type)) {
      reds.push({ eventId: e.id, side: e.side, minute: e.minute, ...named('player', e.player) });
    }
  }
  return {
    status: match.status,
    ...(match.period && match.status === 'live' ? { period: match.period } : {}),
    score: match.score,
    ...(match.shootout ? { shootout: match.shootout } : {}),
    goals,
    reds,
    lineups: [...match.lineups],
  };
}

export interface FactsDiff {
  /** New news, oldest first. */
  items: NoticeItem[];
  /** Told goals and red cards that are gone or changed since. */
  removed: RemovedFact[];
}

/** Equal fields, whatever their order: told facts come back from a jsonb column, which orders keys its own way. */
const same = (a: object, b: object) => {
  const canonical = (o: object) => JSON.stringify(Object.entries(o).sort(([x], [y]) => (x < y ? -1 : 1)));
  return canonical(a) === canonical(b);
};
const byMinute = (a: { minute: number; eventId: string }, b: { minute: number; eventId: string }) =>
  a.minute - b.minute || Number(a.eventId) - Number(b.eventId);

/**
 * What fans are to hear after being told `told` when the match is now `now`. A goal or card told earlier that is gone
 * or changed is `removed` (a changed one is told again as new); one added and removed again between two diffs is
 * never told at all, which is what the hold window is for.
 */
export function diffFacts(told: MatchFacts, now: MatchFacts): FactsDiff {
  const events: (Extract<NoticeItem, { kind: 'goal' | 'red_card' }> & { minute: number })[] = [];
  const removed: RemovedFact[] = [];
  const compare = <F extends GoalFact | RedCardFact>(kind: 'goal' | 'red_card', was: F[], is: F[]) => {
    for (const f of was) {
      const still = is.find((x) => x.eventId === f.eventId);
      if (!still || !same(still, f)) removed.push({ kind, eventId: f.eventId, minute: f.minute, side: f.side });
    }
    for (const f of is) {
      const before = was.find((x) => x.eventId === f.eventId);
      if (!before || !same(before, f)) events.push({ kind, ...f } as (typeof events)[number]);
    }
  };
  compare('goal', told.goals, now.goals);
  compare('red_card', told.reds, now.reds);
  events.sort(byMinute);

  const items: NoticeItem[] = [];
  if (now.lineups.some((s) => !told.lineups.includes(s))) items.push({ kind: 'lineups' });
  if (told.status === 'scheduled' && (now.status === 'live' || now.status === 'finished')) {
    items.push({ kind: 'kickoff' });
  }
  items.push(...events);
  if (now.status === 'live' && now.period === 'half_time' && told.period !== 'half_time') {
    items.push({ kind: 'half_time' });
  }
  if (now.status === 'finished' && told.status !== 'finished') {
    const scorers = now.goals.map((g) => ({
      side: g.side,
      minute: g.minute,
      type: g.type,
      ...named('name', g.scorer),
    }));
    items.push({ kind: 'full_time', scorers });
  }
  removed.sort(byMinute);
  return { items, removed };
}
