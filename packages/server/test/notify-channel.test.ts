import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, matches, signInAdmin, staff } from './api.ts';
import { FakeTelegram } from './fake-telegram.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';
import { until } from './two-instances.ts';

const HOLD_SECONDS = 1;
const CHANNEL = '-1001234567890';

/** The league channel through the whole pipeline: change log → planner → outbox → the channel's deliverer. */
describe.each(dbKinds)('the league channel follows a match, on %s', (kind) => {
  const telegram = new FakeTelegram();
  let s: TestServer;
  let op: Api;
  beforeAll(async () => {
    s = await startTestServer(kind, {
      demo: true,
      config: {
        notify: true,
        notifyHoldSeconds: HOLD_SECONDS,
        telegramBotToken: '42:TEST',
        telegramApiRoot: await telegram.start(),
        publicUrl: 'https://touchline.example',
      },
    });
    const admin = await signInAdmin(s.app);
    op = (await staff(s.app, admin, 'operator')).api;
    const put = await admin.req('PUT', '/api/admin/telegram/channel', {
      chatId: CHANNEL,
      kinds: ['kickoff', 'goal', 'half_time', 'full_time'],
      locale: 'en',
    });
    expect(put.status).toBe(200);
  });
  afterAll(async () => {
    await s.close();
    await telegram.close();
  });

  const posts = () => telegram.sent('sendMessage').filter((c) => c.body.chat_id === CHANNEL);
  const edits = () => telegram.sent('editMessageText').filter((c) => c.body.chat_id === CHANNEL);
  const wait = (what: string, ok: () => boolean) => until(what, ok, (HOLD_SECONDS + 4) * 1000);

  it('posts at kick-off, edits that post on each goal, and posts the result at full time', async () => {
    const m = (await matches(s.app, '?status=scheduled')).find((x) => x.competition.type === 'league')!;
    const state = (body: object) => op.req('POST', `/api/matches/${m.id}/state`, body);
    const goal = (side: 'home' | 'away', minute: number) =>
      op.req('POST', `/api/matches/${m.id}/events`, { type: 'goal', side, minute });

    expect((await state({ status: 'live' })).status).toBe(200);
    await wait('the match post', () => posts().length === 1);
    const post = posts()[0]!;
    expect(String(post.body.text)).toContain(m.homeClub.name);
    const postId = (post.result as { message_id: number }).message_id;

    expect((await goal('home', 10)).status).toBe(201);
    await wait('the first edit', () => edits().length === 1);
    expect(edits()[0]!.body.message_id).toBe(postId);
    expect(String(edits()[0]!.body.text)).toContain('1:0');

    expect((await goal('away', 20)).status).toBe(201);
    await wait('the second edit', () => edits().length === 2);
    expect(edits()[1]!.body.message_id).toBe(postId);
    expect(String(edits()[1]!.body.text)).toContain('1:1');
    expect(posts()).toHaveLength(1);

    for (const step of [{ period: 'half_time' }, { period: 'second_half' }, { status: 'finished' }]) {
      expect((await state(step)).status).toBe(200);
    }
    await wait('the result post', () => posts().length === 2);
    const result = String(posts()[1]!.body.text);
    expect(result).toContain(m.homeClub.name);
    expect(result).toContain('1:1');
    expect(result).toMatch(/10'/);
    expect(result).toMatch(/20'/);
  });
});
