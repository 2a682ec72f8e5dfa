import { randomUUID } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { knockoutBracket, sameLocalTimeLater } from '@touchline/domain';
import type { Tx } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';

type Tie = typeof t.ties.$inferSelect;
type TieKind = Tie['kind'];
const WEEK = 7;

/** Games a tie is planned with: one, two legs, or the fewest a best-of series can be decided in. */
const initialGames = (kind: TieKind, bestOf: number | null) =>
  kind === 'single' ? 1 : kind === 'two_legged' ? 2 : Math.ceil((bestOf ?? 1) / 2);

/** Who hosts game `leg` (1-based): the better seed (the tie's home club) hosts the second leg and odd games. */
function hosts(tie: Tie, leg: number) {
  const [a, b] = [tie.homeClubId!, tie.awayClubId!];
  const aHosts = tie.kind === 'two_legged' ? leg === 2 : leg % 2 === 1;
  return aHosts ? { homeClubId: a, awayClubId: b } : { homeClubId: b, awayClubId: a };
}

/** Kick-offs are planned in the competition's zone; a competition without one steps whole days of UTC. */
async function timeZoneOf(tx: Tx, seasonId: number) {
  const [row] = await tx
    .select({ tz: t.competitions.timezone })
    .from(t.seasons)
    .innerJoin(t.competitions, eq(t.competitions.id, t.seasons.competitionId))
    .where(eq(t.seasons.id, seasonId));
  return row?.tz ?? 'UTC';
}

/** The latest kick-off among the tie's own games and those of the ties that feed it. */
async function latestKickoff(tx: Tx, tie: Tie): Promise<Date | undefined> {
  const feeders = await tx.select({ id: t.ties.id }).from(t.ties).where(eq(t.ties.nextTieId, tie.id));
  const games = await tx
    .select({ kickoffAt: t.matches.kickoffAt })
    .from(t.matches)
    .where(inArray(t.matches.tieId, [tie.id, ...feeders.map((f) => f.id)]));
  return games.reduce<Date | undefined>(
    (latest, g) => (latest && latest > g.kickoffAt ? latest : g.kickoffAt),
    undefined,
  );
}

/**
 * Creates the games a tie needs now, once both its clubs are known: all of a single or two-legged tie, and for a
 * best-of series the fewest that could decide it, then one more whenever every game is played and no one has won.
 * New games are a week apart, from `start` or else a week after the latest game of the tie and its feeders.
 * Idempotent: games that exist are kept; untouched ones (seq 0) follow a corrected club in the tie.
 */
export async function scheduleTieGames(
  tx: Tx,
  tieId: number,
  start?: { kickoff: Date; timeZone: string },
): Promise<void> {
  const [tie] = await tx.select().from(t.ties).where(eq(t.ties.id, tieId));
  if (!tie || tie.homeClubId === null || tie.awayClubId === null) return;
  const games = await tx.select().from(t.matches).where(eq(t.matches.tieId, tieId)).orderBy(asc(t.matches.leg));
  for (const g of games) {
    const want = hosts(tie, g.leg ?? 1);
    const stale = g.homeClubId !== want.homeClubId || g.awayClubId !== want.awayClubId;
    if (stale && g.seq === 0 && g.status === 'scheduled')
      await tx.update(t.matches).set(want).where(eq(t.matches.id, g.id));
  }
  const open = games.some((g) => g.status === 'scheduled' || g.status === 'live' || g.status === 'postponed');
  const more =
    games.length === 0
      ? initialGames(tie.kind, tie.bestOf)
      : tie.kind === 'best_of' && tie.winnerClubId === null && !open && games.length < (tie.bestOf ?? 1)
        ? 1
        : 0;
  if (more === 0) return;
  const timeZone = start?.timeZone ?? (await timeZoneOf(tx, tie.seasonId));
  const anchor = start?.kickoff ?? (await latestKickoff(tx, tie)) ?? new Date();
  const firstGap = start ? 0 : WEEK;
  await tx.insert(t.matches).values(
    Array.from({ length: more }, (_, i) => {
      const leg = games.length + i + 1;
      return {
        seasonId: tie.seasonId,
        roundId: tie.roundId,
        tieId: tie.id,
        leg: tie.kind === 'single' ? null : leg,
        ...hosts(tie, leg),
        kickoffAt: new Date(sameLocalTimeLater(anchor.toISOString(), firstGap + i * WEEK, timeZone)),
        epoch: randomUUID(),
      };
    }),
  );
}

