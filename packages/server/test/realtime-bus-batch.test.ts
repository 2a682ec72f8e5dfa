import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import type { CommittedPatch } from '../src/changes/patch.ts';
import { type Bus, type BusMessage, InProcessBus } from '../src/realtime/bus.ts';
import { Fanout } from '../src/realtime/fanout.ts';
import { RedisBus } from '../src/realtime/redis-bus.ts';
import { PrivateRedis } from './private-redis.ts';

const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(ok: () => boolean, timeoutMs = 10_000) {
  for (const end = Date.now() + timeoutMs; !ok(); await sleep(10)) {
    if (Date.now() > end) throw new Error('timed out');
  }
}

/** A write's patches: the match's and its audit entry's, as the unit of work sends them. */
const write = (seq: number): CommittedPatch[] => [
  { topic: 'match:1', epoch: 'e', seq, changes: [{ op: 'deleted', entity: 'event', id: String(seq) }] },
  { topic: 'admin', epoch: 'audit-v1', seq: 100 + seq, changes: [] },
];

describe('a write crosses to the other instances in one Redis message, sent before the local fan-out', () => {
  it('hands the bus every patch of a write in one call, before any local listener runs', () => {
    const calls: string[] = [];
    const bus = new (class extends InProcessBus {
      override publish(...msgs: BusMessage[]) {
        calls.push(`bus ${msgs.map((m) => `${m.topic}#${m.seq}`).join(' ')}`);
      }
    })('a') as Bus;
    const fanout = new Fanout(bus);
    fanout.onMessage((m) => calls.push(`local ${m.topic}#${m.seq}`));
    fanout.publish(write(1));
    expect(calls).toEqual(['bus match:1#1 admin#101', 'local match:1#1', 'local admin#101']);
  });

  describe('over Redis', () => {
    let redis: PrivateRedis;
    let probe: Redis;
    let a: RedisBus;
    let b: RedisBus;
    const raw: string[] = [];
    const heard: BusMessage[] = [];

    beforeAll(async () => {
      redis = await PrivateRedis.start();
      probe = new Redis(redis.url);
      probe.on('message', (_channel: string, text: string) => raw.push(text));
      await probe.subscribe('touchline:changes');
      a = new RedisBus('a', redis.url, log);
      b = new RedisBus('b', redis.url, log);
      b.onMessage((m) => heard.push(m));
      await until(() => a.health() === 'ok' && b.health() === 'ok');
      await sleep(100); // b's subscription is confirmed
    });
    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()]);
      probe?.disconnect();
      await redis?.stop();
    });

    it('publishes one message per write, and the other instance hears each patch in order', async () => {
      const fanout = new Fanout(a);
      for (let seq = 1; seq <= 5; seq++) fanout.publish(write(seq));
      await until(() => heard.length === 10);
      expect(raw).toHaveLength(5);
      expect(heard.map((m) => `${m.topic}#${m.seq}`)).toEqual(
        [1, 2, 3, 4, 5].flatMap((s) => [`match:1#${s}`, `admin#${100 + s}`]),
      );
      expect(heard.every((m) => m.origin === 'a')).toBe(true);
    });

    it('still takes a single message, as a process that is no instance sends it', async () => {
      heard.length = 0;
      const one: BusMessage = { ...write(9)[0]!, committedAt: Date.now(), origin: 'admin-cli' };
      await probe.duplicate().publish('touchline:changes', JSON.stringify(one));
      await until(() => heard.length === 1);
      expect(heard[0]).toEqual(one);
    });
  });
});
