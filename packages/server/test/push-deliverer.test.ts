import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushDeliverer, PUSH_TTL_SECONDS } from '../src/follows/push-deliverer.ts';
import type { Outgoing } from '../src/notify/deliver.ts';
import { FakePushService } from './fake-push.ts';
import { browserKeys } from './follows-fixture.ts';
import { TEST_VAPID } from './helpers.ts';
import { decryptPush, vapidClaims } from './push-decrypt.ts';

const vapid = { ...TEST_VAPID, subject: 'mailto:league@example.org' };

describe('Web Push deliverer against a push service on loopback', () => {
  const push = new FakePushService();
  let root: string;
  beforeAll(async () => {
    root = await push.start();
  });
  afterAll(() => push.close());

  const browser = browserKeys();
  const message = (endpoint: string): Outgoing => ({
    id: 1,
    noticeKey: 'm7:goal:e1',
    kind: 'goal',
    recipient: {
      id: 9,
      channel: 'push',
      chatId: null,
      endpoint,
      ...browser.keys,
      kinds: ['goal'],
      locale: 'en',
    },
    notice: {
      matchId: '7',
      match: {
        home: 'Rovers',
        away: 'United',
        competition: 'League',
        kickoffAt: '2026-05-01T15:00:00Z',
        score: { home: 1, away: 0 },
      },
      items: [{ kind: 'goal', eventId: 'e1', side: 'home', minute: 23, scorer: 'Ivanov', type: 'goal' }],
    },
  });
  const deliverer = () => pushDeliverer({ vapid, allowedHosts: ['127.0.0.1'], agent: push.agent });

  it('delivers an encrypted payload signed with VAPID, with a TTL', async () => {
    push.script = () => ({ status: 201 });
    const result = await deliverer().deliver(message(`${root}/push/ok`));
    expect(result).toEqual({ ok: true });
    const got = push.received.at(-1)!;
    expect(got.path).toBe('/push/ok');
    expect(got.headers['content-encoding']).toBe('aes128gcm');
    expect(got.headers.ttl).toBe(String(PUSH_TTL_SECONDS));
    const claims = vapidClaims(got.headers.authorization as string);
    expect(claims).toMatchObject({ aud: root, sub: vapid.subject, k: vapid.publicKey });
    expect(claims.exp * 1000).toBeGreaterThan(Date.now());
    expect(JSON.parse(decryptPush(got.body, browser.ecdh, browser.auth))).toEqual({
      title: 'Rovers — United',
      body: "⚽ 23' Goal! Rovers: Ivanov — 1:0",
      url: '/matches/7',
      tag: 'match-7',
    });
  });

  it('removes a subscription the push service says is gone (404, 410)', async () => {
    for (const status of [404, 410]) {
      push.script = () => ({ status });
      expect(await deliverer().deliver(message(`${root}/push/gone`))).toMatchObject({
        ok: false,
        retry: false,
        recipient: 'remove',
      });
    }
  });

  it('retries after a 429 (with its Retry-After) or a 5xx', async () => {
    push.script = () => ({ status: 429, headers: { 'retry-after': '30' } });
    expect(await deliverer().deliver(message(`${root}/push/busy`))).toMatchObject({
      ok: false,
      retry: true,
      retryAfterSeconds: 30,
    });
    push.script = () => ({ status: 503 });
    expect(await deliverer().deliver(message(`${root}/push/down`))).toMatchObject({ ok: false, retry: true });
  });

  it('never calls an endpoint off the allow-list, whatever is stored', async () => {
    const before = push.received.length;
    const strict = pushDeliverer({ vapid, allowedHosts: [], agent: push.agent });
    expect(await strict.deliver(message(`${root}/push/ok`))).toMatchObject({ ok: false, recipient: 'remove' });
    expect(push.received.length).toBe(before);
  });

  it('does not trust a certificate outside its TLS trust', async () => {
    push.script = () => ({ status: 201 });
    const before = push.received.length;
    const production = pushDeliverer({ vapid, allowedHosts: ['127.0.0.1'] });
    expect(await production.deliver(message(`${root}/push/ok`))).toMatchObject({ ok: false, retry: true });
    expect(push.received.length).toBe(before);
  });
});
