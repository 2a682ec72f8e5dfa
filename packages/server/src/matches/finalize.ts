import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  computeSuspensions,
  playerCounts,
  playersWhoPlayed,
  reduceEvents,
  resolveTie,
  scoreOf,
  shootoutOf,
  type DisciplineMatch,
} from '@touchline/domain';
import type { Tx } from '../db/client.ts';
import * as t from '../db/schema.ts';
import type { CommittedPatch } from '../changes/patch.ts';
import { seasonPatch } from '../changes/season-patch.ts';
import { scheduleTieGames } from '../league/bracket.ts';
import { predictionsChange, settlePredictions } from '../predictions/settle.ts';

type EventRow = typeof t.matchEvents.$inferSelect;

async function finishedMatches(tx: Tx, seasonId: number) {
  const ms = await tx
    .select()
    .from(t.matches)
    .where(and(eq(t.matches.seasonId, seasonId), eq(t.matches.status, 'finished')))
    .orderBy(asc(t.matches.kickoffAt), asc(t.matches.id));
  const ids = ms.map((m) => m.id);
  const events = ids.length
    ? await tx.select().from(t.matchEvents).where(inArray(t.matchEvents.matchId, ids)).orderBy(asc(t.matchEvents.id))
    : [];
  const lineups = ids.length ? await tx.select().from(t.lineups).where(inArray(t.lineups.matchId, ids)) : [];
  const byMatch = new Map<number, EventRow[]>();
  for (const e of events) byMatch.set(e.matchId, [...(byMatch.get(e.matchId) ?? []), e]);
  return ms.map((m) => ({ m, events: byMatch.get(m.id) ?? [], lineups: lineups.filter((l) => l.matchId === m.id) }));
}

type Played = Awaited<ReturnType<typeof finishedMatches>>[number];

/** Player season totals, rebuilt from scratch so a re-run or a correction never double counts. */
async function rebuildPlayerStats(tx: Tx, seasonId: number, played: Played[]) {
  const totals = new Map<string, typeof t.playerSeasonStats.$inferInsert>();
  const row = (personId: number, clubId: number) => {
    const key = `${personId}:${clubId}`;
    let r = totals.get(key);
    if (!r) {
      r = {
        seasonId,
        personId,
        clubId,
        appearances: 0,
        goals: 0,
        penaltyGoals: 0,
        assists: 0,
        yellowCards: 0,
        redCards: 0,
      };
      totals.set(key, r);
    }
    return r;
  };
  for (const { m, events, lineups } of played) {
    const club = (side: 'home' | 'away') => (side === 'home' ? m.homeClubId : m.awayClubId);
    const counted = events.map((e) => ({ side: e.side, pairs: playerCounts(e) }));
    const appeared = playersWhoPlayed(lineups, events);
    for (const l of lineups) if (appeared.has(l.personId)) row(l.personId, club(l.side)).appearances! += 1;
    for (const { side, pairs } of counted) {
      for (const [personId, count] of pairs) if (count !== 'cameOn') row(personId, club(side))[count]! += 1;
    }
  }
  await tx.delete(t.playerSeasonStats).where(eq(t.playerSeasonStats.seasonId, seasonId));
  if (totals.size) await tx.insert(t.playerSeasonStats).values([...totals.values()]);
}

async function rebuildSuspensions(tx: Tx, seasonId: number, played: Played[]) {
  const [rules] = await tx
    .select({ yellowLimit: t.competitions.yellowCardLimit, redBan: t.competitions.redCardBan })
    .from(t.seasons)
    .innerJoin(t.competitions, eq(t.competitions.id, t.seasons.competitionId))
    .where(eq(t.seasons.id, seasonId));
  const input: DisciplineMatch[] = played.map(({ m, events }) => ({
    matchId: String(m.id),
    kickoffAt: m.kickoffAt.toISOString(),
    homeClubId: String(m.homeClubId),
    awayClubId: String(m.awayClubId),
    events: events.map((e) => ({
      type: e.type,
      side: e.side,
      playerId: e.playerId === null ? null : String(e.playerId),
    })),
  }));
  const list = computeSuspensions(input, rules);
  await tx.delete(t.suspensions).where(eq(t.suspensions.seasonId, seasonId));
  if (list.length) {
    await tx.insert(t.suspensions).values(
      list.map((s) => ({
        seasonId,
        personId: Number(s.personId),
        clubId: Number(s.clubId),
        reason: s.reason,
        sourceMatchId: Number(s.sourceMatchId),
        matchesBanned: s.matchesBanned,
        matchesRemaining: s.matchesRemaining,
      })),
    );
  }
}

