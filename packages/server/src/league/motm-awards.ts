import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { motmWindow, motmWinners, playersWhoPlayed } from '@touchline/domain';
import type { Executor } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { votesByMatch } from '../reads/motm-tally.ts';

/** The key of a player's season line: a player may play for two clubs in one season. */
export const lineKey = (personId: number, clubId: number) => `${personId}:${clubId}`;

/**
 * Player-of-the-match wins per season line, computed from the season's closed votes, never counted into a column
 * (decision 042). As on the match page, only votes for players who played count (a judge may have corrected the
 * lineup since), the most votes win and a tie is shared. A win counts for the club the player played for.
 */
export async function motmAwards(ex: Executor, seasonId: number, now: Date): Promise<Map<string, number>> {
  const finished = await ex
    .select({
      id: t.matches.id,
      status: t.matches.status,
      finishedAt: t.matches.finishedAt,
      homeClubId: t.matches.homeClubId,
      awayClubId: t.matches.awayClubId,
      hours: t.competitions.motmVoteHours,
    })
    .from(t.matches)
    .innerJoin(t.seasons, eq(t.seasons.id, t.matches.seasonId))
    .innerJoin(t.competitions, eq(t.competitions.id, t.seasons.competitionId))
    .where(and(eq(t.matches.seasonId, seasonId), eq(t.matches.status, 'finished'), isNotNull(t.matches.finishedAt)));
  const votes = await votesByMatch(
    ex,
    finished.filter((m) => !motmWindow(m, m.hours, now).open).map((m) => m.id),
  );
  const awards = new Map<string, number>();
  const ids = [...votes.keys()];
  if (ids.length === 0) return awards;
  const lines = await ex
    .select({ matchId: t.lineups.matchId, personId: t.lineups.personId, side: t.lineups.side, role: t.lineups.role })
    .from(t.lineups)
    .where(inArray(t.lineups.matchId, ids));
  const subs = await ex
    .select({
      matchId: t.matchEvents.matchId,
      type: t.matchEvents.type,
      playerId: t.matchEvents.playerId,
      relatedPlayerId: t.matchEvents.relatedPlayerId,
    })
    .from(t.matchEvents)
    .where(and(inArray(t.matchEvents.matchId, ids), eq(t.matchEvents.type, 'substitution')));
  for (const m of finished.filter((f) => votes.has(f.id))) {
    const lineup = lines.filter((l) => l.matchId === m.id);
    const played = playersWhoPlayed(
      lineup,
      subs.filter((s) => s.matchId === m.id),
    );
    const tallies = [...votes.get(m.id)!]
      .filter(([personId]) => played.has(personId))
      .map(([personId, n]) => ({ personId, votes: n }));
    for (const w of motmWinners(tallies, false)) {
      const side = lineup.find((l) => l.personId === w.personId)!.side;
      const key = lineKey(w.personId, side === 'home' ? m.homeClubId : m.awayClubId);
      awards.set(key, (awards.get(key) ?? 0) + 1);
    }
  }
  return awards;
}
