import { and, asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AdminIdParams,
  NoContent,
  RosterEntryAnswer,
  RosterEntryBody,
  RosterList,
  RosterQuery,
  SeasonPlayerParams,
} from '@touchline/contract';
import type { Executor } from '../db/client.ts';
import { persons, seasonRosters } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { currentSquad } from './player-data.ts';
import { assertParticipant, loadSeason } from './season-data.ts';
import { type AdminTx, adminWrite, found } from './write.ts';

const tags = ['admin'];

async function listRoster(db: Executor, where: { seasonId: number; clubId?: number; personId?: number }) {
  const rows = await db
    .select({ r: seasonRosters, p: persons })
    .from(seasonRosters)
    .innerJoin(persons, eq(persons.id, seasonRosters.personId))
    .where(
      and(
        eq(seasonRosters.seasonId, where.seasonId),
        where.clubId !== undefined ? eq(seasonRosters.clubId, where.clubId) : undefined,
        where.personId !== undefined ? eq(seasonRosters.personId, where.personId) : undefined,
      ),
    )
    .orderBy(asc(seasonRosters.clubId), asc(seasonRosters.shirtNumber));
  return rows.map(({ r, p }) => ({
    player: { id: String(p.id), firstName: p.firstName, lastName: p.lastName, position: p.position },
    clubId: String(r.clubId),
    shirtNumber: r.shirtNumber,
  }));
}

/**
 * Puts a player in a club's season roster, or moves them or changes their number there. The club defaults to the
 * player's current one and the number to their squad number. A number taken in that club's roster is a 409.
 */
export async function putRosterEntry(
  w: AdminTx,
  seasonId: number,
  personId: number,
  want: { clubId?: number | undefined; shirtNumber?: number | undefined },
) {
  found((await w.tx.select({ id: persons.id }).from(persons).where(eq(persons.id, personId)))[0], 'player');
  const squad = await currentSquad(w.tx, personId);
  const clubId = want.clubId ?? squad?.clubId;
  if (clubId === undefined) throw new ApiError('bad_request', 'The player has no club: give clubId');
  await assertParticipant(w.tx, seasonId, clubId);
  const shirtNumber = want.shirtNumber ?? (squad?.clubId === clubId ? squad.shirtNumber : null);
  if (shirtNumber === null) throw new ApiError('bad_request', 'The player has no squad number: give shirtNumber');
  const key = and(eq(seasonRosters.seasonId, seasonId), eq(seasonRosters.personId, personId));
  const [before] = await listRoster(w.tx, { seasonId, personId });
  if (before) await w.tx.update(seasonRosters).set({ clubId, shirtNumber }).where(key);
  else await w.tx.insert(seasonRosters).values({ seasonId, personId, clubId, shirtNumber });
  const [after] = await listRoster(w.tx, { seasonId, personId });
  await w.audit({
    action: before ? 'update' : 'create',
    entity: 'roster',
    entityId: `${seasonId}:${personId}`,
    before,
    after,
  });
  return { entry: after!, created: !before };
}

/** Season rosters: who may play for which club in a season, under which (unique) shirt number. */
export const rosterRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/seasons/:id/roster',
    { schema: { params: AdminIdParams, querystring: RosterQuery, tags, response: { 200: RosterList } } },
    async (req) => {
      const season = await loadSeason(app.db, req.params.id);
      const clubId = req.query.clubId ? Number(req.query.clubId) : undefined;
      return { entries: await listRoster(app.db, { seasonId: season.id, ...(clubId ? { clubId } : {}) }) };
    },
  );

  app.put(
    '/seasons/:id/roster/:playerId',
    {
      schema: {
        params: SeasonPlayerParams,
        body: RosterEntryBody,
        tags,
        response: { 200: RosterEntryAnswer, 201: RosterEntryAnswer },
      },
    },
    async (req, reply) => {
      const { entry, created } = await adminWrite(req, async (w) => {
        const season = await loadSeason(w.tx, req.params.id, true);
        return putRosterEntry(w, season.id, Number(req.params.playerId), {
          clubId: req.body.clubId ? Number(req.body.clubId) : undefined,
          shirtNumber: req.body.shirtNumber,
        });
      });
      return reply.code(created ? 201 : 200).send({ entry });
    },
  );

  app.delete(
    '/seasons/:id/roster/:playerId',
    { schema: { params: SeasonPlayerParams, tags, response: { 204: NoContent } } },
    async (req, reply) => {
      await adminWrite(req, async (w) => {
        const season = await loadSeason(w.tx, req.params.id, true);
        const personId = Number(req.params.playerId);
        const before = found((await listRoster(w.tx, { seasonId: season.id, personId }))[0], 'roster entry');
        await w.tx
          .delete(seasonRosters)
          .where(and(eq(seasonRosters.seasonId, season.id), eq(seasonRosters.personId, personId)));
        await w.audit({ action: 'delete', entity: 'roster', entityId: `${season.id}:${personId}`, before });
      });
      return reply.code(204).send(null);
    },
  );
};
