import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { SEASON_EXPORT_FORMAT, SEASON_EXPORT_VERSION, type SeasonExport } from '@touchline/contract';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { computeStandings } from '../league/standings.ts';
import { toClub } from './clubs.ts';
import { toCompetition } from './competitions.ts';
import { loadSeason } from './season-data.ts';

const str = (id: number) => String(id);
const opt = (id: number | null) => (id === null ? null : String(id));
const iso = (d: Date | null) => (d === null ? null : d.toISOString());
const ids = (xs: (number | null)[]) => [...new Set(xs.filter((x): x is number => x !== null))];
/** `inArray` of an empty list is no SQL; -1 is no id. */
const among = (column: PgColumn, list: number[]) => inArray(column, list.length ? list : [-1]);

async function matchesOf(tx: Tx, seasonId: number) {
  const rows = await tx.select().from(t.matches).where(eq(t.matches.seasonId, seasonId)).orderBy(asc(t.matches.id));
  const matchIds = rows.map((m) => m.id);
  const [events, stats, lineups] = [
    await tx.select().from(t.matchEvents).where(among(t.matchEvents.matchId, matchIds)).orderBy(asc(t.matchEvents.id)),
    await tx.select().from(t.matchStats).where(among(t.matchStats.matchId, matchIds)).orderBy(asc(t.matchStats.side)),
    await tx
      .select()
      .from(t.lineups)
      .where(among(t.lineups.matchId, matchIds))
      .orderBy(asc(t.lineups.side), asc(t.lineups.role), asc(t.lineups.shirtNumber)),
  ];
  return { rows, events, stats, lineups };
}

/**
 * The season as one document (decision 033), read in one repeatable-read transaction so its matches, events and
 * standings agree. The clubs, players, venues, referees and authors are those the season refers to.
 */
