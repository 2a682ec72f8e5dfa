import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchSummary } from '@touchline/contract';
import { pagePolicy } from '../src/http/web.ts';
import { type Api, signInAdmin, snapshot, staff, todaysMatches } from './api.ts';
import { BOT_TOKEN, telegramFan } from './follows-fixture.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';
import { RawSocket } from './raw-socket.ts';

const YOUTUBE = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
const RUTUBE = 'https://rutube.ru/video/0123456789abcdef0123456789abcdef/';

/** A match's video link through the operator's and the admin's routes (decision 042). */
describe.each(dbKinds)('the stream link on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  let op: Api;
  let opUserId: string;
  let league: MatchSummary[];
  beforeAll(async () => {
    s = await startTestServer(kind, { demo: true, config: { telegramBotToken: BOT_TOKEN } });
    admin = await signInAdmin(s.app);
    const created = await staff(s.app, admin, 'operator');
    op = created.api;
    opUserId = created.user.id;
    league = (await todaysMatches(s.app)).league;
  });
  afterAll(() => s.close());

  const put = (who: Api, id: string, streamUrl: string | null) =>
    who.req('PUT', `/api/matches/${id}/stream`, { streamUrl });
  const streamAudit = async (id: string) =>
    (
      (await admin.req('GET', `/api/admin/audit?matchId=${id}&limit=50`)).body.entries as {
        action: string;
        before: { streamUrl?: string | null };
        after: { streamUrl?: string | null };
      }[]
    )
      .filter((e) => e.before && 'streamUrl' in e.before)
      .map((e) => [e.action, e.before.streamUrl, e.after.streamUrl]);

  it('is set by the operator, audited, and sent live on the match topic', async () => {
    const id = league[0]!.id;
    const socket = await RawSocket.welcomed(s.url);
    socket.send({ type: 'subscribe', topic: `match:${id}` });
    await socket.next('subscribed');
    await socket.next('snapshot');

    const res = await put(op, id, YOUTUBE);
    expect(res.status).toBe(200);
    expect(res.body.match.streamUrl).toBe(YOUTUBE);
    expect((await snapshot(s.app, id)).match.streamUrl).toBe(YOUTUBE);
    const patch = await socket.next('patch');
    expect(patch.changes).toEqual([
      expect.objectContaining({ entity: 'match', data: expect.objectContaining({ streamUrl: YOUTUBE }) }),
    ]);

    // The same link again changes nothing; null removes it.
    const seq = (await snapshot(s.app, id)).seq;
    expect((await put(op, id, YOUTUBE)).body.seq).toBe(seq);
    expect((await put(op, id, null)).status).toBe(200);
    expect((await snapshot(s.app, id)).match.streamUrl).toBeUndefined();
    expect(await streamAudit(id)).toEqual([
      ['stream', YOUTUBE, null],
      ['stream', null, YOUTUBE],
    ]);
    socket.close();
  });

  it.each([
    ['http', 'http://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['an unlisted host', 'https://evil.example/live'],
    ['a look-alike host', 'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ'],
    ['credentials', 'https://user:secret@rutube.ru/video/x/'],
    ['too long', `https://rutube.ru/${'x'.repeat(600)}`],
  ])('refuses %s with 400 and changes nothing', async (_, url) => {
    const id = league[1]!.id;
    expect((await put(op, id, RUTUBE)).status).toBe(200);
    const before = await snapshot(s.app, id);
    const res = await put(op, id, url);
    expect([res.status, res.body.error?.code]).toEqual([400, 'stream_url_not_allowed']);
    const byAdmin = await admin.req('PATCH', `/api/admin/matches/${id}`, { streamUrl: url });
    expect([byAdmin.status, byAdmin.body.error?.code]).toEqual([400, 'stream_url_not_allowed']);
    const after = await snapshot(s.app, id);
    expect([after.seq, after.match.streamUrl]).toEqual([before.seq, RUTUBE]);
  });

  it('is set by the admin through the match’s PATCH, audited', async () => {
    const id = league[2]!.id;
    const res = await admin.req('PATCH', `/api/admin/matches/${id}`, { streamUrl: RUTUBE });
    expect(res.status).toBe(200);
    expect(res.body.match.streamUrl).toBe(RUTUBE);
    expect(await streamAudit(id)).toEqual([['reschedule', null, RUTUBE]]);
    expect(
      (await admin.req('PATCH', `/api/admin/matches/${id}`, { streamUrl: null })).body.match.streamUrl,
    ).toBeUndefined();
  });

  it('is refused to operators not assigned, to other roles, and to operators after full time', async () => {
    const id = league[2]!.id;
    const other = (await staff(s.app, admin, 'operator')).api;
    expect((await admin.req('PUT', `/api/admin/matches/${id}/operators`, { userIds: [opUserId] })).status).toBe(200);
    const code = async (res: Promise<{ status: number; body: { error?: { code: string } } }>) => {
      const r = await res;
      return [r.status, r.body.error?.code];
    };
    expect(await code(put(other, id, YOUTUBE))).toEqual([403, 'forbidden']);
    const judge = (await staff(s.app, admin, 'judge')).api;
    const captain = (await staff(s.app, admin, 'captain', { clubId: league[2]!.homeClub.id })).api;
    for (const who of [judge, captain]) expect(await code(put(who, id, YOUTUBE))).toEqual([403, 'forbidden']);
    const fan = await telegramFan(s.app, 8800);
    const byFan = await s.app.inject({
      method: 'PUT',
      url: `/api/matches/${id}/stream`,
      headers: { authorization: `Bearer ${fan}` },
      payload: { streamUrl: YOUTUBE },
    });
    expect(byFan.statusCode).toBe(403);
    const anonymous = await s.app.inject({
      method: 'PUT',
      url: `/api/matches/${id}/stream`,
      payload: { streamUrl: YOUTUBE },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await snapshot(s.app, id)).match.streamUrl).toBeUndefined();

    // The assigned operator sets it until full time; then only the admin.
    expect((await put(op, id, YOUTUBE)).status).toBe(200);
    for (const body of [{ status: 'live' }, { period: 'half_time' }, { period: 'second_half' }, { status: 'finished' }])
      expect((await op.req('POST', `/api/matches/${id}/state`, body)).status).toBe(200);
    expect(await code(put(op, id, RUTUBE))).toEqual([409, 'match_finished']);
    expect((await put(admin, id, RUTUBE)).status).toBe(200);
  });

  it('lets the page frame only itself (the widget preview) and the stream players’ embed hosts', () => {
    const frames = pagePolicy('<html></html>')
      .split('; ')
      .find((d) => d.startsWith('frame-src'));
    expect(frames?.split(' ').slice(1).sort()).toEqual(
      [
        "'self'",
        'https://player.twitch.tv',
        'https://rutube.ru',
        'https://vkvideo.ru',
        'https://www.youtube-nocookie.com',
      ].sort(),
    );
  });
});
