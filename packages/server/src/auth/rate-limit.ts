import { Redis } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

const WINDOW_SECONDS = 15 * 60;
/** Tries one address may have checked in the window, whatever the logins: the ceiling against credential stuffing. */
const TRIES_PER_ADDRESS = 30;
/** Failures one address may have against one login in the window; that pair alone is then refused. */
const FAILURES_PER_PAIR = 10;
/** Failures a login may have from all addresses together before each further try has to wait. */
const FREE_FAILURES_PER_LOGIN = 10;
/** How long a login's failures are remembered. */
const LOGIN_MEMORY_SECONDS = 60 * 60;
/** The longest wait: past the free failures, one checked guess a minute per login; no stranger holds it longer. */
const MAX_WAIT_SECONDS = 60;

/** The wait after the n-th try past the free failures: 1, 2, 4 … 60 s. */
const waitAfter = (n: number) => Math.min(2 ** (n - 1), MAX_WAIT_SECONDS);

/** Which budget refused: the address's, the login and address together, or the login's wait. */
type Limit = 'address' | 'pair' | 'login';
export type Admission = { admitted: true } | { admitted: false; retryAfter: number; limit: Limit };

const refused = (limit: Limit, res: RateLimiterRes): Admission => ({
  admitted: false,
  limit,
  retryAfter: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
});

/** Answers the refusal, if `limiter` refuses the key; any other failure is thrown. */
async function spent(limiter: RateLimiterAbstract, key: string, seconds?: number) {
  try {
    await limiter.consume(key, 1, seconds === undefined ? {} : { customDuration: seconds });
    return undefined;
  } catch (err) {
    if (err instanceof RateLimiterRes) return err;
    throw err;
  }
}

/**
 * Sign-in limits after OWASP's advice against both credential stuffing and lockout as a denial of service
 * (docs/decisions/029): a ceiling per address, a hard limit per login and address together, and per login alone a
 * growing wait rather than a lock. Shared through Redis when there is one. A try is taken before the password is
 * checked, so concurrent guesses cannot all pass a check made before any was counted; a refused try is given back,
 * and a success gives the address its try back and clears the login's failures.
 */
export class LoginLimiter {
  private readonly byAddress: RateLimiterAbstract;
  private readonly byPair: RateLimiterAbstract;
  private readonly failures: RateLimiterAbstract;
  private readonly wait: RateLimiterAbstract;

  constructor(redis?: Redis) {
    const make = (points: number, duration: number, keyPrefix: string) =>
      redis
        ? new RateLimiterRedis({
            storeClient: redis,
            points,
            duration,
            keyPrefix,
            insuranceLimiter: new RateLimiterMemory({ points, duration, keyPrefix }),
          })
        : new RateLimiterMemory({ points, duration, keyPrefix });
    this.byAddress = make(TRIES_PER_ADDRESS, WINDOW_SECONDS, 'tl:login:ip');
    this.byPair = make(FAILURES_PER_PAIR, WINDOW_SECONDS, 'tl:login:pair');
    this.failures = make(FREE_FAILURES_PER_LOGIN, LOGIN_MEMORY_SECONDS, 'tl:login:fails');
    // One try at a time, for as long as the wait its turn set (each consume names its own duration).
    this.wait = make(1, MAX_WAIT_SECONDS, 'tl:login:wait');
  }

  async take(login: string, address: string): Promise<Admission> {
    const user = login.toLowerCase();
    // An address has no spaces, so no two (address, login) pairs share a key.
    const pair = `${address} ${user}`;
    const overAddress = await spent(this.byAddress, address);
    if (overAddress) return refused('address', overAddress);
    const overPair = await spent(this.byPair, pair);
    if (overPair) {
      await this.byAddress.reward(address, 1);
      return refused('pair', overPair);
    }
    const { consumedPoints } = await this.failures.penalty(user, 1);
    if (consumedPoints <= FREE_FAILURES_PER_LOGIN) return { admitted: true };
    const waiting = await spent(this.wait, user, waitAfter(consumedPoints - FREE_FAILURES_PER_LOGIN));
    if (!waiting) return { admitted: true };
    await Promise.all([this.failures.reward(user, 1), this.byPair.reward(pair, 1), this.byAddress.reward(address, 1)]);
    return refused('login', waiting);
  }

  /** The right password: its typos are forgiven, the login waits no more, the address gets its try back. */
  async succeed(login: string, address: string): Promise<void> {
    const user = login.toLowerCase();
    await Promise.all([
      this.failures.delete(user),
      this.wait.delete(user),
      this.byPair.delete(`${address} ${user}`),
      this.byAddress.reward(address, 1),
    ]);
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
