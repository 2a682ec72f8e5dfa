import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TelegramChannel, TelegramChannelAnswer } from '@touchline/contract';
import { readChannel, removeChannel, writeChannel } from '../telegram/channel-store.ts';
import { adminWrite, found } from './write.ts';

const tags = ['admin'];

/** The league's Telegram channel (docs/protocol.md §7): where the bot posts the league's matches. */
export const telegramChannelRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/telegram/channel', { schema: { tags, response: { 200: TelegramChannelAnswer } } }, async () => ({
    channel: await readChannel(app.db),
  }));

  app.put(
    '/telegram/channel',
    { schema: { body: TelegramChannel, tags, response: { 200: TelegramChannelAnswer } } },
    async (req) =>
      adminWrite(req, async (w) => {
        const { id, before, after } = await writeChannel(w.tx, req.body);
        await w.audit({
          action: before ? 'update' : 'create',
          entity: 'telegram_channel',
          entityId: id,
          before,
          after,
        });
        return { channel: after };
      }),
  );

  app.delete('/telegram/channel', { schema: { tags, response: { 200: TelegramChannelAnswer } } }, async (req) =>
    adminWrite(req, async (w) => {
      const { id, before } = found(await removeChannel(w.tx), 'channel');
      await w.audit({ action: 'delete', entity: 'telegram_channel', entityId: id, before });
      return { channel: null };
    }),
  );
};
