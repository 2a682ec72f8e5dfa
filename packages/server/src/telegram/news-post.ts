import { and, eq } from 'drizzle-orm';
import { type Api, GrammyError, InlineKeyboard } from 'grammy';
import { newsPlainText, newsTelegramHtml, telegramText } from '@touchline/domain';
import type { Db } from '../db/client.ts';
import { news, notifications } from '../db/schema.ts';
import type { DeliveryResult, Outgoing } from '../notify/deliver.ts';

/** Telegram's limit for a message's text, after entities are parsed; a long item is cut to stay well inside it. */
const TEXT_MAX = 4096;
const CUT_AT = 3500;

const NOT_MODIFIED = /message is not modified/i;
/** The post is gone already (a channel admin deleted it): nothing left to edit or delete. */
const POST_GONE = /message to (edit|delete) not found|message_id_invalid|message can't be (edited|deleted)/i;

/** The item as Telegram HTML: the title bold, the body's markup, every piece of text escaped (decision 040). */
export function newsPostHtml(item: { title: string; body: string }): string {
  const full = `<b>${telegramText(item.title)}</b>\n\n${newsTelegramHtml(item.body)}`;
  if (full.length <= TEXT_MAX) return full;
  return `<b>${telegramText(item.title)}</b>\n\n${telegramText(newsPlainText(item.body).slice(0, CUT_AT))}…`;
}

const readLabel = { ru: 'Читать в приложении', en: 'Read in the app' };

/** `news:<id>`, `news:<id>:edit:<version>` or `news:<id>:delete` (news/channel.ts). */
export const isNewsNotice = (key: string) => key.startsWith('news:');

/** Posts, edits or deletes a news item's post in the league channel. */
export async function deliverNews(
  api: Api,
  db: Db,
  publicUrl: string | undefined,
  message: Outgoing,
): Promise<DeliveryResult> {
  const [, id, action] = message.noticeKey.split(':') as [string, string, string | undefined];
  const newsId = Number(id);
  const chatId = message.recipient.chatId!;
  // A link to the item in the app (a url button: web_app ones work in private chats only); none without an address.
  const options = {
    parse_mode: 'HTML' as const,
    link_preview_options: { is_disabled: true },
    ...(publicUrl
      ? { reply_markup: new InlineKeyboard().url(readLabel[message.recipient.locale], `${publicUrl}/news/${newsId}`) }
      : {}),
  };
  const [item] = await db.select({ title: news.title, body: news.body }).from(news).where(eq(news.id, newsId));
  if (action === undefined) {
    if (!item) return { ok: true };
    const sent = await api.sendMessage(chatId, newsPostHtml(item), options);
    return { ok: true, externalId: String(sent.message_id) };
  }
  const [post] = await db
    .select({ status: notifications.status, externalId: notifications.externalId })
    .from(notifications)
    .where(and(eq(notifications.recipientId, message.recipient.id), eq(notifications.noticeKey, `news:${newsId}`)));
  if (!post || post.status === 'cancelled' || post.status === 'failed') return { ok: true };
  // The post is on its way: its message id is not known yet, so try again after it.
  if (post.status === 'pending' || !post.externalId)
    return { ok: false, retry: true, error: 'the post is not out yet' };
  const messageId = Number(post.externalId);
  try {
    if (action === 'delete') await api.deleteMessage(chatId, messageId);
    else if (item) {
      await api.editMessageText(chatId, messageId, newsPostHtml(item), options);
    }
  } catch (err) {
    if (!(err instanceof GrammyError && (NOT_MODIFIED.test(err.description) || POST_GONE.test(err.description)))) {
      throw err;
    }
  }
  return { ok: true, externalId: post.externalId };
}
