import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id, MotmAnswer, MotmVoteBody } from '@touchline/contract';
import { motmWindow } from '@touchline/domain';
import { requireUser } from '../auth/plugin.ts';
import type { Executor } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { MotmPublisher } from './publisher.ts';
import { motmTally, playedLines, voteHours } from '../reads/motm-tally.ts';

const MatchParams = z.object({ id: Id });
const tags = ['matches'];

async function matchRow(ex: Executor, id: number) {
  const [match] = await ex.select().from(t.matches).where(eq(t.matches.id, id));
  if (!match) throw new ApiError('not_found', 'No such match');
  return match;
}

async function myVote(ex: Executor, matchId: number, userId: number): Promise<number | undefined> {
  const [row] = await ex
    .select({ personId: t.motmVotes.personId })
    .from(t.motmVotes)
    .where(and(eq(t.motmVotes.matchId, matchId), eq(t.motmVotes.userId, userId)));
  return row?.personId;
}

/** The player-of-the-match vote (docs/protocol.md §4 and §5, docs/rules.md §10, decision 042). */
export const motmRoutes: FastifyPluginAsyncZod = async (app) => {
  const publisher = new MotmPublisher({ db: app.db, fanout: app.fanout }, app.log);
  app.addHook('onClose', async () => publisher.close());

  const answer = async (matchId: number, userId: number | undefined) => {
    const match = await matchRow(app.db, matchId);
    const tally = await motmTally(app.db, match, new Date());
    const mine = userId === undefined ? undefined : await myVote(app.db, matchId, userId);
    return { ...tally, ...(mine !== undefined ? { myVote: String(mine) } : {}) };
  };

  app.get(
    '/matches/:id/motm',
    { schema: { params: MatchParams, tags, response: { 200: MotmAnswer } } },
    async (req, reply) => {
      const p = req.principal;
      // The answer names the caller's own vote: never shared by a cache.
      void reply.header('cache-control', 'private, no-store');
      return answer(Number(req.params.id), p?.role === 'fan' ? Number(p.userId) : undefined);
    },
  );

  app.post(
    '/matches/:id/motm-vote',
    { schema: { params: MatchParams, body: MotmVoteBody, tags, response: { 200: MotmAnswer, 201: MotmAnswer } } },
    async (req, reply) => {
      const fan = await requireUser(req, ['fan']);
      const userId = Number(fan.userId);
      const personId = Number(req.body.playerId);
      const match = await matchRow(app.db, Number(req.params.id));
      if (!motmWindow(match, await voteHours(app.db, match), new Date()).open) {
        throw new ApiError('motm_closed', 'The vote opens at full time and closes when its hours have passed');
      }
      if (!(await playedLines(app.db, match.id)).some((l) => l.personId === personId)) {
        throw new ApiError('player_not_in_lineup', 'Vote for a player who played in the match', {
          playerIds: [req.body.playerId],
        });
      }
      // The primary key (match, fan) keeps one vote however many arrive at once.
      const inserted = await app.db
        .insert(t.motmVotes)
        .values({ matchId: match.id, userId, personId })
        .onConflictDoNothing()
        .returning({ personId: t.motmVotes.personId });
      if (inserted.length === 0 && (await myVote(app.db, match.id, userId)) !== personId) {
        throw new ApiError('motm_already_voted', 'You have already voted for another player in this match');
      }
      if (inserted.length > 0) publisher.voted(match.id);
      return reply.code(inserted.length > 0 ? 201 : 200).send(await answer(match.id, userId));
    },
  );
};