export interface BracketPlan {
  seasonId: number;
  /** Club ids, best seed first. */
  seeded: number[];
  kind: TieKind;
  bestOf: number | null;
  firstKickoff: Date;
  timeZone: string;
  /** Ordinal of the bracket's first round, after the season's other rounds. */
  firstOrdinal: number;
}

/**
 * A knockout bracket as rounds and ties: each tie knows where its winner goes (nextTieId, nextSlot), byes are
 * decided at once, and every tie whose clubs are known gets its games, round after round. Returns the planned start
 * of every round, later ones included, so the caller can hold them against the season's dates.
 */
export async function createBracket(tx: Tx, plan: BracketPlan) {
  const bracket = knockoutBracket(plan.seeded.map(String));
  if (bracket.length === 0) throw new ApiError('not_enough_clubs', 'A bracket needs at least two clubs');
  const rounds = await tx
    .insert(t.rounds)
    .values(
      bracket.map((r, i) => ({
        seasonId: plan.seasonId,
        number: r.clubs,
        ordinal: plan.firstOrdinal + i,
        stage: 'playoff' as const,
      })),
    )
    .returning();
  // From the final back, so each tie can point at the tie its winner goes to.
  const tieIds: number[][] = [];
  for (let r = bracket.length - 1; r >= 0; r--) {
    const rows = await tx
      .insert(t.ties)
      .values(
        bracket[r]!.ties.map((slot, i) => ({
          seasonId: plan.seasonId,
          roundId: rounds[r]!.id,
          kind: plan.kind,
          bestOf: plan.kind === 'best_of' ? plan.bestOf : null,
          homeClubId: slot.home === null ? null : Number(slot.home),
          awayClubId: slot.away === null ? null : Number(slot.away),
          winnerClubId: slot.bye && slot.home !== null ? Number(slot.home) : null,
          nextTieId: tieIds[r + 1]?.[i >> 1] ?? null,
          nextSlot: r + 1 < bracket.length ? (i % 2 === 0 ? ('home' as const) : ('away' as const)) : null,
          bracketPosition: i + 1,
        })),
      )
      .returning();
    tieIds[r] = rows.map((row) => row.id);
  }
  const all = await tx.select().from(t.ties).where(inArray(t.ties.id, tieIds.flat()));
  for (const bye of all.filter((x) => x.winnerClubId !== null && x.nextTieId !== null)) {
    const slot = bye.nextSlot === 'home' ? { homeClubId: bye.winnerClubId } : { awayClubId: bye.winnerClubId };
    await tx.update(t.ties).set(slot).where(eq(t.ties.id, bye.nextTieId!));
  }
  // A later round reached through byes alone starts as if the rounds before it had been played.
  const roundLength = initialGames(plan.kind, plan.bestOf) * WEEK;
  const roundStarts = tieIds.map((_, r) =>
    sameLocalTimeLater(plan.firstKickoff.toISOString(), r * roundLength, plan.timeZone),
  );
  for (const [r, ids] of tieIds.entries()) {
    for (const id of ids) {
      const bye = all.find((x) => x.id === id)!.winnerClubId !== null;
      if (!bye) await scheduleTieGames(tx, id, { kickoff: new Date(roundStarts[r]!), timeZone: plan.timeZone });
    }
  }
  return { rounds, ties: tieIds.flat().length, roundStarts };
}
