import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AdminIdParams, NoContent } from '@touchline/contract';
import type { Tx } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { seasonPatch } from '../changes/season-patch.ts';
import { loadSeason, toSeason } from './season-data.ts';
import { adminWrite } from './write.ts';

const tags = ['admin'];
/** Statuses of a match nobody has played: its fixture may still be taken back. */
const UNPLAYED = new Set<string>(['scheduled', 'postponed', 'cancelled']);

/**
 * Takes back a season's fixtures (rounds, ties, matches and what hangs on them: lineups, operators, change logs)
 * while none of its matches has kicked off, so a wrong generation can be redone. Played results are never deleted.
 */
async function removeFixtures(tx: Tx, seasonId: number) {
  // Locked first, so an operator's kick-off cannot slip in between this check and the delete.
  const games = await tx
    .select({ id: t.matches.id, status: t.matches.status })
    .from(t.matches)
    .where(eq(t.matches.seasonId, seasonId))
    .for('update');
  const played = games.find((g) => !UNPLAYED.has(g.status));
  if (played) {
    throw new ApiError('in_use', 'A match of this season has been played', { matchId: String(played.id) });
  }
  const ids = games.map((g) => g.id);
  // A match called off after kick-off is cancelled, yet its events are a record of what happened.
  const [recorded] = ids.length
    ? await tx
        .select({ matchId: t.matchEvents.matchId })
        .from(t.matchEvents)
        .where(inArray(t.matchEvents.matchId, ids))
        .limit(1)
    : [];
  if (recorded) {
    throw new ApiError('in_use', 'A match of this season has recorded events', { matchId: String(recorded.matchId) });
  }
  if (ids.length) {
    const topics = ids.map((id) => `match:${id}`);
    for (const table of [
      t.clientWrites,
      t.matchOperators,
      t.lineups,
      t.matchStats,
      t.matchEvents,
      t.matchNotifyState,
      t.notifications,
      // A match finished, voted on, then reopened and called off without events keeps its fans' votes until here.
      t.motmVotes,
      // Fans pick before kick-off, so fixtures removed before they are played take their picks with them.
      t.predictions,
    ]) {
      await tx.delete(table).where(inArray(table.matchId, ids));
    }
    // Fans' follows of these matches go with them (decision 034); follows of the clubs stay.
    await tx.delete(t.follows).where(and(eq(t.follows.target, 'match'), inArray(t.follows.targetId, ids)));
    await tx.delete(t.changeLog).where(inArray(t.changeLog.topic, topics));
    await tx.delete(t.feeds).where(inArray(t.feeds.topic, topics));
    await tx.delete(t.matches).where(inArray(t.matches.id, ids));
  }
  await tx.delete(t.ties).where(eq(t.ties.seasonId, seasonId));
  const rounds = await tx.delete(t.rounds).where(eq(t.rounds.seasonId, seasonId)).returning({ id: t.rounds.id });
  return { matches: ids, rounds: rounds.length };
}

/** Deleting fixtures (to generate them again) and whole seasons that were set up by mistake. */
export const seasonRemovalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.delete(
    '/seasons/:id/fixtures',
    { schema: { params: AdminIdParams, tags, response: { 204: NoContent } } },
    async (req, reply) => {
      await adminWrite(req, async (w) => {
        const season = await loadSeason(w.tx, req.params.id, true);
        const removed = await removeFixtures(w.tx, season.id);
        await w.audit({
          action: 'delete_fixtures',
          entity: 'season',
          entityId: season.id,
          before: { rounds: removed.rounds, matches: removed.matches.length },
        });
        w.publish(await seasonPatch(w.tx, season.id, [], removed.matches));
      });
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/seasons/:id',
    { schema: { params: AdminIdParams, tags, response: { 204: NoContent } } },
    async (req, reply) => {
      await adminWrite(req, async (w) => {
        const season = await loadSeason(w.tx, req.params.id, true);
        const [round] = await w.tx.select().from(t.rounds).where(eq(t.rounds.seasonId, season.id)).limit(1);
        const [match] = await w.tx.select().from(t.matches).where(eq(t.matches.seasonId, season.id)).limit(1);
        if (round || match) throw new ApiError('fixtures_exist', 'Delete the season’s fixtures first');
        for (const table of [t.seasonRosters, t.seasonParticipants, t.playerSeasonStats, t.suspensions]) {
          await w.tx.delete(table).where(eq(table.seasonId, season.id));
        }
        await w.tx.delete(t.groups).where(eq(t.groups.seasonId, season.id));
        const topic = `season:${season.id}`;
        await w.tx.delete(t.changeLog).where(eq(t.changeLog.topic, topic));
        await w.tx.delete(t.feeds).where(eq(t.feeds.topic, topic));
        await w.tx.delete(t.seasons).where(eq(t.seasons.id, season.id));
        await w.audit({ action: 'delete', entity: 'season', entityId: season.id, before: toSeason(season) });
      });
      return reply.code(204).send(null);
    },
  );
};
