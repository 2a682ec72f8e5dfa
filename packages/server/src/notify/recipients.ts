import { and, eq } from 'drizzle-orm';
import { DEFAULT_NOTIFY_KINDS, type FollowTarget, type NotifyKind } from '@touchline/contract';
import type { Db } from '../db/client.ts';
import { follows, notifyRecipients } from '../db/schema.ts';

/** The one recipient of a Telegram fan (their private chat), made on first need; `canWrite` as Telegram last said. */
export async function telegramRecipient(
  db: Db,
  fan: { userId: number; chatId: string; locale?: 'ru' | 'en'; canWrite?: boolean },
): Promise<number> {
  const [row] = await db
    .insert(notifyRecipients)
    .values({
      channel: 'telegram',
      userId: fan.userId,
      chatId: fan.chatId,
      kinds: DEFAULT_NOTIFY_KINDS,
      locale: fan.locale ?? 'ru',
      canWrite: fan.canWrite ?? true,
    })
    .onConflictDoUpdate({
      target: notifyRecipients.userId,
      // The language follows the fan's Telegram as it last said (docs/decisions/036).
      set: {
        chatId: fan.chatId,
        // Unknown here (a first follow without a sign-in's language): the one stored stays.
        ...(fan.locale === undefined ? {} : { locale: fan.locale }),
        ...(fan.canWrite === undefined ? {} : { canWrite: fan.canWrite }),
      },
    })
    .returning({ id: notifyRecipients.id });
  return row!.id;
}

/** Follows a club or a match; following again keeps the first follow's time (a late follower hears no old news). */
export async function follow(db: Db, recipientId: number, target: FollowTarget, targetId: number): Promise<void> {
  await db.insert(follows).values({ recipientId, target, targetId }).onConflictDoNothing();
}

export async function unfollow(db: Db, recipientId: number, target: FollowTarget, targetId: number): Promise<void> {
  await db
    .delete(follows)
    .where(and(eq(follows.recipientId, recipientId), eq(follows.target, target), eq(follows.targetId, targetId)));
}

export async function followsOf(db: Db, recipientId: number): Promise<{ target: FollowTarget; targetId: number }[]> {
  return db
    .select({ target: follows.target, targetId: follows.targetId })
    .from(follows)
    .where(eq(follows.recipientId, recipientId))
    .orderBy(follows.target, follows.targetId);
}

export async function setKinds(db: Db, recipientId: number, kinds: NotifyKind[]): Promise<void> {
  await db.update(notifyRecipients).set({ kinds }).where(eq(notifyRecipients.id, recipientId));
}

export async function setReminder(db: Db, recipientId: number, reminderMinutes: number): Promise<void> {
  await db.update(notifyRecipients).set({ reminderMinutes }).where(eq(notifyRecipients.id, recipientId));
}

/** Stops messages to a recipient (`/stop`, a 403 from Telegram) without forgetting what they follow. */
export async function pauseRecipient(db: Db, recipientId: number, reason: string): Promise<void> {
  await db
    .update(notifyRecipients)
    .set({ pausedAt: new Date(), pauseReason: reason })
    .where(eq(notifyRecipients.id, recipientId));
}

export async function resumeRecipient(db: Db, recipientId: number): Promise<void> {
  await db
    .update(notifyRecipients)
    .set({ pausedAt: null, pauseReason: null })
    .where(eq(notifyRecipients.id, recipientId));
}
