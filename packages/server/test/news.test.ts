import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { NewsItem, PatchFrame } from '@touchline/contract';
import { auditLog, clubs, news } from '../src/db/schema.ts';
import { type Api, matches, signInAdmin, staff } from './api.ts';
import { FakeTelegram } from './fake-telegram.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';
import { RawSocket } from './raw-socket.ts';
import { until } from './two-instances.ts';

const CHANNEL = '-1009876543210';
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 7)]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 '), Buffer.alloc(32)]);

/** League news through the API (docs/protocol.md §4, §7; decision 040). */
describe.each(dbKinds)('news on %s', (kind) => {
  const telegram = new FakeTelegram();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'touchline-news-'));
  let s: TestServer;
  let admin: Api;
  let op: Api;
  let clubIds: string[];
  beforeAll(async () => {
    s = await startTestServer(kind, {
      demo: true,
      config: {
        dataDir,
        notify: true,
        telegramBotToken: '42:TEST',
        telegramApiRoot: await telegram.start(),
        publicUrl: 'https://touchline.example',
      },
    });
    admin = await signInAdmin(s.app);
    op = (await staff(s.app, admin, 'operator')).api;
    clubIds = (await s.database.db.select({ id: clubs.id }).from(clubs).orderBy(clubs.id)).map((c) => String(c.id));
  });
  afterAll(async () => {
    await s.close();
    await telegram.close();
  });

  const get = async (url: string) => {
    const r = await s.app.inject({ method: 'GET', url });
    return {
      status: r.statusCode,
      headers: r.headers,
      raw: r.rawPayload,
      body: String(r.headers['content-type']).startsWith('application/json') ? r.json() : undefined,
    };
  };
  const create = async (body: object) => {
    const r = await admin.req('POST', '/api/admin/news', body);
    expect(r.status).toBe(201);
    return r.body.news as NewsItem;
  };
  const count = async () => (await s.database.db.select({ id: news.id }).from(news)).length;
  const audits = async (id: string) =>
    (await s.database.db.select().from(auditLog).where(eq(auditLog.entityId, id)))
      .filter((a) => a.entity === 'news')
      .map((a) => a.action);
  const putCover = (id: string, bytes: Buffer, type = 'image/png', token = admin.token) =>
    s.app.inject({
      method: 'PUT',
      url: `/api/admin/news/${id}/cover`,
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      payload: bytes,
    });

  it('is created, read, edited and deleted by an admin, each write in the audit log', async () => {
    const m = (await matches(s.app))[0]!;
    const item = await create({
      title: '  Derby day  ',
      body: 'Big **match** today.\n\nTickets at https://example.org',
      clubIds: [clubIds[0], clubIds[1], clubIds[0]],
      matchId: m.id,
    });
    expect(item).toMatchObject({ title: 'Derby day', coverUrl: null, postToChannel: false });
    expect(item.clubs.map((c) => c.id).sort()).toEqual([clubIds[0], clubIds[1]].sort());
    expect(item.match).toMatchObject({ id: m.id, homeClub: { id: m.homeClub.id, name: m.homeClub.name } });
    expect((await get(`/api/news/${item.id}`)).body.news).toEqual(item);

    const edited = await admin.req('PATCH', `/api/admin/news/${item.id}`, {
      title: 'Derby!',
      clubIds: [],
      matchId: null,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.news).toMatchObject({ title: 'Derby!', clubs: [], match: null, body: item.body });

    expect((await admin.req('DELETE', `/api/admin/news/${item.id}`)).status).toBe(204);
    expect((await get(`/api/news/${item.id}`)).status).toBe(404);
    expect(await audits(item.id)).toEqual(['create', 'update', 'delete']);
  });

  it('lists newest first, by club, a page at a time', async () => {
    const first = await create({ title: 'One', body: 'a', clubIds: [clubIds[2]] });
    const second = await create({ title: 'Two', body: 'b' });
    const third = await create({ title: 'Three', body: 'c', clubIds: [clubIds[2]] });
    const page = (await get('/api/news?limit=2')).body;
    expect(page.news.map((n: NewsItem) => n.id)).toEqual([third.id, second.id]);
    const rest = (await get(`/api/news?limit=2&before=${encodeURIComponent(page.next)}`)).body;
    expect(rest.news[0].id).toBe(first.id);
    const club = (await get(`/api/news?clubId=${clubIds[2]}`)).body;
    expect(club.news.map((n: NewsItem) => n.id)).toEqual([third.id, first.id]);
    expect((await get('/api/news?limit=51')).status).toBe(400);
    expect((await get('/api/news?before=yesterday')).status).toBe(400);
  });

  it('is written by admins only', async () => {
    const item = await create({ title: 'Mine', body: 'x' });
    const before = await count();
    expect((await op.req('POST', '/api/admin/news', { title: 'No', body: 'x' })).status).toBe(403);
    expect((await op.req('PATCH', `/api/admin/news/${item.id}`, { title: 'No' })).status).toBe(403);
    expect((await op.req('DELETE', `/api/admin/news/${item.id}`)).status).toBe(403);
    expect((await putCover(item.id, PNG, 'image/png', op.token)).statusCode).toBe(403);
    const anonymous = await s.app.inject({
      method: 'POST',
      url: '/api/admin/news',
      payload: { title: 'x', body: 'y' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await count()).toBe(before);
    expect((await get(`/api/news/${item.id}`)).body.news.title).toBe('Mine');
  });

  it.each([
    ['an empty title', { title: '', body: 'x' }, 400, 'bad_request'],
    ['a title of 201 characters', { title: 'a'.repeat(201), body: 'x' }, 400, 'bad_request'],
    ['a title of two lines', { title: 'two\nlines', body: 'x' }, 400, 'control_characters'],
    ['a body of 5001 characters', { title: 'x', body: 'b'.repeat(5001) }, 400, 'bad_request'],
    ['a NUL in the body', { title: 'x', body: 'nul\u0000' }, 400, 'control_characters'],
    ['a blank body', { title: 'x', body: '   ' }, 400, 'bad_request'],
    ['an unknown field', { title: 'x', body: 'y', extra: 1 }, 400, 'bad_request'],
    ['an unknown club', { title: 'x', body: 'y', clubIds: ['999999'] }, 404, 'not_found'],
    ['an unknown match', { title: 'x', body: 'y', matchId: '999999' }, 404, 'not_found'],
    ['a club id that is no id', { title: 'x', body: 'y', clubIds: ['abc'] }, 400, 'invalid_id'],
  ])('refuses %s with %i %s and stores nothing', async (_what, body, status, code) => {
    const before = await count();
    const res = await admin.req('POST', '/api/admin/news', body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await count()).toBe(before);
  });

  it('refuses a bad edit and keeps the item as it was', async () => {
    const item = await create({ title: 'Kept', body: 'kept', clubIds: [clubIds[0]] });
    for (const body of [{ clubIds: ['999999'] }, { matchId: '999999' }, { title: '' }, { body: 'x'.repeat(5001) }]) {
      expect((await admin.req('PATCH', `/api/admin/news/${item.id}`, body)).status).toBeGreaterThanOrEqual(400);
    }
    expect((await admin.req('PATCH', '/api/admin/news/999999', { title: 'x' })).status).toBe(404);
    expect((await get(`/api/news/${item.id}`)).body.news).toEqual(item);
  });

  it('takes a PNG or WebP cover by its bytes, serves it cacheable with nosniff, and refuses anything else', async () => {
    const item = await create({ title: 'Cover', body: 'x' });
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const refused = await putCover(item.id, html, 'image/png');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('unsupported_image');
    expect((await putCover(item.id, Buffer.alloc(2 * 1024 * 1024 + 1, 0xff))).statusCode).toBe(413);
    expect((await get(`/api/news/${item.id}`)).body.news.coverUrl).toBeNull();

    const put = await putCover(item.id, PNG, 'application/octet-stream');
    expect(put.statusCode).toBe(200);
    const { coverUrl } = put.json().news as NewsItem;
    expect(coverUrl).toMatch(new RegExp(`^/api/news/${item.id}/cover\\?v=\\d+$`));
    const cover = await get(coverUrl!);
    expect(cover.status).toBe(200);
    expect(cover.headers['content-type']).toBe('image/png');
    expect(cover.headers['x-content-type-options']).toBe('nosniff');
    expect(cover.headers['cache-control']).toMatch(/max-age=\d+/);
    expect(cover.raw.equals(PNG)).toBe(true);

    const webp = await putCover(item.id, WEBP, 'image/webp');
    expect((await get(webp.json().news.coverUrl)).headers['content-type']).toBe('image/webp');
    expect(readdirSync(path.join(dataDir, 'news')).filter((f) => f.startsWith(`${item.id}-`))).toHaveLength(1);

    const removed = await admin.req('DELETE', `/api/admin/news/${item.id}/cover`);
    expect(removed.body.news.coverUrl).toBeNull();
    expect((await get(`/api/news/${item.id}/cover`)).status).toBe(404);
    expect(readdirSync(path.join(dataDir, 'news')).filter((f) => f.startsWith(`${item.id}-`))).toHaveLength(0);
    expect(await audits(item.id)).toEqual(['create', 'set_cover', 'set_cover', 'remove_cover']);
  });

  it('goes out on the live topic when published, edited and deleted', async () => {
    const ws = await RawSocket.welcomed(s.url);
    try {
      ws.send({ type: 'subscribe', topic: 'live' });
      await ws.next('subscribed');
      const newsPatches = () =>
        ws.frames
          .filter((f): f is PatchFrame => f.type === 'patch' && f.topic === 'live')
          .flatMap((f) => f.changes)
          .filter((c) => c.entity === 'news');
      const item = await create({ title: 'Live news', body: 'x' });
      await until('the created item', () => newsPatches().length === 1, 5000);
      expect(newsPatches()[0]).toEqual({ op: 'created', entity: 'news', id: item.id, data: item });
      await admin.req('PATCH', `/api/admin/news/${item.id}`, { title: 'Live news, edited' });
      await until('the edit', () => newsPatches().length === 2, 5000);
      expect(newsPatches()[1]).toMatchObject({ op: 'updated', data: { title: 'Live news, edited' } });
      await admin.req('DELETE', `/api/admin/news/${item.id}`);
      await until('the deletion', () => newsPatches().length === 3, 5000);
      expect(newsPatches()[2]).toEqual({ op: 'deleted', entity: 'news', id: item.id });
    } finally {
      ws.ws.close();
    }
  });

  it('is posted once to the league channel as escaped HTML, edited in place, and deleted with the item', async () => {
    const put = await admin.req('PUT', '/api/admin/telegram/channel', { chatId: CHANNEL, kinds: [], locale: 'en' });
    expect(put.status).toBe(200);
    const calls = (method: string) => telegram.sent(method).filter((c) => c.body.chat_id === CHANNEL);
    const item = await create({
      title: 'Cup <b>draw</b>',
      body: '**Friday** & <script>x</script>',
      postToChannel: true,
    });
    await until('the post', () => calls('sendMessage').length === 1, 10_000);
    const post = calls('sendMessage')[0]!;
    expect(post.body.parse_mode).toBe('HTML');
    expect(post.body.text).toBe(
      '<b>Cup &lt;b&gt;draw&lt;/b&gt;</b>\n\n<b>Friday</b> &amp; &lt;script&gt;x&lt;/script&gt;',
    );
    expect(post.body.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Read in the app', url: `https://touchline.example/news/${item.id}` }]],
    });
    const messageId = (post.result as { message_id: number }).message_id;

    await admin.req('PATCH', `/api/admin/news/${item.id}`, { body: 'Friday, *7 pm*' });
    await until('the edit', () => calls('editMessageText').length === 1, 20_000);
    const edit = calls('editMessageText')[0]!;
    expect(edit.body).toMatchObject({ message_id: messageId, parse_mode: 'HTML' });
    expect(edit.body.text).toBe('<b>Cup &lt;b&gt;draw&lt;/b&gt;</b>\n\nFriday, <i>7 pm</i>');

    // An item not for the channel is never posted.
    await create({ title: 'Quiet', body: 'x' });
    await admin.req('DELETE', `/api/admin/news/${item.id}`);
    await until('the deletion', () => calls('deleteMessage').length === 1, 20_000);
    expect(calls('deleteMessage')[0]!.body.message_id).toBe(messageId);
    expect(calls('sendMessage')).toHaveLength(1);
  }, 60_000);

  it('is posted when "post to the channel" is switched on later, once however often it is edited', async () => {
    const posts = () => telegram.sent('sendMessage').filter((c) => c.body.chat_id === CHANNEL);
    const before = posts().length;
    const item = await create({ title: 'Later', body: 'x' });
    await admin.req('PATCH', `/api/admin/news/${item.id}`, { postToChannel: true });
    await admin.req('PATCH', `/api/admin/news/${item.id}`, { body: 'y' });
    await until('the post', () => posts().length === before + 1, 10_000);
    expect(posts().at(-1)!.body.text).toContain('Later');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(posts()).toHaveLength(before + 1);
  }, 30_000);
});
