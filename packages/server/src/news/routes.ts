import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  Id,
  NEWS_COVER_MAX_BYTES,
  NewsAnswer,
  NewsBody,
  NewsList,
  NewsListQuery,
  NewsPatch,
  NoContent,
  type NewsItem,
} from '@touchline/contract';
import type { CommittedPatch } from '../changes/patch.ts';
import type { Tx } from '../db/client.ts';
import { news } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { sendCached } from '../http/etag.ts';
import { adminWrite, found } from '../admin/write.ts';
import { requireUser } from '../auth/plugin.ts';
import { NEWS_SOURCE } from '../realtime/live-feed.ts';
import { queueChannelPost } from './channel.ts';
import { coverType, imageKind, readCover, removeCover, saveCover } from './cover.ts';
import { listNews, matchExists, missingClubs, newsRow, readNewsItem, setNewsClubs } from './store.ts';

const IdParams = z.object({ id: Id });
const CoverQuery = z.object({ v: z.string().max(20).optional() });
const CoverBytes = z.instanceof(Buffer).describe('The cover image (binary)');
const coverAnswer = {
  200: {
    content: Object.fromEntries(['image/png', 'image/jpeg', 'image/webp'].map((t) => [t, { schema: CoverBytes }])),
  },
};

/** The patch a news write publishes after commit; each instance's live feed passes it on (decision 040). */
const newsPatch = (change: { op: 'created' | 'updated' | 'deleted'; id: string; data?: NewsItem }): CommittedPatch => ({
  topic: NEWS_SOURCE,
  epoch: NEWS_SOURCE,
  seq: 0,
  changes: [{ entity: 'news', ...change }],
});

/** The clubs and the match must exist: a wrong id is refused before anything is written. */
async function checkLinks(tx: Tx, body: { clubIds?: string[] | undefined; matchId?: string | null | undefined }) {
  const missing = await missingClubs(tx, (body.clubIds ?? []).map(Number));
  if (missing.length) throw new ApiError('not_found', 'No such club', { clubIds: missing.map(String) });
  if (body.matchId && !(await matchExists(tx, Number(body.matchId)))) {
    throw new ApiError('not_found', 'No such match', { matchId: body.matchId });
  }
}

/** Public news (docs/protocol.md §4): the list, one item and its cover. */
export const newsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['public'];
  app.get('/news', { schema: { querystring: NewsListQuery, tags, response: { 200: NewsList } } }, async (req, reply) =>
    sendCached(req, reply, await listNews(app.db, req.query)),
  );

  app.get('/news/:id', { schema: { params: IdParams, tags, response: { 200: NewsAnswer } } }, async (req, reply) => {
    const item = found(await readNewsItem(app.db, Number(req.params.id)), 'news item');
    return sendCached(req, reply, { news: item });
  });

  app.get(
    '/news/:id/cover',
    { schema: { params: IdParams, querystring: CoverQuery, tags, response: coverAnswer } },
    async (req, reply) => {
      const row = found(await newsRow(app.db, Number(req.params.id)), 'news item');
      const bytes = row.coverPath ? await readCover(app.config.dataDir, row.coverPath) : undefined;
      const type = row.coverPath ? coverType(row.coverPath) : undefined;
      if (!bytes || !type) throw new ApiError('not_found', 'The item has no cover');
      // Each cover has a URL of its own (`?v=`), so it may be kept; nosniff: the type is what the bytes were checked to be.
      return reply
        .type(type)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'public, max-age=86400')
        .send(bytes);
    },
  );
};

