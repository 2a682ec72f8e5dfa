import { and, eq, inArray } from 'drizzle-orm';
import type { Change } from '@touchline/contract';
import {
  DEFAULT_PREDICTION_LINE,
  DEFAULT_PREDICTION_POINTS,
  type PredictionPoints,
  reduceEvents,
  scoreOf,
  settle,
} from '@touchline/domain';
import type { Executor, Tx } from '../db/client.ts';
import * as t from '../db/schema.ts';

type MatchRow = typeof t.matches.$inferSelect;

/** The competition's points per right pick, or the defaults. */
export async function pointsOf(db: Executor, seasonId: number): Promise<PredictionPoints> {
  const [row] = await db
    .select({ points: t.competitions.predictionPoints })
    .from(t.seasons)
    .innerJoin(t.competitions, eq(t.competitions.id, t.seasons.competitionId))
    .where(eq(t.seasons.id, seasonId));
  return row?.points ?? DEFAULT_PREDICTION_POINTS;
}

export const lineOf = (m: Pick<MatchRow, 'predictionLine'>) => m.predictionLine ?? DEFAULT_PREDICTION_LINE;

/**
 * Overwrites `outcome`, `points` and `settled_at` of every prediction on the match from its current result
 * (docs/rules.md §9): a finished match settles, any other status unsettles. Runs inside the write's transaction.
 * Returns the number of predictions touched, for the season topic's change.
 */
export async function settlePredictions(tx: Tx, match: MatchRow, now: Date): Promise<number> {
  const rows = await tx.select().from(t.predictions).where(eq(t.predictions.matchId, match.id));
  if (!rows.length) return 0;
  if (match.status !== 'finished') {
    await tx
      .update(t.predictions)
      .set({ outcome: null, points: null, settledAt: null })
      .where(eq(t.predictions.matchId, match.id));
    return rows.length;
  }
  const events = await tx
    .select({ type: t.matchEvents.type, side: t.matchEvents.side, scored: t.matchEvents.scored })
    .from(t.matchEvents)
    .where(eq(t.matchEvents.matchId, match.id));
  // The score after extra time; shootout kicks are not goals (docs/rules.md §9).
  const score = scoreOf(reduceEvents(events));
  const points = await pointsOf(tx, match.seasonId);
  for (const r of rows) {
    const s = settle(r, r.totalLine ?? lineOf(match), score, points);
    await tx
      .update(t.predictions)
      .set({ outcome: s.outcome, points: s.points, settledAt: now })
      .where(and(eq(t.predictions.userId, r.userId), eq(t.predictions.matchId, match.id)));
  }
  return rows.length;
}

/**
 * Settles again every finished match of a season that has predictions, for a change of the competition's points:
 * the stored points then equal a fresh settlement under the current rules. Answers the `predictions` changes.
 */
export async function resettleSeason(tx: Tx, seasonId: number, now: Date): Promise<Change[]> {
  const predicted = tx.select({ id: t.predictions.matchId }).from(t.predictions);
  const list = await tx
    .select()
    .from(t.matches)
    .where(and(eq(t.matches.seasonId, seasonId), eq(t.matches.status, 'finished'), inArray(t.matches.id, predicted)));
  const changes: Change[] = [];
  for (const m of list) changes.push(predictionsChange(m.id, await settlePredictions(tx, m, now)));
  return changes;
}

/** The season topic's change that tells leaderboards and cards to re-read (docs/protocol.md §9.5). */
export const predictionsChange = (matchId: number, settled: number): Change => ({
  op: 'updated',
  entity: 'predictions',
  id: String(matchId),
  data: { matchId: String(matchId), settled },
});
