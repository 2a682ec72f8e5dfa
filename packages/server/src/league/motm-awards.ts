import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { motmWindow, motmWinners } from '@touchline/domain';
import type { Executor } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { votesByMatch } from '../reads/motm-tally.ts';

/** The key of a player's season line: a player may play for two clubs in one season. */
export const lineKey = (personId: number, clubId: number) => `${personId}:${clubId}`;

/**
 * Player-of-the-match wins per season line, computed from the season's closed votes (domain `motmWinners`: the
 * most votes, a tie shared), never counted into a column (decision 042). A win counts for the club the player
 * played for in that match.
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
  const closed = finished.filter((m) => !motmWindow(m, m.hours, now).open);
  const votes = await votesByMatch(
    ex,
    closed.map((m) => m.id),
  );
  const won = closed.flatMap((m) =>
    motmWinners(
      [...(votes.get(m.id) ?? new Map<number, number>())].map(([personId, n]) => ({ personId, votes: n })),
      false,
    ).map((w) => ({ match: m, personId: w.personId })),
  );
  const awards = new Map<string, number>();
  if (won.length === 0) return awards;
  const sides = await ex
    .select({ matchId: t.lineups.matchId, personId: t.lineups.personId, side: t.lineups.side })
    .from(t.lineups)
    .where(
      inArray(
        t.lineups.matchId,
        won.map((w) => w.match.id),
      ),
    );
  for (const w of won) {
    const side = sides.find((s) => s.matchId === w.match.id && s.personId === w.personId)?.side;
    if (!side) continue;
    const key = lineKey(w.personId, side === 'home' ? w.match.homeClubId : w.match.awayClubId);
    awards.set(key, (awards.get(key) ?? 0) + 1);
  }
  return awards;
}
