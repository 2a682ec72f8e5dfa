import { and, asc, desc, eq, gt } from 'drizzle-orm';
import type { SeasonPlayers } from '@touchline/contract';
import type { Executor } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { clubRef } from '../reads/refs.ts';
import { lineKey, motmAwards } from './motm-awards.ts';

/** The season's player totals and active suspensions, or undefined when there is no such season. */
export async function seasonPlayers(db: Executor, seasonId: number): Promise<SeasonPlayers | undefined> {
  const [season] = await db.select({ id: t.seasons.id }).from(t.seasons).where(eq(t.seasons.id, seasonId));
  if (!season) return undefined;
  const totals = await db
    .select({ line: t.playerSeasonStats, person: t.persons, club: t.clubs })
    .from(t.playerSeasonStats)
    .innerJoin(t.persons, eq(t.persons.id, t.playerSeasonStats.personId))
    .innerJoin(t.clubs, eq(t.clubs.id, t.playerSeasonStats.clubId))
    .where(eq(t.playerSeasonStats.seasonId, seasonId))
    .orderBy(
      desc(t.playerSeasonStats.goals),
      desc(t.playerSeasonStats.assists),
      asc(t.persons.lastName),
      asc(t.persons.firstName),
      asc(t.persons.id),
    );
  const bans = await db
    .select({ ban: t.suspensions, person: t.persons, club: t.clubs })
    .from(t.suspensions)
    .innerJoin(t.persons, eq(t.persons.id, t.suspensions.personId))
    .innerJoin(t.clubs, eq(t.clubs.id, t.suspensions.clubId))
    .where(and(eq(t.suspensions.seasonId, seasonId), gt(t.suspensions.matchesRemaining, 0)))
    .orderBy(asc(t.clubs.name), asc(t.persons.lastName), asc(t.suspensions.id));
  const awards = await motmAwards(db, seasonId, new Date());
  const who = (person: typeof t.persons.$inferSelect) => ({
    playerId: String(person.id),
    firstName: person.firstName,
    lastName: person.lastName,
  });
  return {
    seasonId: String(seasonId),
    players: totals.map(({ line, person, club }) => ({
      ...who(person),
      club: clubRef(club),
      appearances: line.appearances,
      goals: line.goals,
      penaltyGoals: line.penaltyGoals,
      assists: line.assists,
      yellowCards: line.yellowCards,
      redCards: line.redCards,
      playerOfMatch: awards.get(lineKey(person.id, club.id)) ?? 0,
    })),
    suspensions: bans.map(({ ban, person, club }) => ({
      ...who(person),
      club: clubRef(club),
      reason: ban.reason,
      matchesRemaining: ban.matchesRemaining,
    })),
  };
}
