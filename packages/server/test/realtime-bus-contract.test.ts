import { Redis } from 'ioredis';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { InProcessBus } from '../src/realtime/bus.ts';
import { RedisBus } from '../src/realtime/redis-bus.ts';
import { busContract } from './contracts/bus.contract.ts';
import { PrivateRedis } from './private-redis.ts';

const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

busContract('in-process', async () => ({
  open: async (id) => new InProcessBus(id),
  crossesInstances: false,
  dispose: async () => undefined,
}));

busContract('Redis', async () => {
  // A Redis of its own: the shared one carries other tests' messages on the same channel.
  const redis = await PrivateRedis.start();
  const probe = new Redis(redis.url);
  /** Whether Redis counts the subscription of instance `id`: a message published from then on reaches it. */
  const subscribed = async (id: string) =>
    ((await probe.client('LIST')) as string)
      .split('\n')
      .some((c) => c.includes(`name=touchline:${id}:sub `) && / sub=1 /.test(c));
  return {
    crossesInstances: true,
    async open(id) {
      const bus = new RedisBus(id, redis.url, log);
      while (bus.health() !== 'ok' || !(await subscribed(id))) await sleep(10);
      return bus;
    },
    async dispose() {
      probe.disconnect();
      await redis.stop();
    },
  };
});
