import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ClientWriteId,
  CreateEventBody,
  EventAnswer,
  Id,
  LineupAnswer,
  LineupBody,
  PatchEventBody,
  SeqAnswer,
  Side,
  StateAnswer,
  StateBody,
  StatsAnswer,
  StatsBody,
} from '@touchline/contract';
import { requireUser } from '../auth/plugin.ts';
import { writeDeps } from './deps.ts';
import { writeMatch } from './engine.ts';
import { createEvent, deleteEvent, patchEvent } from './events.ts';
import { putLineup } from './lineups.ts';
import { changeState } from './state.ts';
import { changeStat } from './stats.ts';

const MatchParams = z.object({ id: Id });
const EventParams = z.object({ id: Id, eventId: Id });
const LineupParams = z.object({ id: Id, side: Side });
const DeleteQuery = z.object({
  expectedSeq: z.coerce.number().int().min(0).optional(),
  clientEventId: ClientWriteId.optional(),
});

const WRITERS = ['admin', 'operator', 'judge'] as const;
const tags = ['matches'];

/** Match writes (docs/protocol.md §5). Each is one transaction through writeMatch. */
export const matchRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = writeDeps(app);
  app.post(
    '/matches/:id/events',
    { schema: { params: MatchParams, body: CreateEventBody, tags, response: { 200: EventAnswer, 201: EventAnswer } } },
    async (req, reply) => {
      const p = await requireUser(req, WRITERS);
      const out = await writeMatch(
        deps,
        Number(req.params.id),
        p,
        { kind: 'record', expectedSeq: req.body.expectedSeq, clientWriteId: req.body.clientEventId },
        (ctx) => createEvent(ctx, req.body),
      );
      return reply.code(out.result.created ? 201 : 200).send({ event: out.result.event, seq: out.seq });
    },
  );

  app.patch(
    '/matches/:id/events/:eventId',
    { schema: { params: EventParams, body: PatchEventBody, tags, response: { 200: EventAnswer } } },
    async (req) => {
      const p = await requireUser(req, WRITERS);
      const out = await writeMatch(
        deps,
        Number(req.params.id),
        p,
        { kind: 'record', expectedSeq: req.body.expectedSeq, clientWriteId: req.body.clientEventId },
        (ctx) => patchEvent(ctx, Number(req.params.eventId), req.body),
      );
      return { event: out.result.event, seq: out.seq };
    },
  );

  app.delete(
    '/matches/:id/events/:eventId',
    { schema: { params: EventParams, querystring: DeleteQuery, tags, response: { 200: SeqAnswer } } },
    async (req) => {
      const p = await requireUser(req, WRITERS);
      const out = await writeMatch(
        deps,
        Number(req.params.id),
        p,
        { kind: 'record', expectedSeq: req.query.expectedSeq, clientWriteId: req.query.clientEventId },
        (ctx) => deleteEvent(ctx, Number(req.params.eventId)),
      );
      return { seq: out.seq };
    },
  );

  app.post(
    '/matches/:id/stats',
    { schema: { params: MatchParams, body: StatsBody, tags, response: { 200: StatsAnswer } } },
    async (req) => {
      const p = await requireUser(req, WRITERS);
      const out = await writeMatch(
        deps,
        Number(req.params.id),
        p,
        { kind: 'record', expectedSeq: req.body.expectedSeq, clientWriteId: req.body.clientEventId },
        (ctx) => changeStat(ctx, req.body),
      );
      return { stats: out.result.stats, seq: out.seq };
    },
  );

  app.post(
    '/matches/:id/state',
    { schema: { params: MatchParams, body: StateBody, tags, response: { 200: StateAnswer } } },
    async (req) => {
      const p = await requireUser(req, WRITERS);
      const out = await writeMatch(
        deps,
        Number(req.params.id),
        p,
        { kind: 'state', expectedSeq: req.body.expectedSeq, clientWriteId: req.body.clientEventId },
        (ctx) => changeState(ctx, req.body),
      );
      return { match: out.result.match, seq: out.seq };
    },
  );

  app.put(
    '/matches/:id/lineups/:side',
    { schema: { params: LineupParams, body: LineupBody, tags, response: { 200: LineupAnswer } } },
    async (req) => {
      const p = await requireUser(req, ['admin', 'operator', 'captain']);
      const out = await writeMatch(
        deps,
        Number(req.params.id),
        p,
        { kind: { lineup: req.params.side }, expectedSeq: req.body.expectedSeq, clientWriteId: req.body.clientEventId },
        (ctx) => putLineup(ctx, req.params.side, req.body),
      );
      return { lineup: out.result.lineup, seq: out.seq };
    },
  );
};
