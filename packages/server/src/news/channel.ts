import { and, eq, like, or, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { notifications } from '../db/schema.ts';
import { channelRow } from '../telegram/channel-store.ts';

/**
 * A news item's league channel posts through the notifications outbox (decisions 034, 040): one row `news:<id>` makes
 * the post, `news:<id>:edit:<version>` edits it, `news:<id>:delete` takes it back. The deliverer reads the item at
 * send time, so the outbox never holds its text. Written in the item's own transaction: committed together or not at all.
 */
export const postKey = (newsId: number) => `news:${newsId}`;

type Action = { kind: 'post' } | { kind: 'edit'; version: number } | { kind: 'delete' };

async function queue(tx: Tx, recipientId: number, key: string, kind: string, newsId: number) {
  await tx
    .insert(notifications)
    .values({ recipientId, channel: 'channel', noticeKey: key, kind, payload: { newsId }, committedAt: new Date() })
    .onConflictDoNothing();
}

export async function queueChannelPost(tx: Tx, newsId: number, action: Action): Promise<void> {
  const channel = await channelRow(tx);
  if (!channel) return;
  const [post] = await tx
    .select({ status: notifications.status, claimedUntil: notifications.claimedUntil })
    .from(notifications)
    .where(and(eq(notifications.recipientId, channel.id), eq(notifications.noticeKey, postKey(newsId))));
  const made = post && (post.status === 'sent' || post.claimedUntil !== null);
  if (action.kind === 'post' || (action.kind === 'edit' && !post)) {
    await queue(tx, channel.id, postKey(newsId), 'news', newsId);
  } else if (action.kind === 'edit' && made) {
    // A post still waiting is written from the item as it is at send time: only a post already out needs an edit.
    await queue(tx, channel.id, `${postKey(newsId)}:edit:${action.version}`, 'news_edit', newsId);
  } else if (action.kind === 'delete') {
    await tx
      .update(notifications)
      .set({ status: 'cancelled' })
      .where(
        and(
          eq(notifications.recipientId, channel.id),
          or(eq(notifications.noticeKey, postKey(newsId)), like(notifications.noticeKey, `${postKey(newsId)}:%`)),
          eq(notifications.status, 'pending'),
          sql`${notifications.claimedUntil} is null`,
        ),
      );
    if (made) await queue(tx, channel.id, `${postKey(newsId)}:delete`, 'news_delete', newsId);
  }
}
