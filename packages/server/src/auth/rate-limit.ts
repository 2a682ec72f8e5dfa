import { Redis } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

const WINDOW_SECONDS = 15 * 60;
export const FAILURES_PER_LOGIN = 10;
export const FAILURES_PER_ADDRESS = 30;

/**
 * Counts sign-in tries per login and per address, shared through Redis when there is one. A try is taken before
 * the password is checked, so concurrent guesses cannot all pass a check made before any was counted; a
 * successful sign-in gives its try back.
 */
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

  /**
   * Takes one try from each budget (each an atomic increment). False when either is spent; the other then gets
   * its try back.
   */
  async take(login: string, address: string): Promise<boolean> {
    const key = login.toLowerCase();
    const [l, a] = await Promise.allSettled([this.byLogin.consume(key), this.byAddress.consume(address)]);
    for (const r of [l, a]) {
      if (r.status === 'rejected' && !(r.reason instanceof RateLimiterRes)) throw r.reason;
    }
    if (l.status === 'fulfilled' && a.status === 'fulfilled') return true;
    if (l.status === 'fulfilled') await this.byLogin.reward(key, 1);
    if (a.status === 'fulfilled') await this.byAddress.reward(address, 1);
    return false;
  }

  /** The right password: the login's failures are forgiven and the address gets its try back. */
  async succeed(login: string, address: string): Promise<void> {
    await Promise.all([this.byLogin.delete(login.toLowerCase()), this.byAddress.reward(address, 1)]);
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
