import { getTableName, type InferInsertModel, inArray, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { SeasonImportAnswer, SeasonImportBody } from '@touchline/contract';
import { EVENT_RULES } from '@touchline/domain';
import type { Tx } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { rebuildSeasonResults } from '../matches/finalize.ts';
import type { AdminTx } from './write.ts';

type Doc = z.infer<typeof SeasonImportBody>;

const num = Number;
const opt = (id: string | null) => (id === null ? null : Number(id));
const date = (iso: string | null) => (iso === null ? null : new Date(iso));
/** Rows per insert, well below PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

/** League tables an installation must have no row in to take an import (decision 033). */
const LEAGUE_TABLES = [t.competitions, t.seasons, t.clubs, t.persons, t.venues, t.referees, t.matches];
/** Tables the import fills with the document's ids; their identity sequences then go past them. */
const KEPT_IDS = [
  t.competitions,
  t.seasons,
  t.clubs,
  t.venues,
  t.referees,
  t.persons,
  t.groups,
  t.rounds,
  t.ties,
  t.matches,
  t.matchEvents,
];

const invalid = (message: string, details?: Record<string, unknown>) =>
  new ApiError('import_invalid', message, details);

/** What the database's own constraints cannot see: references by login and to ties, roster clubs in the season. */
function checkReferences(doc: Doc) {
  const logins = new Set(doc.authors.map((a) => a.login));
  for (const m of doc.matches) {
    const stranger = m.events.find((e) => !logins.has(e.createdBy));
    if (stranger) throw invalid(`Event ${stranger.id} names an author the document does not list`, { matchId: m.id });
    // Text belongs to comments only, and every comment has some (docs/rules.md §1.1).
    const worded = m.events.find((e) => EVENT_RULES[e.type].text !== Boolean(e.text));
    if (worded) throw invalid(`Event ${worded.id}: only a comment has text, and a comment needs it`, { matchId: m.id });
  }
  const ties = new Set(doc.ties.map((x) => x.id));
  const loose = doc.ties.find((x) => x.nextTieId !== null && !ties.has(x.nextTieId));
  if (loose) throw invalid(`Tie ${loose.id} leads to a tie the document does not hold`);
  const clubs = new Set(doc.participants.map((p) => p.clubId));
  const outsider = doc.rosters.find((r) => !clubs.has(r.clubId));
  if (outsider) throw invalid(`Player ${outsider.playerId} is in the roster of a club outside the season`);
}

async function assertEmpty(tx: Tx) {
  // Two imports at once would both find the installation empty.
  await tx.execute(sql`lock table ${t.competitions} in exclusive mode`);
  for (const table of LEAGUE_TABLES) {
    if (
      (
        await tx
          .select()
          .from(table as PgTable)
          .limit(1)
      ).length
    ) {
      throw new ApiError('installation_not_empty', 'An import goes into an installation without league data');
    }
  }
}

/** Each author's account here: the one with that login, else a new inactive one without a password. */
async function authorIds(w: AdminTx, doc: Doc) {
  const logins = doc.authors.map((a) => a.login);
  const existing = logins.length ? await w.tx.select().from(t.users).where(inArray(t.users.login, logins)) : [];
  const ids = new Map(existing.map((u) => [u.login, u.id]));
  for (const a of doc.authors.filter((x) => !ids.has(x.login))) {
    const [user] = await w.tx
      .insert(t.users)
      .values({ login: a.login, displayName: a.displayName, role: a.role, active: false })
      .returning();
    ids.set(a.login, user!.id);
  }
  return { ids, added: doc.authors.length - existing.length };
}

type Row<T extends PgTable> = InferInsertModel<T, { dbColumnNames: false; override: true }>;

/** Inserts in chunks, ids as given (overriding the identity); a table without one ignores the clause. */
async function insertAll<T extends PgTable>(tx: Tx, table: T, rows: Row<T>[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx
      .insert(table)
      .overridingSystemValue()
      .values(rows.slice(i, i + CHUNK));
  }
}

async function insertDocument(tx: Tx, doc: Doc, authors: Map<string, number>) {
  const seasonId = num(doc.season.id);
  const { id, ...rules } = doc.competition;
  await insertAll(tx, t.competitions, [{ id: num(id), ...rules }]);
  const { id: _id, ...season } = doc.season;
  await insertAll(tx, t.seasons, [{ id: seasonId, competitionId: num(id), ...season }]);
  await insertAll(
    tx,
    t.clubs,
    doc.clubs.map((c) => ({ ...c, id: num(c.id) })),
  );
  await insertAll(
    tx,
    t.venues,
    doc.venues.map((v) => ({ ...v, id: num(v.id) })),
  );
  await insertAll(
    tx,
    t.referees,
    doc.referees.map((r) => ({ ...r, id: num(r.id) })),
  );
  await insertAll(
    tx,
    t.persons,
    doc.players.map(({ squad: _s, ...p }) => ({ ...p, id: num(p.id) })),
  );
  const squads = doc.players.flatMap((p) => (p.squad ? [{ ...p.squad, personId: p.id }] : []));
  await insertAll(
    tx,
    t.squadMembers,
    squads.map((s) => ({ personId: num(s.personId), clubId: num(s.clubId), shirtNumber: s.shirtNumber })),
  );
  await insertAll(
    tx,
    t.groups,
    doc.groups.map((g) => ({ id: num(g.id), seasonId, label: g.label })),
  );
  await insertAll(
    tx,
    t.seasonParticipants,
    doc.participants.map((p) => ({ ...p, seasonId, clubId: num(p.clubId), groupId: opt(p.groupId) })),
  );
  await insertAll(
    tx,
    t.seasonRosters,
    doc.rosters.map((r) => ({
      seasonId,
      clubId: num(r.clubId),
      personId: num(r.playerId),
      shirtNumber: r.shirtNumber,
    })),
  );
  await insertAll(
    tx,
    t.rounds,
    doc.rounds.map((r) => ({ ...r, id: num(r.id), seasonId })),
  );
  await insertAll(
    tx,
    t.ties,
    doc.ties.map((x) => ({
      ...x,
      id: num(x.id),
      seasonId,
      roundId: opt(x.roundId),
      homeClubId: opt(x.homeClubId),
      awayClubId: opt(x.awayClubId),
      winnerClubId: opt(x.winnerClubId),
      nextTieId: opt(x.nextTieId),
    })),
  );
  await insertAll(
    tx,
    t.matches,
    doc.matches.map(({ stats: _s, lineups: _l, events: _e, ...m }) => ({
      ...m,
      id: num(m.id),
      seasonId,
      roundId: opt(m.roundId),
      groupId: opt(m.groupId),
      tieId: opt(m.tieId),
      homeClubId: num(m.homeClubId),
      awayClubId: num(m.awayClubId),
      kickoffAt: new Date(m.kickoffAt),
      periodStartedAt: date(m.periodStartedAt),
      finishedAt: date(m.finishedAt),
      venueId: opt(m.venueId),
      refereeId: opt(m.refereeId),
    })),
  );
  const each = <T>(f: (m: Doc['matches'][number]) => T[]) => doc.matches.flatMap(f);
  await insertAll(
    tx,
    t.matchStats,
    each((m) => m.stats.map((s) => ({ ...s, matchId: num(m.id) }))),
  );
  await insertAll(
    tx,
    t.lineups,
    each((m) => m.lineups.map((l) => ({ ...l, matchId: num(m.id), personId: num(l.playerId) }))),
  );
  await insertAll(
    tx,
    t.matchEvents,
    each((m) =>
      m.events.map((e) => ({
        ...e,
        id: num(e.id),
        matchId: num(m.id),
        playerId: opt(e.playerId),
        relatedPlayerId: opt(e.relatedPlayerId),
        createdAt: new Date(e.createdAt),
        createdBy: authors.get(e.createdBy)!,
      })),
    ),
  );
}

/** Identity sequences go past the imported ids, so the next row made here takes a new one. */
async function advanceSequences(tx: Tx) {
  for (const table of KEPT_IDS) {
    await tx.execute(
      sql`select setval(pg_get_serial_sequence(${getTableName(table)}, 'id'), max(id)) from ${table} having max(id) is not null`,
    );
  }
}

/**
 * Imports a season export into an installation without league data (decision 033), keeping its ids, inside the
 * admin write's transaction: any refusal, by these checks or by the database's constraints, changes nothing.
 */
export async function importSeason(w: AdminTx, doc: Doc): Promise<z.infer<typeof SeasonImportAnswer>> {
  checkReferences(doc);
  await assertEmpty(w.tx);
  const authors = await authorIds(w, doc);
  try {
    await insertDocument(w.tx, doc, authors.ids);
  } catch (err) {
    const cause = (err as { cause?: { code?: string; detail?: string; constraint?: string } }).cause;
    if (!cause?.code?.startsWith('23')) throw err;
    throw invalid(`The document does not hold together: ${cause.detail ?? cause.constraint}`, {
      constraint: cause.constraint,
    });
  }
  await advanceSequences(w.tx);
  await rebuildSeasonResults(w.tx, num(doc.season.id));
  const imported = {
    clubs: doc.clubs.length,
    players: doc.players.length,
    matches: doc.matches.length,
    events: doc.matches.reduce((n, m) => n + m.events.length, 0),
    authors: authors.added,
  };
  await w.audit({ action: 'import', entity: 'season', entityId: doc.season.id, after: imported });
  return {
    season: { id: doc.season.id, name: doc.season.name, competitionId: doc.competition.id },
    imported,
  };
}
