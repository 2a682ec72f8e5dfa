import { eq, sql } from 'drizzle-orm';
import { NOTIFY_KINDS, type TelegramChannel } from '@touchline/contract';
import type { Executor, Tx } from '../db/client.ts';
import { notifyRecipients } from '../db/schema.ts';

/** Serialises writes of the league channel, so there is never more than its one row (docs/decisions/036). */
const CHANNEL_WRITE_LOCK = 727_037;

type Row = typeof notifyRecipients.$inferSelect;

const toChannel = (r: Row): TelegramChannel => ({
  chatId: r.chatId!,
  kinds: NOTIFY_KINDS.filter((k) => r.kinds.includes(k)),
  locale: r.locale,
});

/** The league channel: the one `notify_recipients` row with channel `channel`. */
export async function channelRow(ex: Executor): Promise<Row | undefined> {
  const [row] = await ex.select().from(notifyRecipients).where(eq(notifyRecipients.channel, 'channel'));
  return row;
}

export async function readChannel(ex: Executor): Promise<TelegramChannel | null> {
  const row = await channelRow(ex);
  return row ? toChannel(row) : null;
}

/** Sets the channel, keeping its row (and so its outbox) when only the kinds or the chat change; answers before and after. */
export async function writeChannel(
  tx: Tx,
  channel: TelegramChannel,
): Promise<{ id: number; before: TelegramChannel | null; after: TelegramChannel }> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHANNEL_WRITE_LOCK})`);
  const current = await channelRow(tx);
  const values = {
    chatId: channel.chatId,
    kinds: NOTIFY_KINDS.filter((k) => channel.kinds.includes(k)),
    locale: channel.locale,
  };
  const [row] = current
    ? await tx.update(notifyRecipients).set(values).where(eq(notifyRecipients.id, current.id)).returning()
    : await tx
        .insert(notifyRecipients)
        .values({ channel: 'channel', canWrite: true, ...values })
        .returning();
  return { id: row!.id, before: current ? toChannel(current) : null, after: toChannel(row!) };
}

/** Forgets the channel; its pending posts go with it (the outbox cascades). */
export async function removeChannel(tx: Tx): Promise<{ id: number; before: TelegramChannel } | undefined> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHANNEL_WRITE_LOCK})`);
  const current = await channelRow(tx);
  if (!current) return undefined;
  await tx.delete(notifyRecipients).where(eq(notifyRecipients.id, current.id));
  return { id: current.id, before: toChannel(current) };
}
