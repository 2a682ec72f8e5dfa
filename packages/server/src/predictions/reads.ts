import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { LeaderboardEntry, MyPredictionsAnswer, Prediction } from '@touchline/contract';
import { achievements, leaderboard, type LeaderboardRow, MARKETS, streaks } from '@touchline/domain';
import type { Executor } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { listSummaries } from '../reads/summary.ts';

type Row = typeof t.predictions.$inferSelect;

export const toPrediction = (r: Row): Prediction => ({
  matchId: String(r.matchId),
  result: r.result,
  total: r.total,
  totalLine: r.totalLine,
  bothScore: r.bothScore,
  outcome: r.outcome,
  points: r.points,
  settledAt: r.settledAt?.toISOString() ?? null,
  updatedAt: r.updatedAt.toISOString(),
});

/** A season's leaderboard, computed from its settled predictions on every read (docs/rules.md §9). */
export async function seasonLeaderboard(db: Executor, seasonId: number) {
  const rows = await db
    .select({ p: t.predictions, name: t.users.displayName })
    .from(t.predictions)
    .innerJoin(t.matches, eq(t.matches.id, t.predictions.matchId))
    .innerJoin(t.users, eq(t.users.id, t.predictions.userId))
    .where(and(eq(t.matches.seasonId, seasonId), isNotNull(t.predictions.settledAt)));
  const names = new Map(rows.map((r) => [String(r.p.userId), r.name]));
  const board = leaderboard(
    rows.map(({ p }) => ({
      fanId: String(p.userId),
      matchId: String(p.matchId),
      points: p.points ?? 0,
      outcome: p.outcome ?? {},
    })),
  );
  const entry = (r: LeaderboardRow): LeaderboardEntry => ({
    rank: r.rank,
    fan: { id: r.fanId, name: names.get(r.fanId) ?? '' },
    points: r.points,
    correct: r.correct,
    predicted: r.predicted,
  });
  return board.map(entry);
}

/** A fan's own record: totals, streak and achievements from every prediction, history newest first. */
export async function myPredictions(db: Executor, userId: number): Promise<MyPredictionsAnswer> {
  const rows = await db
    .select({ p: t.predictions })
    .from(t.predictions)
    .innerJoin(t.matches, eq(t.matches.id, t.predictions.matchId))
    .where(eq(t.predictions.userId, userId))
    .orderBy(asc(t.matches.kickoffAt), asc(t.matches.id));
  const record = rows.map(({ p }) => ({ matchId: String(p.matchId), outcome: p.settledAt ? (p.outcome ?? {}) : null }));
  const settled = rows.filter(({ p }) => p.settledAt);
  const summaries = new Map((await listSummaries(db, { ids: rows.map(({ p }) => p.matchId) })).map((m) => [m.id, m]));
  return {
    totals: {
      points: settled.reduce((sum, { p }) => sum + (p.points ?? 0), 0),
      correct: settled.reduce((sum, { p }) => sum + MARKETS.filter((m) => p.outcome?.[m] === true).length, 0),
      predicted: rows.length,
      settled: settled.length,
    },
    streak: streaks(record),
    achievements: achievements(record),
    history: rows.map(({ p }) => ({ match: summaries.get(String(p.matchId))!, prediction: toPrediction(p) })).reverse(),
  };
}
