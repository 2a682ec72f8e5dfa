import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** Telegram's limits (docs/decisions/034): about 30 messages a second overall, one a second per chat. */
export interface SendBudget {
  /** 0 when a message to `chat` may go now, otherwise the milliseconds to wait. */
  take(chat: string): Promise<number>;
  /** Telegram answered 429: nobody sends for `seconds`. */
  pause(seconds: number): Promise<void>;
}

const ALL = 'all';

async function wait(limiter: RateLimiterAbstract, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (err) {
    if (err instanceof RateLimiterRes) return Math.max(1, err.msBeforeNext);
    throw err;
  }
}

/** Shared by every instance through Redis when there is one (no more than the limit in all), else this process's. */
export function telegramBudget(perSecond: number, redis?: Redis): SendBudget {
  const make = (points: number, keyPrefix: string) =>
    redis
      ? new RateLimiterRedis({
          storeClient: redis,
          points,
          duration: 1,
          keyPrefix,
          insuranceLimiter: new RateLimiterMemory({ points, duration: 1, keyPrefix }),
        })
      : new RateLimiterMemory({ points, duration: 1, keyPrefix });
  const overall = make(perSecond, 'tl:tg:all');
  const perChat = make(1, 'tl:tg:chat');
  return {
    async take(chat) {
      return (await wait(perChat, chat)) || wait(overall, ALL);
    },
    async pause(seconds) {
      await overall.block(ALL, seconds);
    },
  };
}
