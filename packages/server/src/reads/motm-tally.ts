import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { MotmTally } from '@touchline/contract';
import { MOTM_VOTE_HOURS_DEFAULT, motmWindow, motmWinners, playersWhoPlayed } from '@touchline/domain';
import type { Executor } from '../db/client.ts';
import * as t from '../db/schema.ts';

export type MatchRow = typeof t.matches.$inferSelect;

/** The hours the match's competition keeps the vote open. */
export async function voteHours(ex: Executor, match: Pick<MatchRow, 'seasonId'>): Promise<number> {
  const [row] = await ex
    .select({ hours: t.competitions.motmVoteHours })
    .from(t.seasons)
    .innerJoin(t.competitions, eq(t.competitions.id, t.seasons.competitionId))
    .where(eq(t.seasons.id, match.seasonId));
  return row?.hours ?? MOTM_VOTE_HOURS_DEFAULT;
}

/** The lineup lines of the players who played in the match (domain `playersWhoPlayed`), by side and shirt number. */
export async function playedLines(ex: Executor, matchId: number) {
  const lines = await ex
    .select({
      personId: t.lineups.personId,
      side: t.lineups.side,
      role: t.lineups.role,
      shirtNumber: t.lineups.shirtNumber,
      firstName: t.persons.firstName,
      lastName: t.persons.lastName,
    })
    .from(t.lineups)
    .innerJoin(t.persons, eq(t.persons.id, t.lineups.personId))
    .where(eq(t.lineups.matchId, matchId))
    .orderBy(asc(t.lineups.side), asc(t.lineups.shirtNumber));
  const subs = await ex
    .select({ type: t.matchEvents.type, relatedPlayerId: t.matchEvents.relatedPlayerId })
    .from(t.matchEvents)
    .where(and(eq(t.matchEvents.matchId, matchId), eq(t.matchEvents.type, 'substitution')));
  const played = playersWhoPlayed(lines, subs);
  return lines.filter((l) => played.has(l.personId));
}

/** Votes per player of each match, read in one query. */
export async function votesByMatch(ex: Executor, matchIds: number[]): Promise<Map<number, Map<number, number>>> {
  const out = new Map<number, Map<number, number>>();
  if (matchIds.length === 0) return out;
  const rows = await ex
    .select({ matchId: t.motmVotes.matchId, personId: t.motmVotes.personId, votes: count() })
    .from(t.motmVotes)
    .where(inArray(t.motmVotes.matchId, matchIds))
    .groupBy(t.motmVotes.matchId, t.motmVotes.personId);
  for (const r of rows) out.set(r.matchId, (out.get(r.matchId) ?? new Map()).set(r.personId, r.votes));
  return out;
}

/** The vote as everyone sees it at `now`: computed from the lineups, the substitutions and the stored votes. */
export async function motmTally(ex: Executor, match: MatchRow, now: Date): Promise<MotmTally> {
  const window = motmWindow(match, await voteHours(ex, match), now);
  const lines = await playedLines(ex, match.id);
  const votes = (await votesByMatch(ex, [match.id])).get(match.id) ?? new Map<number, number>();
  const players = lines.map((l) => ({
    playerId: String(l.personId),
    firstName: l.firstName,
    lastName: l.lastName,
    side: l.side,
    shirtNumber: l.shirtNumber,
    votes: votes.get(l.personId) ?? 0,
  }));
  return {
    open: window.open,
    ...(window.closesAt ? { closesAt: window.closesAt.toISOString() } : {}),
    // Votes for someone a correction has taken out of the match count no more, here as on the season line.
    total: players.reduce((sum, p) => sum + p.votes, 0),
    players,
    winners: motmWinners(players, window.open).map((p) => p.playerId),
  };
}
