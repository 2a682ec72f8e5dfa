import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AdminIdParams,
  AdminMatchAnswer,
  CreateMatchBody,
  MatchStatusBody,
  type MatchSummary,
  RescheduleBody,
} from '@touchline/contract';
import type { FastifyRequest } from 'fastify';
import { predictionOpen } from '@touchline/domain';
import type { Executor } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { seasonPatch } from '../changes/season-patch.ts';
import { writeDeps } from '../matches/deps.ts';
import { type WriteContext, type WriteStep, writeMatch } from '../matches/engine.ts';
import { changeState } from '../matches/state.ts';
import { checkedStreamUrl } from '../matches/stream.ts';
import { getSummary } from '../reads/summary.ts';
import { assertParticipant, loadSeason } from './season-data.ts';
import { adminWrite, found } from './write.ts';

const tags = ['admin'];
type Step = (ctx: WriteContext) => Promise<WriteStep<{ match: MatchSummary }>>;

/**
 * A fixture change through the match write engine (seq, change log, audit, finalisation), plus a season:{id} patch
 * so fans see it; finalisation sends that patch itself when the match is or was finished.
 */
async function adminMatchWrite(req: FastifyRequest, matchId: number, step: Step) {
  const out = await writeMatch(
    writeDeps(req.server),
    matchId,
    req.principal!,
    { asked: { action: 'state' } },
    async (ctx) => {
      const done = await step(ctx);
      const [now] = await ctx.tx.select({ status: t.matches.status }).from(t.matches).where(eq(t.matches.id, matchId));
      if (!done.changes.length || ctx.match.status === 'finished' || now!.status === 'finished') return done;
      return { ...done, patches: [await seasonPatch(ctx.tx, ctx.match.seasonId, matchId)] };
    },
  );
  return { match: out.result.match, seq: out.seq };
}

/** 404 unless the round or group (by id) belongs to the season. */
async function assertInSeason(db: Executor, table: typeof t.rounds | typeof t.groups, id: number, seasonId: number) {
  const [row] = await db.select({ seasonId: table.seasonId }).from(table).where(eq(table.id, id));
  if (row?.seasonId !== seasonId)
    throw new ApiError('not_found', `No such ${table === t.rounds ? 'round' : 'group'} in this season`);
}

async function assertExists(db: Executor, table: typeof t.venues | typeof t.referees, id: number | null | undefined) {
  if (id === null || id === undefined) return;
  const [row] = await db.select({ id: table.id }).from(table).where(eq(table.id, id));
  found(row, table === t.venues ? 'venue' : 'referee');
}

const num = (id: string | null | undefined) => (id === undefined ? undefined : id === null ? null : Number(id));

/** Match management: a single match, rescheduling, and status changes with a reason (postpone, cancel, reopen). */
export const adminMatchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/matches',
    { schema: { body: CreateMatchBody, tags, response: { 201: AdminMatchAnswer } } },
    async (req, reply) => {
      const b = req.body;
      const match = await adminWrite(req, async (w) => {
        const season = await loadSeason(w.tx, b.seasonId, true);
        for (const club of [b.homeClubId, b.awayClubId]) await assertParticipant(w.tx, season.id, Number(club));
        if (b.roundId) await assertInSeason(w.tx, t.rounds, Number(b.roundId), season.id);
        if (b.groupId) await assertInSeason(w.tx, t.groups, Number(b.groupId), season.id);
        const [row] = await w.tx
          .insert(t.matches)
          .values({
            seasonId: season.id,
            homeClubId: Number(b.homeClubId),
            awayClubId: Number(b.awayClubId),
            kickoffAt: new Date(b.kickoffAt),
            roundId: num(b.roundId),
            groupId: num(b.groupId),
            venueId: num(b.venueId),
            refereeId: num(b.refereeId),
            epoch: randomUUID(),
          })
          .returning();
        const summary = (await getSummary(w.tx, row!.id))!;
        await w.audit({ action: 'create', entity: 'match', entityId: row!.id, matchId: row!.id, after: summary });
        w.publish(await seasonPatch(w.tx, season.id, row!.id));
        return summary;
      });
      return reply.code(201).send({ match, seq: 0 });
    },
  );

  app.patch(
    '/matches/:id',
    { schema: { params: AdminIdParams, body: RescheduleBody, tags, response: { 200: AdminMatchAnswer } } },
    async (req) => {
      const { kickoffAt, venueId, refereeId, predictionLine, streamUrl, reason } = req.body;
      return adminMatchWrite(req, Number(req.params.id), async ({ tx, match, now }) => {
        await assertExists(tx, t.venues, num(venueId));
        await assertExists(tx, t.referees, num(refereeId));
        // Fans pick against the line: it moves only while picks are taken (docs/rules.md §9).
        if (
          predictionLine !== undefined &&
          !predictionOpen(match.status, kickoffAt ? new Date(kickoffAt) : match.kickoffAt, now)
        ) {
          throw new ApiError('prediction_closed', 'The line is fixed once predictions have closed');
        }
        const set = {
          ...(streamUrl !== undefined ? { streamUrl: checkedStreamUrl(streamUrl) } : {}),
          ...(kickoffAt ? { kickoffAt: new Date(kickoffAt) } : {}),
          ...(venueId !== undefined ? { venueId: num(venueId) } : {}),
          ...(refereeId !== undefined ? { refereeId: num(refereeId) } : {}),
          ...(predictionLine !== undefined ? { predictionLine } : {}),
        };
        const before = {
          kickoffAt: match.kickoffAt.toISOString(),
          venueId: match.venueId,
          refereeId: match.refereeId,
          ...(predictionLine !== undefined ? { predictionLine: match.predictionLine } : {}),
          ...(streamUrl !== undefined ? { streamUrl: match.streamUrl } : {}),
        };
        await tx.update(t.matches).set(set).where(eq(t.matches.id, match.id));
        const summary = (await getSummary(tx, match.id))!;
        return {
          result: { match: summary },
          changes: [{ op: 'updated', entity: 'match', id: summary.id, data: summary }],
          audit: [{ action: 'reschedule', entity: 'match', entityId: match.id, before, after: set, reason }],
        };
      });
    },
  );

  // The admin may make any status change (domain transitions); reopening a finished match must say why.
  app.post(
    '/matches/:id/status',
    { schema: { params: AdminIdParams, body: MatchStatusBody, tags, response: { 200: AdminMatchAnswer } } },
    async (req) => {
      const { status, reason } = req.body;
      return adminMatchWrite(req, Number(req.params.id), async (ctx) => {
        if (ctx.match.status === 'finished' && status !== 'finished' && !reason) {
          throw new ApiError('reason_required', 'Say why a finished match is reopened');
        }
        const done = await changeState(ctx, { status });
        return { ...done, audit: done.audit.map((a) => ({ ...a, reason })) };
      });
    },
  );
};
