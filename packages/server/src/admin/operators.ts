import { asc, eq, inArray } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AdminIdParams, OperatorsAnswer, OperatorsBody } from '@touchline/contract';
import { toUser } from '../auth/users.ts';
import type { Executor } from '../db/client.ts';
import { matches, matchOperators, users } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { adminWrite, found } from './write.ts';

const tags = ['admin'];

async function assigned(db: Executor, matchId: number) {
  const rows = await db
    .select({ u: users })
    .from(matchOperators)
    .innerJoin(users, eq(users.id, matchOperators.userId))
    .where(eq(matchOperators.matchId, matchId))
    .orderBy(asc(users.login));
  return rows.map((r) => toUser(r.u));
}

/**
 * Operator assignment: a match with operators takes live writes only from them and admins (matches/gate.ts);
 * an empty list opens it to every operator again.
 */
export const operatorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/matches/:id/operators',
    { schema: { params: AdminIdParams, tags, response: { 200: OperatorsAnswer } } },
    async (req) => {
      const [m] = await app.db
        .select({ id: matches.id })
        .from(matches)
        .where(eq(matches.id, Number(req.params.id)));
      return { matchId: req.params.id, operators: await assigned(app.db, found(m, 'match').id) };
    },
  );

  app.put(
    '/matches/:id/operators',
    { schema: { params: AdminIdParams, body: OperatorsBody, tags, response: { 200: OperatorsAnswer } } },
    async (req) => {
      const ids = req.body.userIds.map(Number);
      return adminWrite(req, async (w) => {
        const [m] = await w.tx
          .select({ id: matches.id })
          .from(matches)
          .where(eq(matches.id, Number(req.params.id)))
          .for('update');
        const matchId = found(m, 'match').id;
        const chosen = ids.length ? await w.tx.select().from(users).where(inArray(users.id, ids)) : [];
        const missing = ids.filter((id) => !chosen.some((u) => u.id === id));
        if (missing.length) throw new ApiError('not_found', 'No such user', { userIds: missing.map(String) });
        const wrong = chosen.filter((u) => u.role !== 'operator' || !u.active);
        if (wrong.length) {
          throw new ApiError('not_an_operator', 'Only active operator accounts can be assigned', {
            userIds: wrong.map((u) => String(u.id)),
          });
        }
        const before = await assigned(w.tx, matchId);
        await w.tx.delete(matchOperators).where(eq(matchOperators.matchId, matchId));
        if (ids.length) await w.tx.insert(matchOperators).values(ids.map((userId) => ({ matchId, userId })));
        const operators = await assigned(w.tx, matchId);
        await w.audit({
          action: 'assign_operators',
          entity: 'match',
          entityId: matchId,
          matchId,
          before,
          after: operators,
        });
        return { matchId: String(matchId), operators };
      });
    },
  );
};
