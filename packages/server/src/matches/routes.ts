import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
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
  StreamBody,
} from '@touchline/contract';
import { writeDeps } from './deps.ts';
import { type WriteContext, writeMatch, type WriteStep } from './engine.ts';
import { createEvent, deleteEvent, patchEvent } from './events.ts';
import { admitToWrite, type WriteRequest } from './gate.ts';
import { putLineup } from './lineups.ts';
import { changeState } from './state.ts';
import { changeStat } from './stats.ts';
import { putStream } from './stream.ts';

const MatchParams = z.object({ id: Id });
const EventParams = z.object({ id: Id, eventId: Id });
const LineupParams = z.object({ id: Id, side: Side });
const DeleteQuery = z.object({
  expectedSeq: z.coerce.number().int().min(0).optional(),
  clientEventId: ClientWriteId.optional(),
});

const tags = ['matches'];

/** What every match write may carry besides its own fields (docs/protocol.md §1, Idempotency and Optimistic lock). */
interface Sent {
  expectedSeq?: number | undefined;
  clientEventId?: string | undefined;
}

/** Match writes (docs/protocol.md §5). Each passes the gate's door, then is one transaction through writeMatch. */
export const matchRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = writeDeps(app);
  const write = async <T>(
    req: FastifyRequest & { params: { id: string } },
    asked: WriteRequest,
    sent: Sent,
    step: (ctx: WriteContext) => Promise<WriteStep<T>>,
  ) => {
    const p = await admitToWrite(req, asked.action);
    const opts = { asked, expectedSeq: sent.expectedSeq, clientWriteId: sent.clientEventId };
    return writeMatch(deps, Number(req.params.id), p, opts, step);
  };

  app.post(
    '/matches/:id/events',
    { schema: { params: MatchParams, body: CreateEventBody, tags, response: { 200: EventAnswer, 201: EventAnswer } } },
    async (req, reply) => {
      const out = await write(req, { action: 'record' }, req.body, (ctx) => createEvent(ctx, req.body));
      return reply.code(out.result.created ? 201 : 200).send({ event: out.result.event, seq: out.seq });
    },
  );

  app.patch(
    '/matches/:id/events/:eventId',
    { schema: { params: EventParams, body: PatchEventBody, tags, response: { 200: EventAnswer } } },
    async (req) => {
      const eventId = Number(req.params.eventId);
      const out = await write(req, { action: 'record' }, req.body, (ctx) => patchEvent(ctx, eventId, req.body));
      return { event: out.result.event, seq: out.seq };
    },
  );

  app.delete(
    '/matches/:id/events/:eventId',
    { schema: { params: EventParams, querystring: DeleteQuery, tags, response: { 200: SeqAnswer } } },
    async (req) => {
      const eventId = Number(req.params.eventId);
      return { seq: (await write(req, { action: 'record' }, req.query, (ctx) => deleteEvent(ctx, eventId))).seq };
    },
  );

  app.post(
    '/matches/:id/stats',
    { schema: { params: MatchParams, body: StatsBody, tags, response: { 200: StatsAnswer } } },
    async (req) => {
      const out = await write(req, { action: 'record' }, req.body, (ctx) => changeStat(ctx, req.body));
      return { stats: out.result.stats, seq: out.seq };
    },
  );

  app.post(
    '/matches/:id/state',
    { schema: { params: MatchParams, body: StateBody, tags, response: { 200: StateAnswer } } },
    async (req) => {
      const out = await write(req, { action: 'state' }, req.body, (ctx) => changeState(ctx, req.body));
      return { match: out.result.match, seq: out.seq };
    },
  );

  app.put(
    '/matches/:id/lineups/:side',
    { schema: { params: LineupParams, body: LineupBody, tags, response: { 200: LineupAnswer } } },
    async (req) => {
      const { side } = req.params;
      const out = await write(req, { action: 'lineup', side }, req.body, (ctx) => putLineup(ctx, side, req.body));
      return { lineup: out.result.lineup, seq: out.seq };
    },
  );

  app.put(
    '/matches/:id/stream',
    { schema: { params: MatchParams, body: StreamBody, tags, response: { 200: StateAnswer } } },
    async (req) => {
      const out = await write(req, { action: 'stream' }, {}, (ctx) => putStream(ctx, req.body.streamUrl));
      return { match: out.result.match, seq: out.seq };
    },
  );
};
