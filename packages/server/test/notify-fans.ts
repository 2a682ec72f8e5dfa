import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FollowTarget } from '@touchline/contract';
import type { Db } from '../src/db/client.ts';
import { rawRows } from '../src/db/raw.ts';
import { users } from '../src/db/schema.ts';
import { follow, telegramRecipient } from '../src/notify/recipients.ts';

/** A Telegram fan (as the WebApp sign-in makes one) following `target`; returns their chat id and recipient id. */
export async function telegramFan(db: Db, target: FollowTarget, targetId: string, locale: 'ru' | 'en' = 'en') {
  const chatId = String(randomInt(1_000_000, 2_000_000_000));
  const [user] = await db
    .insert(users)
    .values({ login: `tg:${chatId}`, displayName: `Fan ${chatId}`, role: 'fan', telegramId: chatId })
    .returning({ id: users.id });
  const recipientId = await telegramRecipient(db, { userId: user!.id, chatId, locale });
  await follow(db, recipientId, target, Number(targetId));
  return { chatId, recipientId };
}

/** The outbox rows of one recipient, oldest first. */
export const outboxOf = (db: Db, recipientId: number) =>
  rawRows<{ status: string; kind: string; attempts: number; error: string | null }>(
    db,
    sql`select status, kind, attempts, error from notifications where recipient_id = ${recipientId} order by id`,
  );
