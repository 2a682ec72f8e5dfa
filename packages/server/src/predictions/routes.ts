import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Id,
  LEADERBOARD_SIZE,
  LeaderboardAnswer,
  MyPredictionsAnswer,
  PredictionAnswer,
  PredictionBody,
} from '@touchline/contract';
import { predictionOpen } from '@touchline/domain';
import type { Executor } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { requireUser } from '../auth/plugin.ts';
import { lineOf, pointsOf } from './settle.ts';
import { myPredictions, seasonLeaderboard, toPrediction } from './reads.ts';

const tags = ['predictions'];
const IdParams = z.object({ id: Id });

/** The signed-in fan's id, null for anyone anonymous or on a staff account (they have no picks). */
async function fanOf(req: FastifyRequest): Promise<number | null> {
  if (!req.headers.authorization) return null;
  const p = await requireUser(req);
  return p.role === 'fan' ? Number(p.userId) : null;
}

async function answer(db: Executor, match: typeof t.matches.$inferSelect, userId: number | null, now: Date) {
  const [row] =
    userId === null
      ? []
      : await db
          .select()
          .from(t.predictions)
          .where(and(eq(t.predictions.userId, userId), eq(t.predictions.matchId, match.id)));
  return {
    matchId: String(match.id),
    line: lineOf(match),
    open: predictionOpen(match.status, match.kickoffAt, now),
    closesAt: match.kickoffAt.toISOString(),
    points: await pointsOf(db, match.seasonId),
    prediction: row ? toPrediction(row) : null,
  };
}

/** Match predictions and the season leaderboard (docs/protocol.md §4; docs/rules.md §9; decision 041). */
export const predictionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/matches/:id/prediction',
    { schema: { tags, params: IdParams, response: { 200: PredictionAnswer } } },
    async (req) => {
      const userId = await fanOf(req);
      const [m] = await app.db
        .select()
        .from(t.matches)
        .where(eq(t.matches.id, Number(req.params.id)));
      if (!m) throw new ApiError('not_found', 'No such match');
      return answer(app.db, m, userId, new Date());
    },
  );

  app.put(
    '/matches/:id/prediction',
    { schema: { tags, params: IdParams, body: PredictionBody, response: { 200: PredictionAnswer } } },
    async (req) => {
      const userId = Number((await requireUser(req, ['fan'])).userId);
      const { result, total, bothScore } = req.body;
      return app.db.transaction(async (tx) => {
        // Locked, so a reschedule or a kick-off committed first decides; the clock is read once the lock is held.
        const [m] = await tx
          .select()
          .from(t.matches)
          .where(eq(t.matches.id, Number(req.params.id)))
          .for('update');
        if (!m) throw new ApiError('not_found', 'No such match');
        const now = new Date();
        if (!predictionOpen(m.status, m.kickoffAt, now)) {
          throw new ApiError('prediction_closed', 'Predictions for this match closed at kick-off', {
            closesAt: m.kickoffAt.toISOString(),
          });
        }
        const picks = {
          ...(result ? { result } : {}),
          ...(total ? { total, totalLine: lineOf(m) } : {}),
          ...(bothScore !== undefined ? { bothScore } : {}),
        };
        await tx
          .insert(t.predictions)
          .values({ userId, matchId: m.id, ...picks, updatedAt: now })
          .onConflictDoUpdate({
            target: [t.predictions.userId, t.predictions.matchId],
            set: { ...picks, updatedAt: now },
          });
        return answer(tx, m, userId, now);
      });
    },
  );

  app.get(
    '/seasons/:id/predictions/leaderboard',
    { schema: { tags, params: IdParams, response: { 200: LeaderboardAnswer } } },
    async (req) => {
      const userId = await fanOf(req);
      const seasonId = Number(req.params.id);
      const [s] = await app.db.select({ id: t.seasons.id }).from(t.seasons).where(eq(t.seasons.id, seasonId));
      if (!s) throw new ApiError('not_found', 'No such season');
      const board = await seasonLeaderboard(app.db, seasonId);
      return {
        seasonId: String(seasonId),
        entries: board.slice(0, LEADERBOARD_SIZE),
        me: board.find((e) => e.fan.id === String(userId)) ?? null,
      };
    },
  );

  app.get('/me/predictions', { schema: { tags, response: { 200: MyPredictionsAnswer } } }, async (req) =>
    myPredictions(app.db, Number((await requireUser(req, ['fan'])).userId)),
  );
};
