import type { Bot } from 'grammy';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, HeldLock } from '../db/client.ts';

/** The advisory lock the polling instance holds: Telegram answers 409 to a second getUpdates of the same bot. */
export const BOT_POLLING_LOCK = 727_036;
/** How often an instance without the lock asks for it again, so polling moves on when the holder goes. */
const RETRY_MS = 10_000;

export interface Polling {
  stop(): Promise<void>;
}

/**
 * Long polling by exactly one instance (docs/decisions/036): whoever holds the lock polls; the others try again
 * every ten seconds. Losing the lock's connection stops polling until the lock is taken again.
 */
export function startPolling(bot: Bot, database: Database, log: FastifyBaseLogger): Polling {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;

  const later = () => {
    if (!stopped) timer = setTimeout(() => (current = attempt()), RETRY_MS);
  };

  const attempt = async (): Promise<void> => {
    let lock: HeldLock | undefined;
    try {
      lock = await database.tryLock(BOT_POLLING_LOCK);
      if (!lock || stopped) return later();
      log.info('telegram: long polling');
      const lost = lock.lost.then(() => {
        log.warn('telegram: polling lock lost');
        return bot.stop();
      });
      await Promise.race([bot.start({ allowed_updates: ['message', 'callback_query'] }), lost]);
    } catch (err) {
      log.error({ err }, 'telegram: long polling failed');
    } finally {
      await lock?.release();
    }
    later();
  };

  current = attempt();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      if (bot.isRunning()) await bot.stop().catch(() => undefined);
      await current;
    },
  };
}
