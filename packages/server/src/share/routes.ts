import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id, Side } from '@touchline/contract';
import type { LabelLanguage } from '@touchline/domain';
import { ApiError } from '../http/errors.ts';
import { etagOf, notModified } from '../http/etag.ts';
import { lineupModel, resultModel, standingsModel } from './card-data.ts';
import { lineupCard } from './lineup-card.ts';
import { CARD_SIZES, type CardSize, renderCard } from './render.ts';
import { resultCard } from './result-card.ts';
import { standingsCard } from './standings-card.ts';
import type { Node } from './h.ts';

const tags = ['public'];
const IdParams = z.object({ id: Id });
const CardQuery = z.object({
  /** 1200×630 for link previews (Telegram, VK), 1080×1080 for posts. */
  size: z.enum(Object.keys(CARD_SIZES) as [CardSize, ...CardSize[]]).default('1200x630'),
  lang: z.enum(['ru', 'en']).optional(),
});
const Png = z.any().describe('image/png');
/** Changing a card's design changes every ETag, so no client keeps an old picture. */
const DESIGN = '1';
/** Rendered cards kept in memory, by ETag: a result shared in a busy channel is drawn once per change. */
const KEPT = 64;

/**
 * Share cards (docs/protocol.md, share images; decision 044): PNGs drawn on the server from the same reads as the
 * pages. The ETag is the card's content, so a card is cached exactly until what it shows changes.
 */
export const shareRoutes: FastifyPluginAsyncZod = async (app) => {
  const kept = new Map<string, Buffer>();
  const langOf = (q: { lang?: LabelLanguage | undefined }): LabelLanguage => q.lang ?? 'ru';

  async function send(req: FastifyRequest, reply: FastifyReply, model: unknown, draw: () => Node, size: CardSize) {
    const etag = etagOf(JSON.stringify([DESIGN, size, model]));
    void reply.header('ETag', etag).header('Cache-Control', 'public, max-age=0, must-revalidate');
    if (notModified(req, etag)) return reply.code(304).send();
    let png = kept.get(etag);
    if (!png) {
      png = (await renderCard(draw(), size)).png;
      if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
      kept.set(etag, png);
    }
    return reply.type('image/png').header('X-Content-Type-Options', 'nosniff').send(png);
  }

  app.get(
    '/matches/:id/card.png',
    { schema: { params: IdParams, querystring: CardQuery, tags, response: { 200: Png } } },
    async (req, reply) => {
      const model = await resultModel(app.db, Number(req.params.id), langOf(req.query), app.config.timezone);
      if (!model) throw new ApiError('not_found', 'No such match');
      return send(req, reply, model, () => resultCard(model, req.query.size), req.query.size);
    },
  );

  app.get(
    '/matches/:id/lineup.png',
    {
      schema: {
        params: IdParams,
        querystring: CardQuery.extend({ side: Side }),
        tags,
        response: { 200: Png },
      },
    },
    async (req, reply) => {
      const { side, size } = req.query;
      const model = await lineupModel(app.db, Number(req.params.id), side, langOf(req.query), app.config.timezone);
      if (!model) throw new ApiError('not_found', 'No such match');
      return send(req, reply, model, () => lineupCard(model, size), size);
    },
  );

  app.get(
    '/seasons/:id/standings.png',
    {
      schema: {
        params: IdParams,
        querystring: CardQuery.extend({ groupId: Id.optional() }),
        tags,
        response: { 200: Png },
      },
    },
    async (req, reply) => {
      const { groupId, size } = req.query;
      const model = await standingsModel(app.db, Number(req.params.id), groupId, langOf(req.query));
      if (!model) throw new ApiError('not_found', 'No such season or group');
      return send(req, reply, model, () => standingsCard(model, size), size);
    },
  );
};
