import { asc, eq, sql } from 'drizzle-orm';
import type { LineupEntry, MatchEvent, MatchSnapshot, Side, SideStats, Stats } from '@touchline/contract';
import { EVENT_RULES, reduceEvents } from '@touchline/domain';
import type { Db, Executor } from '../db/client.ts';
import { lineups, matchEvents, matches, matchStats, persons } from '../db/schema.ts';
import { getSummary } from './summary.ts';

type EventRow = typeof matchEvents.$inferSelect;
type StatsRow = typeof matchStats.$inferSelect;

export function toEvent(e: EventRow): MatchEvent {
  return {
    id: String(e.id),
    ...(e.clientEventId ? { clientEventId: e.clientEventId } : {}),
    type: e.type,
    side: e.side,
    minute: e.minute,
    ...(e.addedTime !== null ? { addedTime: e.addedTime } : {}),
    ...(e.playerId !== null ? { playerId: String(e.playerId) } : {}),
    ...(e.relatedPlayerId !== null ? { relatedPlayerId: String(e.relatedPlayerId) } : {}),
    ...(EVENT_RULES[e.type].scored ? { scored: e.scored ?? false } : {}),
    ...(e.text !== null ? { text: e.text } : {}),
    createdAt: e.createdAt.toISOString(),
    createdBy: String(e.createdBy),
  };
}

const zeroCounters = { shots: 0, shotsOnTarget: 0, corners: 0, fouls: 0, offsides: 0, saves: 0 };

/** Team statistics: counters from the stats rows, cards derived from the events. */
export function buildStats(rows: StatsRow[], events: readonly Pick<EventRow, 'type' | 'side' | 'scored'>[]): SideStats {
  const tally = reduceEvents(events);
  const side = (s: Side): Stats => {
    const r = rows.find((x) => x.side === s) ?? zeroCounters;
    return {
      shots: r.shots,
      shots_on_target: r.shotsOnTarget,
      corners: r.corners,
      fouls: r.fouls,
      offsides: r.offsides,
      saves: r.saves,
      yellow_cards: tally[s].yellowCards,
      red_cards: tally[s].redCards,
    };
  };
  return { home: side('home'), away: side('away') };
}

export async function loadEvents(db: Executor, matchId: number) {
  return db.select().from(matchEvents).where(eq(matchEvents.matchId, matchId)).orderBy(asc(matchEvents.id));
}

/**
 * A column for a write's RETURNING: what the match's summary and statistics are computed from — each event's id, type,
 * side and kick result — as its statement found them, so the write needs no second read (decision 052). The
 * statement's own change is not among them: the caller applies it.
 */
export const eventsColumn = (matchId: number) =>
  sql<FoundEvent[] | string>`(select coalesce(json_agg(json_build_object('id', e.id, 'type', e.type,
    'side', e.side, 'scored', e.scored) order by e.id), '[]'::json) from ${matchEvents} e where e.match_id = ${matchId})`;

/** A column for the write's lock: the match's statistics rows as JSON (`rowsFromJson`), decision 052. */
export const statsColumn = (matchId: number) =>
  sql<unknown>`(select coalesce(json_agg(s), '[]'::json) from ${matchStats} s where s.match_id = ${matchId})`;

/** An event as `eventsColumn` reads it. */
export type FoundEvent = Pick<EventRow, 'id' | 'type' | 'side' | 'scored'>;

/** The events of `eventsColumn`; a driver that leaves JSON as text is parsed here. */
export const foundEvents = (json: FoundEvent[] | string): FoundEvent[] =>
  typeof json === 'string' ? (JSON.parse(json) as FoundEvent[]) : json;

export async function loadStats(db: Executor, matchId: number): Promise<SideStats> {
  const rows = await db.select().from(matchStats).where(eq(matchStats.matchId, matchId));
  return buildStats(rows, await loadEvents(db, matchId));
}

export async function loadLineup(db: Executor, matchId: number, side: Side): Promise<LineupEntry[]> {
  const rows = await db
    .select({ l: lineups, p: persons })
    .from(lineups)
    .innerJoin(persons, eq(persons.id, lineups.personId))
    .where(eq(lineups.matchId, matchId))
    .orderBy(asc(lineups.role), asc(lineups.shirtNumber));
  return rows
    .filter((r) => r.l.side === side)
    .map(({ l, p }) => ({
      playerId: String(p.id),
      firstName: p.firstName,
      lastName: p.lastName,
      shirtNumber: l.shirtNumber,
      role: l.role,
      ...(l.position ? { position: l.position } : {}),
    }));
}

async function readSnapshot(db: Executor, matchId: number): Promise<MatchSnapshot | undefined> {
  const [head] = await db
    .select({ seq: matches.seq, epoch: matches.epoch })
    .from(matches)
    .where(eq(matches.id, matchId));
  if (!head) return undefined;
  // Sequential on purpose: one transaction is one connection.
  const summary = await getSummary(db, matchId);
  const events = await loadEvents(db, matchId);
  const statRows = await db.select().from(matchStats).where(eq(matchStats.matchId, matchId));
  const home = await loadLineup(db, matchId, 'home');
  const away = await loadLineup(db, matchId, 'away');
  return {
    epoch: head.epoch,
    seq: head.seq,
    match: summary!,
    events: events.map(toEvent),
    stats: buildStats(statRows, events),
    lineups: { home, away },
  };
}

/** A consistent snapshot: everything read in one repeatable-read transaction, so `seq` matches the content. */
export function loadSnapshot(db: Db, matchId: number): Promise<MatchSnapshot | undefined> {
  return db.transaction((tx) => readSnapshot(tx, matchId), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
}
