import { eq, inArray, type SQL, sql, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type AuditEntry, ID_MAX } from '@touchline/contract';
import { type AuditRefKind, auditRefKey, auditRefs } from '@touchline/domain';
import type { Executor } from '../db/client.ts';
import { rawRows } from '../db/raw.ts';
import * as t from '../db/schema.ts';

type Names = SQLWrapper;
const home = alias(t.clubs, 'home_club');
const away = alias(t.clubs, 'away_club');

/** One select per kind: the current name of each id; `withNames` sends them together as one query. */
const resolvers: Record<AuditRefKind, (ex: Executor, ids: number[]) => Names> = {
  player: (ex, ids) =>
    ex
      .select({ id: t.persons.id, name: sql<string>`${t.persons.firstName} || ' ' || ${t.persons.lastName}` })
      .from(t.persons)
      .where(inArray(t.persons.id, ids)),
  club: (ex, ids) => ex.select({ id: t.clubs.id, name: t.clubs.name }).from(t.clubs).where(inArray(t.clubs.id, ids)),
  user: (ex, ids) =>
    ex.select({ id: t.users.id, name: t.users.displayName }).from(t.users).where(inArray(t.users.id, ids)),
  match: (ex, ids) =>
    ex
      .select({ id: t.matches.id, name: sql<string>`${home.name} || ' – ' || ${away.name}` })
      .from(t.matches)
      .innerJoin(home, eq(home.id, t.matches.homeClubId))
      .innerJoin(away, eq(away.id, t.matches.awayClubId))
      .where(inArray(t.matches.id, ids)),
  venue: (ex, ids) =>
    ex.select({ id: t.venues.id, name: t.venues.name }).from(t.venues).where(inArray(t.venues.id, ids)),
  referee: (ex, ids) =>
    ex.select({ id: t.referees.id, name: t.referees.name }).from(t.referees).where(inArray(t.referees.id, ids)),
  season: (ex, ids) =>
    ex
      .select({ id: t.seasons.id, name: sql<string>`${t.competitions.name} || ' ' || ${t.seasons.name}` })
      .from(t.seasons)
      .innerJoin(t.competitions, eq(t.competitions.id, t.seasons.competitionId))
      .where(inArray(t.seasons.id, ids)),
  competition: (ex, ids) =>
    ex
      .select({ id: t.competitions.id, name: t.competitions.name })
      .from(t.competitions)
      .where(inArray(t.competitions.id, ids)),
  group: (ex, ids) =>
    ex.select({ id: t.groups.id, name: t.groups.label }).from(t.groups).where(inArray(t.groups.id, ids)),
};

/** A name read for an audit entry's `refs`. */
export interface RefName {
  kind: AuditRefKind;
  id: number;
  name: string;
}

/** What `auditRefs` reads of an entry: enough to know its refs before it is written. */
type RefSource = Parameters<typeof auditRefs>[0];

/**
 * The refs of each entry and one query (a `union all` of one select per kind) for all their current names, or no
 * query when they name nothing. A write may send the query inside its own statement (`matches/record.ts`).
 */
export function namesQuery(ex: Executor, entries: readonly RefSource[]): { keys: string[][]; query?: SQL } {
  const keys = entries.map(auditRefs);
  const wanted = new Map<AuditRefKind, Set<number>>();
  for (const key of keys.flat()) {
    const [kind, id] = key.split(':') as [AuditRefKind, string];
    if (Number(id) > ID_MAX) continue;
    if (!wanted.has(kind)) wanted.set(kind, new Set());
    wanted.get(kind)!.add(Number(id));
  }
  const selects = [...wanted].map(
    ([kind, ids]) =>
      sql`select ${kind}::text as kind, q.id, q.name from (${resolvers[kind](ex, [...ids])}) as q (id, name)`,
  );
  return selects.length > 0 ? { keys, query: sql.join(selects, sql` union all `) } : { keys };
}

/** Entries with `refs` filled from the names read; ids of things since deleted get no name, the log keeps the id. */
export function applyNames(entries: AuditEntry[], keys: string[][], rows: readonly RefName[]): AuditEntry[] {
  const names = new Map(rows.map((r) => [auditRefKey(r.kind, r.id), r.name]));
  return entries.map((e, i) => ({
    ...e,
    refs: Object.fromEntries(keys[i]!.filter((k) => names.has(k)).map((k) => [k, names.get(k)!])),
  }));
}

/** Entries with `refs` filled: the names of the players, clubs, people and matches they refer to, read now. */
export async function withNames(ex: Executor, entries: AuditEntry[]): Promise<AuditEntry[]> {
  const { keys, query } = namesQuery(ex, entries);
  return applyNames(entries, keys, query ? await rawRows<RefName>(ex, query) : []);
}
