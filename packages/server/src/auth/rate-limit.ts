import { Redis } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

const WINDOW_SECONDS = 15 * 60;
export const FAILURES_PER_LOGIN = 10;
export const FAILURES_PER_ADDRESS = 30;

/** Counts failed logins per login and per address; only failures count. Shared through Redis when there is one. */
export class LoginLimiter {
  private readonly byLogin: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  constructor(redis?: Redis) {
    const make = (points: number, keyPrefix: string) =>
      redis
        ? new RateLimiterRedis({
            storeClient: redis,
            points,
            duration: WINDOW_SECONDS,
            keyPrefix,
            insuranceLimiter: new RateLimiterMemory({ points, duration: WINDOW_SECONDS, keyPrefix }),
          })
        : new RateLimiterMemory({ points, duration: WINDOW_SECONDS, keyPrefix });
    this.byLogin = make(FAILURES_PER_LOGIN, 'tl:login:user');
    this.byAddress = make(FAILURES_PER_ADDRESS, 'tl:login:ip');
  }

  async blocked(login: string, address: string): Promise<boolean> {
    const [l, a] = await Promise.all([this.byLogin.get(login.toLowerCase()), this.byAddress.get(address)]);
    return (l?.consumedPoints ?? 0) >= FAILURES_PER_LOGIN || (a?.consumedPoints ?? 0) >= FAILURES_PER_ADDRESS;
  }

  async fail(login: string, address: string): Promise<void> {
    await Promise.all([this.byLogin.penalty(login.toLowerCase(), 1), this.byAddress.penalty(address, 1)]);
  }

  async succeed(login: string): Promise<void> {
    await this.byLogin.delete(login.toLowerCase());
  }
}

/** The limiter for one instance: shared through Redis when there is one, so N instances do not allow N× the tries. */
export function createLoginLimiter(redisUrl: string | undefined, log: FastifyBaseLogger) {
  if (!redisUrl) return { limiter: new LoginLimiter(), close: async () => undefined };
  // No offline queue: while Redis is down the in-memory insurance limiter answers at once.
  const redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on('error', (err: Error) => log.warn({ err: err.message }, 'login limiter: redis error'));
  return { limiter: new LoginLimiter(redis), close: async () => void redis.disconnect() };
}
