import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import type { BusMessage } from '../src/realtime/bus.ts';
import { RedisBus } from '../src/realtime/redis-bus.ts';
import { PrivateRedis } from './private-redis.ts';
import { TcpProxy } from './tcp-proxy.ts';

const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const msg = (origin: string, seq: number, topic = 'match:1'): BusMessage => ({
  topic,
  epoch: 'e',
  seq,
  changes: [],
  committedAt: Date.now(),
  origin,
});

async function until(ok: () => boolean, timeoutMs = 15_000) {
  for (const end = Date.now() + timeoutMs; !ok(); await sleep(20)) {
    if (Date.now() > end) throw new Error('timed out');
  }
}

describe('the Redis bus through an outage', () => {
  let redis: PrivateRedis;
  let aLink: TcpProxy;
  let a: RedisBus;
  let b: RedisBus;
  const heard: BusMessage[] = [];
  const recovered = { a: 0, b: 0 };

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    aLink = await TcpProxy.start(redis.port);
    a = new RedisBus('a', aLink.url, log);
    b = new RedisBus('b', redis.url, log);
    b.onMessage((m) => heard.push(m));
    a.onMessage((m) => heard.push({ ...m, origin: `heard by a from ${m.origin}` }));
    a.onRecover(() => recovered.a++);
    b.onRecover(() => recovered.b++);
    await until(() => a.health() === 'ok' && b.health() === 'ok');
    await sleep(100); // both subscriptions are confirmed
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await aLink?.cut();
    await redis?.stop();
  });

  it('never throws while its link to Redis is down, and on its return rings the doorbell of what it could not send', async () => {
    // Only a loses Redis: b stays connected and has no gap of its own to notice, so the doorbell is all it gets.
    await aLink.cut();
    await until(() => a.health() === 'down');
    expect(b.health()).toBe('ok');
    expect(() => [2, 3, 4].map((seq) => a.publish(msg('a', seq)))).not.toThrow();
    a.publish(msg('a', 9, 'season:1'));
    await sleep(200);
    await aLink.restore();
    await until(() => recovered.a > 0);
    // Only the newest unsent message per topic: the receiver reads the rest from the change log.
    await until(() => heard.length === 2);
    expect(heard.map((m) => [m.topic, m.seq]).sort()).toEqual([
      ['match:1', 4],
      ['season:1', 9],
    ]);
    expect(recovered.b).toBe(0);
  });

  it('survives Redis itself going away: both recover and carry messages again', async () => {
    await redis.stop();
    await until(() => a.health() === 'down' && b.health() === 'down');
    expect(() => b.publish(msg('b', 5))).not.toThrow();
    await redis.start();
    await until(() => recovered.a > 1 && recovered.b > 0 && a.health() === 'ok' && b.health() === 'ok');
    await sleep(100); // both subscriptions are confirmed
    const before = heard.length;
    b.publish(msg('b', 6));
    await until(() => heard.some((m) => m.origin === 'heard by a from b' && m.seq === 6));
    a.publish(msg('a', 7));
    await until(() => heard.some((m) => m.origin === 'a' && m.seq === 7));
    expect(heard.length).toBeGreaterThan(before);
  });
});