export function buildSeasonExport(db: Db, id: string): Promise<SeasonExport> {
  return db.transaction(
    async (tx) => {
      const season = await loadSeason(tx, id);
      const [competition] = await tx.select().from(t.competitions).where(eq(t.competitions.id, season.competitionId));
      const participants = await tx
        .select()
        .from(t.seasonParticipants)
        .where(eq(t.seasonParticipants.seasonId, season.id));
      const rosters = await tx
        .select()
        .from(t.seasonRosters)
        .where(eq(t.seasonRosters.seasonId, season.id))
        .orderBy(asc(t.seasonRosters.clubId), asc(t.seasonRosters.shirtNumber));
      const groups = await tx.select().from(t.groups).where(eq(t.groups.seasonId, season.id)).orderBy(asc(t.groups.id));
      const rounds = await tx.select().from(t.rounds).where(eq(t.rounds.seasonId, season.id)).orderBy(asc(t.rounds.id));
      const ties = await tx.select().from(t.ties).where(eq(t.ties.seasonId, season.id)).orderBy(asc(t.ties.id));
      const games = await matchesOf(tx, season.id);

      const clubIds = ids([
        ...participants.map((p) => p.clubId),
        ...rosters.map((r) => r.clubId),
        ...games.rows.flatMap((m) => [m.homeClubId, m.awayClubId]),
        ...ties.flatMap((x) => [x.homeClubId, x.awayClubId, x.winnerClubId]),
      ]);
      const personIds = ids([
        ...rosters.map((r) => r.personId),
        ...games.lineups.map((l) => l.personId),
        ...games.events.flatMap((e) => [e.playerId, e.relatedPlayerId]),
      ]);
      const clubs = await tx.select().from(t.clubs).where(among(t.clubs.id, clubIds)).orderBy(asc(t.clubs.id));
      const persons = await tx
        .select()
        .from(t.persons)
        .where(among(t.persons.id, personIds))
        .orderBy(asc(t.persons.id));
      const squads = await tx
        .select()
        .from(t.squadMembers)
        .where(
          and(
            among(t.squadMembers.personId, personIds),
            among(t.squadMembers.clubId, clubIds),
            isNull(t.squadMembers.leftAt),
          ),
        );
      const venueIds = ids(games.rows.map((m) => m.venueId));
      const refereeIds = ids(games.rows.map((m) => m.refereeId));
      const venues = await tx.select().from(t.venues).where(among(t.venues.id, venueIds)).orderBy(asc(t.venues.id));
      const referees = await tx
        .select()
        .from(t.referees)
        .where(among(t.referees.id, refereeIds))
        .orderBy(asc(t.referees.id));
      const authors = await tx
        .select()
        .from(t.users)
        .where(among(t.users.id, ids(games.events.map((e) => e.createdBy))))
        .orderBy(asc(t.users.id));
      const loginOf = new Map(authors.map((u) => [u.id, u.login]));

      return {
        format: SEASON_EXPORT_FORMAT,
        version: SEASON_EXPORT_VERSION,
        exportedAt: new Date().toISOString(),
        competition: toCompetition(competition!),
        season: {
          id: str(season.id),
          name: season.name,
          format: season.format,
          startsOn: season.startsOn,
          endsOn: season.endsOn,
          active: season.active,
        },
        clubs: clubs.map(toClub),
        venues: venues.map((v) => ({ id: str(v.id), name: v.name, address: v.address })),
        referees: referees.map((r) => ({ id: str(r.id), name: r.name })),
        players: persons.map((p) => {
          const squad = squads.find((s) => s.personId === p.id);
          return {
            id: str(p.id),
            firstName: p.firstName,
            lastName: p.lastName,
            birthDate: p.birthDate,
            position: p.position,
            squad: squad ? { clubId: str(squad.clubId), shirtNumber: squad.shirtNumber } : null,
          };
        }),
        groups: groups.map((g) => ({ id: str(g.id), label: g.label })),
        participants: participants
          .sort((a, b) => a.clubId - b.clubId)
          .map((p) => ({
            clubId: str(p.clubId),
            groupId: opt(p.groupId),
            seed: p.seed,
            pointsDeduction: p.pointsDeduction,
          })),
        rosters: rosters.map((r) => ({ clubId: str(r.clubId), playerId: str(r.personId), shirtNumber: r.shirtNumber })),
        rounds: rounds.map((r) => ({
          id: str(r.id),
          label: r.label,
          ordinal: r.ordinal,
          stage: r.stage,
          number: r.number,
        })),
        ties: ties.map((x) => ({
          id: str(x.id),
          roundId: opt(x.roundId),
          kind: x.kind,
          bestOf: x.bestOf,
          homeClubId: opt(x.homeClubId),
          awayClubId: opt(x.awayClubId),
          winnerClubId: opt(x.winnerClubId),
          nextTieId: opt(x.nextTieId),
          nextSlot: x.nextSlot,
          bracketPosition: x.bracketPosition,
        })),
        authors: authors.map((u) => ({ login: u.login, displayName: u.displayName, role: u.role })),
        matches: games.rows.map((m) => ({
          id: str(m.id),
          roundId: opt(m.roundId),
          groupId: opt(m.groupId),
          tieId: opt(m.tieId),
          leg: m.leg,
          homeClubId: str(m.homeClubId),
          awayClubId: str(m.awayClubId),
          kickoffAt: m.kickoffAt.toISOString(),
          status: m.status,
          period: m.period,
          periodStartedAt: iso(m.periodStartedAt),
          finishedAt: iso(m.finishedAt),
          venueId: opt(m.venueId),
          refereeId: opt(m.refereeId),
          epoch: m.epoch,
          seq: m.seq,
          stats: games.stats.filter((s) => s.matchId === m.id).map(({ matchId: _m, ...s }) => s),
          lineups: games.lineups
            .filter((l) => l.matchId === m.id)
            .map((l) => ({
              side: l.side,
              playerId: str(l.personId),
              shirtNumber: l.shirtNumber,
              role: l.role,
              position: l.position,
            })),
          events: games.events
            .filter((e) => e.matchId === m.id)
            .map((e) => ({
              id: str(e.id),
              clientEventId: e.clientEventId,
              type: e.type as SeasonExport['matches'][number]['events'][number]['type'],
              side: e.side,
              minute: e.minute,
              addedTime: e.addedTime,
              playerId: opt(e.playerId),
              relatedPlayerId: opt(e.relatedPlayerId),
              scored: e.scored,
              text: e.text,
              createdAt: e.createdAt.toISOString(),
              createdBy: loginOf.get(e.createdBy)!,
            })),
        })),
        standings: (await computeStandings(tx, season.id))!,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
