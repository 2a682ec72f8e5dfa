import { z } from 'zod';
import { NotifyKind } from './notify.ts';

/** A channel's numeric id (`-100…`) or its public @username, as the Bot API takes them. */
export const TelegramChatId = z.string().regex(/^(-100\d{5,16}|@[A-Za-z][A-Za-z0-9_]{3,31})$/);

/** The league's Telegram channel (docs/protocol.md §7): the bot posts there what `kinds` name. */
export const TelegramChannel = z
  .object({
    chatId: TelegramChatId,
    kinds: z.array(NotifyKind).max(20),
    locale: z.enum(['ru', 'en']).default('ru'),
  })
  .strict();
export type TelegramChannel = z.infer<typeof TelegramChannel>;
export type TelegramChannelBody = z.input<typeof TelegramChannel>;

export const TelegramChannelAnswer = z.object({ channel: TelegramChannel.nullable() });
export type TelegramChannelAnswer = z.infer<typeof TelegramChannelAnswer>;
