import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AdminIdParams,
  CreatePlayerBody,
  NoContent,
  PlayerAnswer,
  PlayerList,
  PlayerListQuery,
  TransferAnswer,
  TransferBody,
  TransferHistory,
  UpdatePlayerBody,
} from '@touchline/contract';
import { persons, squadMembers, transfers } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { currentSquad, getPlayer, joinClub, listPlayers, transferHistory } from './player-data.ts';
import { adminWrite, found } from './write.ts';

const tags = ['admin'];

/** Players: register (optionally with a club), edit, list, and transfer between clubs with history. */
export const playerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/players', { schema: { querystring: PlayerListQuery, tags, response: { 200: PlayerList } } }, (req) => {
    const { clubId, ...rest } = req.query;
    return listPlayers(app.db, { ...rest, ...(clubId ? { clubId: Number(clubId) } : {}) });
  });

  app.get(
    '/players/:id',
    { schema: { params: AdminIdParams, tags, response: { 200: PlayerAnswer } } },
    async (req) => ({
      player: found(await getPlayer(app.db, Number(req.params.id)), 'player'),
    }),
  );

  app.post(
    '/players',
    { schema: { body: CreatePlayerBody, tags, response: { 201: PlayerAnswer } } },
    async (req, reply) => {
      const { clubId, shirtNumber, ...person } = req.body;
      const player = await adminWrite(req, async (w) => {
        const [row] = await w.tx.insert(persons).values(person).returning();
        if (clubId) await joinClub(w, row!.id, { clubId: Number(clubId), shirtNumber, at: new Date() });
        const after = (await getPlayer(w.tx, row!.id))!;
        await w.audit({ action: 'create', entity: 'player', entityId: row!.id, after });
        return after;
      });
      return reply.code(201).send({ player });
    },
  );

  app.patch(
    '/players/:id',
    { schema: { params: AdminIdParams, body: UpdatePlayerBody, tags, response: { 200: PlayerAnswer } } },
    async (req) => {
      const { shirtNumber, ...person } = req.body;
      const id = Number(req.params.id);
      const player = await adminWrite(req, async (w) => {
        const before = found(await getPlayer(w.tx, id), 'player');
        if (Object.keys(person).length) await w.tx.update(persons).set(person).where(eq(persons.id, id));
        if (shirtNumber !== undefined) {
          const squad = await currentSquad(w.tx, id);
          if (!squad) throw new ApiError('conflict', 'The player has no club, so no squad number');
          await w.tx.update(squadMembers).set({ shirtNumber }).where(eq(squadMembers.id, squad.id));
        }
        const after = (await getPlayer(w.tx, id))!;
        await w.audit({ action: 'update', entity: 'player', entityId: id, before, after });
        return after;
      });
      return { player };
    },
  );

  // Past matches keep the club they were played for, so the player's statistics stay with the old club.
  app.post(
    '/players/:id/transfers',
    { schema: { params: AdminIdParams, body: TransferBody, tags, response: { 201: TransferAnswer } } },
    async (req, reply) => {
      const id = Number(req.params.id);
      const toClubId = Number(req.body.toClubId);
      const at = req.body.at ? new Date(req.body.at) : new Date();
      const out = await adminWrite(req, async (w) => {
        await w.tx.select({ id: persons.id }).from(persons).where(eq(persons.id, id)).for('update');
        const before = found(await getPlayer(w.tx, id), 'player');
        const squad = await currentSquad(w.tx, id);
        if (squad?.clubId === toClubId) throw new ApiError('conflict', 'The player is already in that club');
        if (squad && at < squad.joinedAt) throw new ApiError('bad_request', 'A transfer cannot predate the last one');
        const row = await joinClub(w, id, { clubId: toClubId, shirtNumber: req.body.shirtNumber, at });
        const player = (await getPlayer(w.tx, id))!;
        await w.audit({ action: 'transfer', entity: 'player', entityId: id, before, after: player });
        const transfer = (await transferHistory(w.tx, id)).find((t) => t.id === String(row.id))!;
        return { player, transfer };
      });
      return reply.code(201).send(out);
    },
  );

  app.get(
    '/players/:id/transfers',
    { schema: { params: AdminIdParams, tags, response: { 200: TransferHistory } } },
    async (req) => {
      const id = Number(req.params.id);
      const player = found(await getPlayer(app.db, id), 'player');
      return { player, transfers: await transferHistory(app.db, id) };
    },
  );

  // Only a player registered by mistake: one in a roster, a lineup or a match's events is in use (409 in_use).
  app.delete(
    '/players/:id',
    { schema: { params: AdminIdParams, tags, response: { 204: NoContent } } },
    async (req, reply) => {
      const id = Number(req.params.id);
      await adminWrite(req, async (w) => {
        const before = found(await getPlayer(w.tx, id), 'player');
        await w.tx.delete(transfers).where(eq(transfers.personId, id));
        await w.tx.delete(squadMembers).where(eq(squadMembers.personId, id));
        await w.tx.delete(persons).where(eq(persons.id, id));
        await w.audit({ action: 'delete', entity: 'player', entityId: id, before });
      });
      return reply.code(204).send(null);
    },
  );
};
