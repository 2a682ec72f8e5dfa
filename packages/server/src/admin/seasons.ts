import { and, asc, eq, ne } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AdminIdParams,
  CreateSeasonBody,
  SeasonAnswer,
  SeasonDetail,
  SeasonList,
  SeasonListQuery,
  UpdateSeasonBody,
} from '@touchline/contract';
import { groups, rounds, seasons } from '../db/schema.ts';
import { listParticipants, loadSeason, toGroup, toRound, toSeason } from './season-data.ts';
import { adminWrite } from './write.ts';

const tags = ['admin'];

/** Seasons: create, edit, read with participants, groups and rounds, and make one the competition's current season. */
export const seasonRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/seasons',
    { schema: { querystring: SeasonListQuery, tags, response: { 200: SeasonList } } },
    async (req) => {
      const { competitionId } = req.query;
      const rows = await app.db
        .select()
        .from(seasons)
        .where(competitionId ? eq(seasons.competitionId, Number(competitionId)) : undefined)
        .orderBy(asc(seasons.id));
      return { seasons: rows.map(toSeason) };
    },
  );

  app.get('/seasons/:id', { schema: { params: AdminIdParams, tags, response: { 200: SeasonDetail } } }, async (req) => {
    const season = await loadSeason(app.db, req.params.id);
    const [participants, groupRows, roundRows] = await Promise.all([
      listParticipants(app.db, season.id),
      app.db.select().from(groups).where(eq(groups.seasonId, season.id)).orderBy(asc(groups.label)),
      app.db.select().from(rounds).where(eq(rounds.seasonId, season.id)).orderBy(asc(rounds.ordinal)),
    ]);
    return { season: toSeason(season), participants, groups: groupRows.map(toGroup), rounds: roundRows.map(toRound) };
  });

  // A new season is not current until it is activated.
  app.post(
    '/seasons',
    { schema: { body: CreateSeasonBody, tags, response: { 201: SeasonAnswer } } },
    async (req, reply) => {
      const season = await adminWrite(req, async (w) => {
        const [row] = await w.tx
          .insert(seasons)
          .values({ ...req.body, competitionId: Number(req.body.competitionId), active: false })
          .returning();
        await w.audit({ action: 'create', entity: 'season', entityId: row!.id, after: toSeason(row!) });
        return row!;
      });
      return reply.code(201).send({ season: toSeason(season) });
    },
  );

  app.patch(
    '/seasons/:id',
    { schema: { params: AdminIdParams, body: UpdateSeasonBody, tags, response: { 200: SeasonAnswer } } },
    async (req) => {
      const season = await adminWrite(req, async (w) => {
        const before = await loadSeason(w.tx, req.params.id, true);
        const [after] = await w.tx.update(seasons).set(req.body).where(eq(seasons.id, before.id)).returning();
        await w.audit({
          action: 'update',
          entity: 'season',
          entityId: before.id,
          before: toSeason(before),
          after: toSeason(after!),
        });
        return after!;
      });
      return { season: toSeason(season) };
    },
  );

  const setActive = (active: boolean) => async (req: FastifyRequest<{ Params: { id: string } }>) => {
    const season = await adminWrite(req, async (w) => {
      const before = await loadSeason(w.tx, req.params.id, true);
      // One current season per competition: activating one retires the others.
      if (active) {
        await w.tx
          .update(seasons)
          .set({ active: false })
          .where(and(eq(seasons.competitionId, before.competitionId), ne(seasons.id, before.id)));
      }
      const [after] = await w.tx.update(seasons).set({ active }).where(eq(seasons.id, before.id)).returning();
      await w.audit({
        action: active ? 'activate' : 'deactivate',
        entity: 'season',
        entityId: before.id,
        before: { active: before.active },
        after: { active },
      });
      return after!;
    });
    return { season: toSeason(season) };
  };
  const activation = { schema: { params: AdminIdParams, tags, response: { 200: SeasonAnswer } } };
  app.post('/seasons/:id/activate', activation, setActive(true));
  app.post('/seasons/:id/deactivate', activation, setActive(false));
};
