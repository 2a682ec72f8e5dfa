import { and, eq, or } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AdminIdParams,
  GroupAnswer,
  GroupBody,
  NoContent,
  ParticipantAnswer,
  ParticipantBody,
  SeasonClubParams,
  SeasonGroupParams,
} from '@touchline/contract';
import { clubs, groups, matches, seasonParticipants, seasonRosters } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { seasonPatch } from '../changes/season-patch.ts';
import { loadSeason, toGroup, toParticipant } from './season-data.ts';
import { adminWrite, found } from './write.ts';

const tags = ['admin'];

/** Which clubs play a season, in which group, with which seed and deduction; changes re-send the table. */
export const participantRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/seasons/:id/groups',
    { schema: { params: AdminIdParams, body: GroupBody, tags, response: { 201: GroupAnswer } } },
    async (req, reply) => {
      const group = await adminWrite(req, async (w) => {
        const season = await loadSeason(w.tx, req.params.id, true);
        const [row] = await w.tx.insert(groups).values({ seasonId: season.id, label: req.body.label }).returning();
        await w.audit({ action: 'create', entity: 'group', entityId: row!.id, after: toGroup(row!) });
        return row!;
      });
      return reply.code(201).send({ group: toGroup(group) });
    },
  );

  // A group made by mistake: its clubs go back to no group; one with matches is in use (409 in_use).
  app.delete(
    '/seasons/:id/groups/:groupId',
    { schema: { params: SeasonGroupParams, tags, response: { 204: NoContent } } },
    async (req, reply) => {
      await adminWrite(req, async (w) => {
        const season = await loadSeason(w.tx, req.params.id, true);
        const where = and(eq(groups.id, Number(req.params.groupId)), eq(groups.seasonId, season.id));
        const group = found((await w.tx.select().from(groups).where(where))[0], 'group');
        await w.tx
          .update(seasonParticipants)
          .set({ groupId: null })
          .where(and(eq(seasonParticipants.seasonId, season.id), eq(seasonParticipants.groupId, group.id)));
        await w.tx.delete(groups).where(eq(groups.id, group.id));
        await w.audit({ action: 'delete', entity: 'group', entityId: group.id, before: toGroup(group) });
      });
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/seasons/:id/participants/:clubId',
    { schema: { params: SeasonClubParams, body: ParticipantBody, tags, response: { 200: ParticipantAnswer } } },
    async (req) => {
      const { groupId, seed, pointsDeduction } = req.body;
      return adminWrite(req, async (w) => {
        const season = await loadSeason(w.tx, req.params.id, true);
        const clubId = Number(req.params.clubId);
        const club = found((await w.tx.select().from(clubs).where(eq(clubs.id, clubId)))[0], 'club');
        if (groupId) {
          const [g] = await w.tx
            .select()
            .from(groups)
            .where(eq(groups.id, Number(groupId)));
          if (g?.seasonId !== season.id) throw new ApiError('not_found', 'No such group in this season');
        }
        const key = and(eq(seasonParticipants.seasonId, season.id), eq(seasonParticipants.clubId, clubId));
        const [before] = await w.tx.select().from(seasonParticipants).where(key);
        const set = {
          ...(groupId !== undefined ? { groupId: groupId === null ? null : Number(groupId) } : {}),
          ...(seed !== undefined ? { seed } : {}),
          ...(pointsDeduction !== undefined ? { pointsDeduction } : {}),
        };
        const [after] = before
          ? await w.tx.update(seasonParticipants).set(set).where(key).returning()
          : await w.tx
              .insert(seasonParticipants)
              .values({ seasonId: season.id, clubId, ...set })
              .returning();
        await w.audit({
          action: before ? 'update' : 'create',
          entity: 'participant',
          entityId: `${season.id}:${clubId}`,
          before: before ? toParticipant(before, club) : null,
          after: toParticipant(after!, club),
        });
        w.publish(await seasonPatch(w.tx, season.id));
        return { participant: toParticipant(after!, club) };
      });
    },
  );

  // A club with fixtures stays; before that, removing it also clears its season roster.
  app.delete(
    '/seasons/:id/participants/:clubId',
    { schema: { params: SeasonClubParams, tags, response: { 204: NoContent } } },
    async (req, reply) => {
      await adminWrite(req, async (w) => {
        const season = await loadSeason(w.tx, req.params.id, true);
        const clubId = Number(req.params.clubId);
        const key = and(eq(seasonParticipants.seasonId, season.id), eq(seasonParticipants.clubId, clubId));
        const before = found((await w.tx.select().from(seasonParticipants).where(key))[0], 'participant');
        const [played] = await w.tx
          .select({ id: matches.id })
          .from(matches)
          .where(
            and(eq(matches.seasonId, season.id), or(eq(matches.homeClubId, clubId), eq(matches.awayClubId, clubId))),
          )
          .limit(1);
        if (played)
          throw new ApiError('in_use', 'The club has fixtures in this season', { matchId: String(played.id) });
        const roster = await w.tx
          .delete(seasonRosters)
          .where(and(eq(seasonRosters.seasonId, season.id), eq(seasonRosters.clubId, clubId)))
          .returning();
        await w.tx.delete(seasonParticipants).where(key);
        await w.audit({
          action: 'delete',
          entity: 'participant',
          entityId: `${season.id}:${clubId}`,
          before: { ...before, rosterPlayers: roster.map((r) => String(r.personId)) },
        });
        w.publish(await seasonPatch(w.tx, season.id));
      });
      return reply.code(204).send(null);
    },
  );
};
