import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigAnswer, DEFAULT_NOTIFY_KINDS, MyFollowsAnswer } from '@touchline/contract';
import { follows, notifyRecipients, users } from '../src/db/schema.ts';
import { matches, signInAdmin } from './api.ts';
import { BOT_TOKEN, browserKeys, telegramFan } from './follows-fixture.ts';
import { dbKinds, startTestServer, TEST_VAPID, type TestServer } from './helpers.ts';

const FAKE_PUSH = 'https://127.0.0.1:9/push/';

describe.each(dbKinds)('fans’ follows on %s', (kind) => {
  let s: TestServer;
  let clubId: string;
  let matchId: string;
  beforeAll(async () => {
    s = await startTestServer(kind, {
      demo: true,
      config: {
        telegramBotToken: BOT_TOKEN,
        pushAllowedHosts: ['127.0.0.1'],
      },
    });
    const [m] = await matches(s.app);
    matchId = m!.id;
    clubId = m!.homeClub.id;
  });
  afterAll(() => s.close());

  const call = (
    method: 'GET' | 'PUT' | 'DELETE' | 'POST',
    url: string,
    headers: Record<string, string>,
    body?: object,
  ) => s.app.inject({ method, url, headers, ...(body ? { payload: body } : {}) });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const recipientRows = () => s.app.db.select().from(notifyRecipients);

  describe('a Telegram fan', () => {
    let me: Record<string, string>;
    beforeAll(async () => {
      me = bearer(await telegramFan(s.app, 5001));
    });

    it('starts with no follows and the default kinds', async () => {
      const res = await call('GET', '/api/me/follows', me);
      expect(res.statusCode).toBe(200);
      expect(MyFollowsAnswer.parse(res.json())).toEqual({
        follows: [],
        kinds: DEFAULT_NOTIFY_KINDS,
        reminderMinutes: 60,
        paused: false,
      });
    });

    it('follows and unfollows a club and a match', async () => {
      expect((await call('PUT', `/api/me/follows/club/${clubId}`, me)).statusCode).toBe(204);
      expect((await call('PUT', `/api/me/follows/match/${matchId}`, me)).statusCode).toBe(204);
      expect((await call('PUT', `/api/me/follows/club/${clubId}`, me)).statusCode).toBe(204);
      expect((await call('GET', '/api/me/follows', me)).json().follows).toEqual([
        { target: 'club', id: clubId },
        { target: 'match', id: matchId },
      ]);
      expect((await call('DELETE', `/api/me/follows/club/${clubId}`, me)).statusCode).toBe(204);
      expect((await call('GET', '/api/me/follows', me)).json().follows).toEqual([{ target: 'match', id: matchId }]);
    });

    it('answers 404 for an unknown club or match and stores nothing', async () => {
      const before = await s.app.db.select().from(follows);
      for (const url of ['/api/me/follows/club/999999', '/api/me/follows/match/999999']) {
        for (const method of ['PUT', 'DELETE'] as const) {
          const res = await call(method, url, me);
          expect(res.statusCode).toBe(404);
          expect(res.json().error.code).toBe('not_found');
        }
      }
      expect(await s.app.db.select().from(follows)).toEqual(before);
    });

    it('refuses a bad target or id with 400', async () => {
      expect((await call('PUT', `/api/me/follows/season/${clubId}`, me)).statusCode).toBe(400);
      expect((await call('PUT', '/api/me/follows/club/abc', me)).json().error.code).toBe('invalid_id');
    });

    it('chooses kinds and the reminder time', async () => {
      const res = await call('PUT', '/api/me/notifications', me, { kinds: ['goal', 'full_time'], reminderMinutes: 30 });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ kinds: ['goal', 'full_time'], reminderMinutes: 30 });
      for (const bad of [{ kinds: ['goal', 'goal'] }, { kinds: ['offside'] }, { kinds: [], reminderMinutes: 1 }]) {
        expect((await call('PUT', '/api/me/notifications', me, bad)).statusCode).toBe(400);
      }
      expect((await call('GET', '/api/me/follows', me)).json().kinds).toEqual(['goal', 'full_time']);
    });

    it('gets its private chat as recipient, with can_write from allows_write_to_pm at sign-in', async () => {
      const [fan] = await s.app.db.select().from(users).where(eq(users.telegramId, '5001'));
      const [r] = await s.app.db.select().from(notifyRecipients).where(eq(notifyRecipients.userId, fan!.id));
      expect(r).toMatchObject({ channel: 'telegram', chatId: '5001', canWrite: true, locale: 'en' });
      await telegramFan(s.app, 5001, false);
      const [again] = await s.app.db.select().from(notifyRecipients).where(eq(notifyRecipients.userId, fan!.id));
      expect(again!.canWrite).toBe(false);
    });
  });

  it('refuses staff accounts with not_a_fan, and nobody with unauthorized', async () => {
    const admin = await signInAdmin(s.app);
    const res = await call('PUT', `/api/me/follows/club/${clubId}`, bearer(admin.token));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('not_a_fan');
    const anonymous = await call('GET', '/api/me/follows', {});
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthorized');
  });

  describe('a browser fan known by its push subscription', () => {
    const { keys } = browserKeys();
    const endpoint = `${FAKE_PUSH}browser-1`;
    const me = { 'x-push-endpoint': endpoint, 'x-push-auth': keys.auth };
    const subscribe = (body: object) => call('POST', '/api/push/subscriptions', {}, body);

    it('subscribes with follows and kinds, and is "me" by endpoint and secret', async () => {
      const res = await subscribe({
        subscription: { endpoint, keys },
        follows: [{ target: 'club', id: clubId }],
        kinds: ['goal'],
        locale: 'en',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ follows: [{ target: 'club', id: clubId }], kinds: ['goal'] });
      expect((await call('PUT', `/api/me/follows/match/${matchId}`, me)).statusCode).toBe(204);
      expect((await call('GET', '/api/me/follows', me)).json().follows).toEqual([
        { target: 'club', id: clubId },
        { target: 'match', id: matchId },
      ]);
    });

    it('is refused with a wrong or missing secret', async () => {
      for (const headers of [{ ...me, 'x-push-auth': 'AAAAAAAAAAAAAAAAAAAAAA' }, { 'x-push-endpoint': endpoint }]) {
        const res = await call('GET', '/api/me/follows', headers);
        expect(res.statusCode).toBe(401);
        expect(res.json().error.code).toBe('unknown_subscription');
      }
    });

    it('replaces its follows on a new subscribe, keeping the ones still wanted', async () => {
      const [kept] = await s.app.db.select().from(follows).where(eq(follows.target, 'match'));
      const res = await subscribe({
        subscription: { endpoint, keys },
        follows: [{ target: 'match', id: matchId }],
        kinds: ['goal', 'red_card'],
      });
      expect(res.json()).toMatchObject({ follows: [{ target: 'match', id: matchId }], kinds: ['goal', 'red_card'] });
      const [still] = await s.app.db.select().from(follows).where(eq(follows.target, 'match'));
      expect(still!.createdAt).toEqual(kept!.createdAt);
    });

    it('cannot be taken over by another secret for the same endpoint', async () => {
      const other = browserKeys().keys;
      const res = await subscribe({ subscription: { endpoint, keys: other }, follows: [], kinds: [] });
      expect(res.statusCode).toBe(401);
      expect((await call('GET', '/api/me/follows', me)).json().follows).toHaveLength(1);
    });

    it('refuses endpoints off the allow-list, over http, or following nothing real; nothing is stored', async () => {
      const before = await recipientRows();
      const refused = [
        'https://evil.example/push/1',
        'http://127.0.0.1:9/push/2',
        'https://169.254.169.254/latest',
        'not a url',
      ];
      for (const bad of refused) {
        const res = await subscribe({ subscription: { endpoint: bad, keys }, follows: [], kinds: ['goal'] });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('push_endpoint_refused');
      }
      const unknownClub = await subscribe({
        subscription: { endpoint: `${FAKE_PUSH}browser-2`, keys },
        follows: [{ target: 'club', id: '999999' }],
        kinds: ['goal'],
      });
      expect(unknownClub.statusCode).toBe(404);
      expect(await recipientRows()).toEqual(before);
    });

    it('accepts a known push service without any added host', async () => {
      const res = await subscribe({
        subscription: { endpoint: 'https://fcm.googleapis.com/fcm/send/abc', keys: browserKeys().keys },
        follows: [],
        kinds: ['goal'],
      });
      expect(res.statusCode).toBe(200);
    });

    it('unsubscribes with its secret, and its follows go with it', async () => {
      const wrong = await call('DELETE', '/api/push/subscriptions', { 'x-push-auth': 'nope' }, { endpoint });
      expect(wrong.statusCode).toBe(401);
      const res = await call('DELETE', '/api/push/subscriptions', { 'x-push-auth': keys.auth }, { endpoint });
      expect(res.statusCode).toBe(204);
      expect((await call('GET', '/api/me/follows', me)).statusCode).toBe(401);
      expect((await recipientRows()).some((r) => r.endpoint === endpoint)).toBe(false);
    });
  });

  it('gives the VAPID public key in /api/config', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/config' });
    expect(ConfigAnswer.parse(res.json()).vapidPublicKey).toBe(TEST_VAPID.publicKey);
  });
});
