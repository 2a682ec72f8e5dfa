import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id, MatchList, MatchListQuery, MatchSnapshot, Standings } from '@touchline/contract';
import { ApiError } from '../http/errors.ts';
import { sendCached } from '../http/etag.ts';
import { listSummaries } from '../reads/summary.ts';
import { loadSnapshot } from '../reads/snapshot.ts';
import { computeStandings } from '../league/standings.ts';

const IdParams = z.object({ id: Id });
const tags = ['public'];

/** Public reads (docs/protocol.md §4): no auth, ETag and short Cache-Control so a CDN can sit in front. */
export const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/matches',
    { schema: { querystring: MatchListQuery, tags, response: { 200: MatchList } } },
    async (req, reply) => {
      const matches = await listSummaries(app.db, req.query);
      return sendCached(req, reply, { matches });
    },
  );

  app.get(
    '/matches/:id',
    { schema: { params: IdParams, tags, response: { 200: MatchSnapshot } } },
    async (req, reply) => {
      const snapshot = await loadSnapshot(app.db, Number(req.params.id));
      if (!snapshot) throw new ApiError('not_found', 'No such match');
      return sendCached(req, reply, snapshot, 1);
    },
  );

  app.get(
    '/seasons/:id/standings',
    { schema: { params: IdParams, tags, response: { 200: Standings } } },
    async (req, reply) => {
      const standings = await computeStandings(app.db, Number(req.params.id));
      if (!standings) throw new ApiError('not_found', 'No such season');
      return sendCached(req, reply, standings, 5);
    },
  );
};
