import { createHash, timingSafeEqual } from 'node:crypto';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../http/errors.ts';

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** Compared as digests, so neither a wrong length nor a wrong byte answers sooner. */
function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Telegram's update: only its id is checked here; grammy reads the rest and ignores what it does not know. */
const UpdateBody = z.looseObject({ update_id: z.number().int().nonnegative() });

/**
 * `POST /api/telegram/webhook` (docs/protocol.md §8): always registered; without a configured secret, or without the
 * right one in X-Telegram-Bot-Api-Secret-Token, it is 401 before the body is read.
 */
export const webhookRoutes: FastifyPluginAsyncZod<{ bot: Bot | undefined; secret: string | undefined }> = async (
  app,
  { bot, secret },
) => {
  let init: Promise<void> | undefined;
  app.post(
    '/telegram/webhook',
    {
      schema: { body: UpdateBody, tags: ['telegram'], response: { 200: z.object({ ok: z.literal(true) }) } },
      onRequest: async (req) => {
        if (!bot || !secret || !sameSecret(req.headers[SECRET_HEADER], secret)) {
          throw new ApiError('unauthorized', 'Not Telegram, or the webhook is not configured');
        }
      },
    },
    async (req) => {
      init ??= bot!.init().catch((err: unknown) => {
        init = undefined;
        throw err;
      });
      await init;
      await bot!.handleUpdate(req.body as unknown as Update);
      return { ok: true as const };
    },
  );
};
