import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, notifications } from '../src/db/schema.ts';
import type { Notice, NoticeItem, Outgoing, Recipient } from '../src/notify/deliver.ts';
import { channelDeliverer } from '../src/telegram/channel.ts';
import { channelRow } from '../src/telegram/channel-store.ts';
import { type Api, signInAdmin, staff } from './api.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';
import { blockedByUser, FakeTelegram, tooManyRequests } from './fake-telegram.ts';

const CHAT = '-1001234567890';

describe.each(dbKinds)('the league channel on %s', (kind) => {
  const telegram = new FakeTelegram();
  let s: TestServer;
  let admin: Api;
  beforeAll(async () => {
    await telegram.start();
    s = await startTestServer(kind);
    admin = await signInAdmin(s.app);
  });
  afterAll(async () => {
    await s.close();
    await telegram.close();
  });

  describe('PUT, GET and DELETE /api/admin/telegram/channel', () => {
    const body = { chatId: CHAT, kinds: ['kickoff', 'goal', 'full_time'] };

    it('refuses anyone but an admin, and changes nothing', async () => {
      const anonymous = await s.app.inject({ method: 'PUT', url: '/api/admin/telegram/channel', payload: body });
      expect(anonymous.statusCode).toBe(401);
      const operator = (await staff(s.app, admin, 'operator')).api;
      const refused = await operator.req('PUT', '/api/admin/telegram/channel', body);
      expect(refused.status).toBe(403);
      expect((await admin.req('GET', '/api/admin/telegram/channel')).body).toEqual({ channel: null });
    });

    it('refuses a chat id that is not a channel’s, and a kind it does not know', async () => {
      const badChat = await admin.req('PUT', '/api/admin/telegram/channel', { ...body, chatId: '12345' });
      expect(badChat.status).toBe(400);
      expect(badChat.body.error.code).toBe('invalid_chat_id');
      const badKind = await admin.req('PUT', '/api/admin/telegram/channel', { ...body, kinds: ['everything'] });
      expect(badKind.status).toBe(400);
      expect((await admin.req('GET', '/api/admin/telegram/channel')).body).toEqual({ channel: null });
    });

    it('stores the admin’s channel as one row, audited, shows it, and forgets it', async () => {
      const put = await admin.req('PUT', '/api/admin/telegram/channel', body);
      expect(put.status).toBe(200);
      expect(put.body).toEqual({ channel: { chatId: CHAT, kinds: ['kickoff', 'goal', 'full_time'], locale: 'ru' } });
      const again = await admin.req('PUT', '/api/admin/telegram/channel', {
        chatId: '@touchline_league',
        kinds: ['full_time', 'goal'],
        locale: 'en',
      });
      expect(again.body.channel).toEqual({ chatId: '@touchline_league', kinds: ['goal', 'full_time'], locale: 'en' });
      expect((await admin.req('GET', '/api/admin/telegram/channel')).body).toEqual(again.body);
      const audit = await s.app.db.select().from(auditLog).where(eq(auditLog.entity, 'telegram_channel'));
      expect(audit.map((a) => a.action)).toEqual(['create', 'update']);

      expect((await admin.req('DELETE', '/api/admin/telegram/channel')).body).toEqual({ channel: null });
      expect((await admin.req('GET', '/api/admin/telegram/channel')).body).toEqual({ channel: null });
      expect((await admin.req('DELETE', '/api/admin/telegram/channel')).status).toBe(404);
    });
  });

  describe('the channel deliverer', () => {
    const recipient: Recipient = {
      id: 0,
      channel: 'channel',
      chatId: CHAT,
      endpoint: null,
      p256dh: null,
      auth: null,
      kinds: ['kickoff', 'goal', 'red_card', 'half_time', 'full_time', 'lineups'],
      locale: 'en',
    };
    const match = {
      home: 'Rovers <b>',
      away: 'United & Co',
      competition: 'Premier',
      kickoffAt: '2026-12-07T15:00:00.000Z',
      score: { home: 0, away: 0 },
    };
    let next = 0;
    const matchId = String(9000 + dbKinds.indexOf(kind));

    /** An outbox row as the pipeline would leave it, and its Outgoing. */
    async function outgoing(score: { home: number; away: number }, items: NoticeItem[], editExternalId?: string) {
      const notice: Notice = { matchId, match: { ...match, score }, items };
      const [row] = await s.app.db
        .insert(notifications)
        .values({
          recipientId: recipient.id,
          channel: 'channel',
          noticeKey: `test:${next++}`,
          matchId: Number(matchId),
          kind: items[0]!.kind,
          payload: notice,
          committedAt: new Date(),
        })
        .returning({ id: notifications.id });
      const out: Outgoing = {
        id: row!.id,
        noticeKey: `test:${next}`,
        kind: items[0]!.kind,
        recipient,
        notice,
        ...(editExternalId ? { editExternalId } : {}),
      };
      return out;
    }
    const markSent = (out: Outgoing, externalId?: string) =>
      s.app.db.update(notifications).set({ status: 'sent', externalId }).where(eq(notifications.id, out.id));

    beforeAll(async () => {
      const put = await admin.req('PUT', '/api/admin/telegram/channel', { chatId: CHAT, kinds: recipient.kinds });
      expect(put.status).toBe(200);
      recipient.id = (await channelRow(s.app.db))!.id;
    });

    const deliverer = () =>
      channelDeliverer({
        db: s.app.db,
        token: '123:channel-test',
        apiRoot: telegram.root,
        publicUrl: 'https://touchline.example',
      });

    it('posts at kick-off, edits that post for a goal, and posts the result at full time', async () => {
      const channel = deliverer();
      expect(channel.channel).toBe('channel');

      const kickoff = await outgoing({ home: 0, away: 0 }, [{ kind: 'kickoff' }]);
      const posted = await channel.deliver(kickoff);
      const [post] = telegram.sent('sendMessage');
      expect(post!.body.chat_id).toBe(CHAT);
      expect(post!.body.text).toBe('Rovers <b> 0:0 United & Co\nPremier · Live');
      expect(post!.body.parse_mode).toBeUndefined();
      expect(post!.body.reply_markup).toEqual({
        inline_keyboard: [[{ text: 'Open the match', url: `https://touchline.example/matches/${matchId}` }]],
      });
      expect(posted).toEqual({ ok: true, externalId: expect.any(String) });
      const postId = (posted as { externalId: string }).externalId;
      await markSent(kickoff, postId);

      const goal = await outgoing(
        { home: 1, away: 0 },
        [{ kind: 'goal', eventId: 'e1', side: 'home', minute: 12, scorer: 'Ivanov', type: 'goal' }],
        postId,
      );
      expect(await channel.deliver(goal)).toEqual({ ok: true, externalId: postId });
      const [edit] = telegram.sent('editMessageText');
      expect(edit!.body.message_id).toBe(Number(postId));
      expect(edit!.body.text).toBe("Rovers <b> 1:0 United & Co\nPremier · Live\n⚽ 12' Ivanov (Rovers <b>)");
      await markSent(goal, postId);

      const second = await outgoing(
        { home: 1, away: 1 },
        [{ kind: 'goal', eventId: 'e2', side: 'away', minute: 40, type: 'penalty_goal' }, { kind: 'half_time' }],
        postId,
      );
      await channel.deliver(second);
      expect(telegram.sent('editMessageText')[1]!.body.text).toBe(
        "Rovers <b> 1:1 United & Co\nPremier · Half-time\n⚽ 12' Ivanov (Rovers <b>)\n⚽ 40' United & Co (penalty)",
      );
      await markSent(second, postId);
      expect(telegram.sent('sendMessage')).toHaveLength(1);

      const scorers = [
        { side: 'home' as const, minute: 12, name: 'Ivanov', type: 'goal' },
        { side: 'away' as const, minute: 40, type: 'penalty_goal' },
      ];
      const fullTime = await outgoing({ home: 1, away: 1 }, [{ kind: 'full_time', scorers }], postId);
      const result = await channel.deliver(fullTime);
      expect(telegram.sent('editMessageText')[2]!.body.text).toMatch(
        /^Rovers <b> 1:1 United & Co\nPremier · Full time\n/,
      );
      expect(telegram.sent('sendMessage')).toHaveLength(2);
      const resultPost = telegram.sent('sendMessage')[1]!;
      expect(resultPost.body.text).toBe(
        "Result: Rovers <b> 1:1 United & Co\nPremier\n⚽ 12' Ivanov (Rovers <b>)\n⚽ 40' United & Co (penalty)",
      );
      expect(result).toEqual({ ok: true, externalId: expect.any(String) });
    });

    it('takes an unchanged post as delivered, and replaces a post that is gone with a new one', async () => {
      const channel = deliverer();
      const refuse = (description: string) => ({
        status: 400,
        body: { ok: false, error_code: 400, description: `Bad Request: ${description}` },
      });
      const goal: NoticeItem = { kind: 'goal', eventId: 'g9', side: 'home', minute: 5, type: 'goal' };
      telegram.script = (call) => (call.method === 'editMessageText' ? refuse('message is not modified') : undefined);
      expect(await channel.deliver(await outgoing({ home: 1, away: 0 }, [goal], '555'))).toEqual({
        ok: true,
        externalId: '555',
      });
      const posts = telegram.sent('sendMessage').length;
      telegram.script = (call) => (call.method === 'editMessageText' ? refuse('message to edit not found') : undefined);
      const replaced = await channel.deliver(await outgoing({ home: 1, away: 0 }, [goal], '556'));
      telegram.script = undefined;
      expect(telegram.sent('sendMessage')).toHaveLength(posts + 1);
      expect(replaced).toEqual({ ok: true, externalId: expect.not.stringMatching(/^556$/) });
    });

    it('waits as Telegram asks on a 429 and pauses the channel when the bot may not post', async () => {
      const channel = deliverer();
      telegram.script = () => tooManyRequests(17);
      const limited = await channel.deliver(await outgoing({ home: 0, away: 0 }, [{ kind: 'lineups' }]));
      expect(limited).toMatchObject({ ok: false, retry: true, retryAfterSeconds: 17 });
      telegram.script = () => blockedByUser;
      const blocked = await channel.deliver(await outgoing({ home: 0, away: 0 }, [{ kind: 'lineups' }]));
      expect(blocked).toMatchObject({ ok: false, retry: false, recipient: 'pause' });
      telegram.script = undefined;
    });
  });
});