/** The admin's news (docs/protocol.md §7): every write audited (entity `news`), live on `live`, maybe in the channel. */
export const newsAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['admin'];
  // Admins only, checked before the input is read, as in the admin area (admin/routes.ts).
  app.addHook('onRequest', async (req) => {
    await requireUser(req, ['admin']);
  });
  // A cover is raw image bytes; whatever type the client declares, the first bytes decide (cover.ts).
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: NEWS_COVER_MAX_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.post('/news', { schema: { body: NewsBody, tags, response: { 201: NewsAnswer } } }, async (req, reply) => {
    const item = await adminWrite(req, async (w) => {
      await checkLinks(w.tx, req.body);
      const now = new Date();
      const [row] = await w.tx
        .insert(news)
        .values({
          title: req.body.title,
          body: req.body.body,
          matchId: req.body.matchId === null ? null : Number(req.body.matchId),
          postToChannel: req.body.postToChannel,
          createdBy: Number(req.principal!.userId),
          publishedAt: now,
          updatedAt: now,
        })
        .returning();
      await setNewsClubs(w.tx, row!.id, req.body.clubIds.map(Number));
      if (row!.postToChannel) await queueChannelPost(w.tx, row!.id, { kind: 'post' });
      const after = (await readNewsItem(w.tx, row!.id))!;
      await w.audit({ action: 'create', entity: 'news', entityId: row!.id, after });
      w.publish(newsPatch({ op: 'created', id: after.id, data: after }));
      return after;
    });
    return reply.code(201).send({ news: item });
  });

  app.patch(
    '/news/:id',
    { schema: { params: IdParams, body: NewsPatch, tags, response: { 200: NewsAnswer } } },
    async (req) =>
      adminWrite(req, async (w) => {
        const id = Number(req.params.id);
        const before = found(await readNewsItem(w.tx, id), 'news item');
        await checkLinks(w.tx, req.body);
        const { clubIds, matchId, ...plain } = req.body;
        const updatedAt = new Date();
        await w.tx
          .update(news)
          .set({
            ...plain,
            ...(matchId !== undefined ? { matchId: matchId === null ? null : Number(matchId) } : {}),
            updatedAt,
          })
          .where(eq(news.id, id));
        if (clubIds) await setNewsClubs(w.tx, id, clubIds.map(Number));
        const after = (await readNewsItem(w.tx, id))!;
        if (after.postToChannel) await queueChannelPost(w.tx, id, { kind: 'edit', version: updatedAt.getTime() });
        await w.audit({ action: 'update', entity: 'news', entityId: id, before, after });
        w.publish(newsPatch({ op: 'updated', id: after.id, data: after }));
        return { news: after };
      }),
  );

  app.delete('/news/:id', { schema: { params: IdParams, tags, response: { 204: NoContent } } }, async (req, reply) => {
    const cover = await adminWrite(req, async (w) => {
      const id = Number(req.params.id);
      const before = found(await readNewsItem(w.tx, id), 'news item');
      const row = (await newsRow(w.tx, id))!;
      await queueChannelPost(w.tx, id, { kind: 'delete' });
      await w.tx.delete(news).where(eq(news.id, id));
      await w.audit({ action: 'delete', entity: 'news', entityId: id, before });
      w.publish(newsPatch({ op: 'deleted', id: before.id }));
      return row.coverPath;
    });
    await removeCover(app.config.dataDir, cover);
    return reply.code(204).send(null);
  });

  app.put('/news/:id/cover', { schema: { params: IdParams, tags, response: { 200: NewsAnswer } } }, async (req) => {
    const bytes = req.body;
    const kind = Buffer.isBuffer(bytes) ? imageKind(bytes) : undefined;
    if (!Buffer.isBuffer(bytes) || !kind) {
      throw new ApiError('unsupported_image', 'A cover must be a PNG, JPEG or WebP image');
    }
    const id = Number(req.params.id);
    found(await newsRow(app.db, id), 'news item');
    const file = await saveCover(app.config.dataDir, id, bytes, kind.ext);
    return setCover(req, id, file).catch(async (err: unknown) => {
      await removeCover(app.config.dataDir, file);
      throw err;
    });
  });

  app.delete('/news/:id/cover', { schema: { params: IdParams, tags, response: { 200: NewsAnswer } } }, async (req) =>
    setCover(req, Number(req.params.id), null),
  );

  /** Sets or clears the cover in one audited write; the old file goes once the write has committed. */
  async function setCover(req: Parameters<typeof adminWrite>[0], id: number, file: string | null) {
    const { answer, old } = await adminWrite(req, async (w) => {
      const row = found(await newsRow(w.tx, id), 'news item');
      const before = (await readNewsItem(w.tx, id))!;
      const updatedAt = new Date();
      await w.tx.update(news).set({ coverPath: file, updatedAt }).where(eq(news.id, id));
      const after = (await readNewsItem(w.tx, id))!;
      await w.audit({ action: file ? 'set_cover' : 'remove_cover', entity: 'news', entityId: id, before, after });
      w.publish(newsPatch({ op: 'updated', id: after.id, data: after }));
      return { answer: { news: after }, old: row.coverPath };
    });
    if (old !== file) await removeCover(app.config.dataDir, old);
    return answer;
  }
};
