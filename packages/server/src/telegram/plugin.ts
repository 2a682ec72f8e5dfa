import type { FastifyPluginAsync } from 'fastify';
import { createBot } from './bot.ts';
import { type Polling, startPolling } from './polling.ts';
import { webhookRoutes } from './webhook.ts';

/**
 * The fans' bot with the app (docs/decisions/036): no token, no bot; a webhook secret, updates by webhook; otherwise
 * long polling from the one instance holding the lock, stopped on close.
 */
export const telegramPlugin: FastifyPluginAsync = async (app) => {
  const { telegramBotToken: token, telegramApiRoot: apiRoot, telegramWebhookSecret: secret, publicUrl } = app.config;
  const bot = token ? createBot({ db: app.db, token, apiRoot, publicUrl }) : undefined;
  bot?.catch((err) => app.log.error({ err: err.error, update: err.ctx.update.update_id }, 'telegram: update failed'));
  await app.register(webhookRoutes, { bot, secret });
  if (!bot || secret) return;
  let polling: Polling | undefined;
  app.addHook('onReady', async () => {
    polling = startPolling(bot, app.database, app.log);
  });
  app.addHook('onClose', async () => {
    await polling?.stop();
  });
};