/** Decides a tie from its finished games and moves the winner into the next tie; a correction can change it back. */
async function refreshTie(tx: Tx, tieId: number, played: Played[]) {
  const [tie] = await tx.select().from(t.ties).where(eq(t.ties.id, tieId));
  if (!tie || tie.homeClubId === null || tie.awayClubId === null) return;
  const [rules] = await tx
    .select({ awayGoals: t.competitions.awayGoals })
    .from(t.seasons)
    .innerJoin(t.competitions, eq(t.competitions.id, t.seasons.competitionId))
    .where(eq(t.seasons.id, tie.seasonId));
  const games = played
    .filter(({ m }) => m.tieId === tieId)
    .map(({ m, events }) => {
      const tally = reduceEvents(events);
      const score = scoreOf(tally);
      const shootout = shootoutOf(tally);
      return {
        homeClubId: String(m.homeClubId),
        awayClubId: String(m.awayClubId),
        homeGoals: score.home,
        awayGoals: score.away,
        ...(shootout ? { shootout } : {}),
        finished: true,
      };
    });
  const outcome = resolveTie(
    {
      kind: tie.kind,
      ...(tie.bestOf ? { bestOf: tie.bestOf } : {}),
      awayGoals: rules?.awayGoals ?? false,
      clubA: String(tie.homeClubId),
      clubB: String(tie.awayClubId),
    },
    games,
  );
  const winner = outcome.winnerClubId === null ? null : Number(outcome.winnerClubId);
  if (winner === tie.winnerClubId) return;
  await tx.update(t.ties).set({ winnerClubId: winner }).where(eq(t.ties.id, tieId));
  if (tie.nextTieId && tie.nextSlot) {
    const slot = tie.nextSlot === 'home' ? { homeClubId: winner } : { awayClubId: winner };
    await tx.update(t.ties).set(slot).where(eq(t.ties.id, tie.nextTieId));
    await scheduleTieGames(tx, tie.nextTieId);
  }
}

/**
 * Finishing a match, or changing a finished one, recomputes the season's derived results from scratch
 * (player totals, suspensions, the tie), settles its predictions again, and sends the new standings on season:{id}. Idempotent by construction.
 */
export async function finalizeAfterWrite(
  tx: Tx,
  matchId: number,
  wasFinished: boolean,
  /** The status the write left, when the caller knows it: a match neither finished nor finishing needs no read. */
  status?: string,
): Promise<CommittedPatch[]> {
  if (!wasFinished && status !== undefined && status !== 'finished') return [];
  const [m] = await tx.select().from(t.matches).where(eq(t.matches.id, matchId));
  if (!m || (m.status !== 'finished' && !wasFinished)) return [];
  const played = await rebuildSeasonResults(tx, m.seasonId);
  if (m.tieId) {
    await refreshTie(tx, m.tieId, played);
    // A best-of series goes on with another game while nobody has won it.
    await scheduleTieGames(tx, m.tieId);
  }
  const settled = await settlePredictions(tx, m, new Date());
  return [await seasonPatch(tx, m.seasonId, matchId, [], settled ? [predictionsChange(matchId, settled)] : [])];
}

/** Player totals and suspensions of a season, from its finished matches. */
export async function rebuildSeasonResults(tx: Tx, seasonId: number) {
  const played = await finishedMatches(tx, seasonId);
  await rebuildPlayerStats(tx, seasonId, played);
  await rebuildSuspensions(tx, seasonId, played);
  return played;
}
