import type { User as TelegramUser } from 'grammy/types';
import type { Db } from '../db/client.ts';
import { upsertTelegramFan } from '../auth/users.ts';
import { telegramRecipient } from '../notify/recipients.ts';
import { type Locale, localeOf } from './texts.ts';

export interface Fan {
  recipientId: number;
  locale: Locale;
}

/**
 * A Telegram user writing to the bot in a private chat is a fan: the same account the WebApp sign-in makes, and
 * their chat as a recipient that may be written to. Undefined when the account is not an active fan's.
 */
export async function fanOf(db: Db, from: TelegramUser, chatId: number): Promise<Fan | undefined> {
  const displayName = [from.first_name, from.last_name].filter(Boolean).join(' ') || from.username || `tg${from.id}`;
  const user = await upsertTelegramFan(db, { telegramId: String(from.id), displayName });
  if (!user.active || user.role !== 'fan') return undefined;
  const locale = localeOf(from.language_code);
  const recipientId = await telegramRecipient(db, { userId: user.id, chatId: String(chatId), locale, canWrite: true });
  return { recipientId, locale };
}
