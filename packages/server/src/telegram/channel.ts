import { and, asc, eq, ne } from 'drizzle-orm';
import { Api, GrammyError } from 'grammy';
import type { Db } from '../db/client.ts';
import { notifications } from '../db/schema.ts';
import type { Deliverer, DeliveryResult, Notice, Outgoing } from '../notify/deliver.ts';
import { lineupsPost, matchPost, reminderPost, resultPost } from './channel-post.ts';
import { telegramFailure } from './failure.ts';
import { matchButton } from './match-button.ts';
import { deliverNews, isNewsNotice } from './news-post.ts';

export interface ChannelDeps {
  db: Db;
  token: string;
  apiRoot: string;
  publicUrl: string | undefined;
}

/** News that updates the match post rather than making a post of its own. */
const EDITS = ['goal', 'red_card', 'half_time', 'correction'];

const openLabel = { ru: 'Открыть матч', en: 'Open the match' };

/** Telegram's answer when an edit would leave the post as it is: the post already says it. */
const NOT_MODIFIED = /message is not modified/i;
/** The post to edit is gone (deleted by a channel admin, or the channel changed): a new post replaces it. */
const POST_GONE = /message to edit not found|message_id_invalid|message can't be edited/i;

/**
 * The league channel's deliverer (docs/decisions/036): kick-off makes the match post, later goals, red cards and
 * half-time edit it in place (`editExternalId`), full time and lineups are posts of their own, so a busy matchday
 * stays within the channel's 20 posts a minute. Buttons are `url` ones: web_app buttons work in private chats only.
 */
export function channelDeliverer(deps: ChannelDeps): Deliverer {
  const api = new Api(deps.token, { apiRoot: deps.apiRoot });

  const told = async (message: Outgoing): Promise<Notice[]> => {
    const rows = await deps.db
      .select({ payload: notifications.payload })
      .from(notifications)
      .where(
        and(
          eq(notifications.recipientId, message.recipient.id),
          eq(notifications.matchId, Number(message.notice.matchId)),
          eq(notifications.status, 'sent'),
          ne(notifications.id, message.id),
        ),
      )
      .orderBy(asc(notifications.id));
    return rows.map((r) => r.payload as Notice);
  };

  const deliver = async (message: Outgoing): Promise<DeliveryResult> => {
    if (isNewsNotice(message.noticeKey)) return deliverNews(api, deps.db, deps.publicUrl, message);
    const { notice, recipient } = message;
    const locale = recipient.locale;
    const chatId = recipient.chatId!;
    const button = matchButton(deps.publicUrl, notice.matchId, openLabel[locale], 'url');
    const options = button ? { reply_markup: button } : {};
    const post = async (text: string) => String((await api.sendMessage(chatId, text, options)).message_id);
    const items = notice.items.filter((i) => i.kind === 'correction' || recipient.kinds.includes(i.kind));
    const has = (kind: string) => items.some((i) => i.kind === kind);

    let externalId: string | undefined;
    for (const item of items) {
      if (item.kind === 'lineups') externalId = await post(lineupsPost(notice, locale));
      if (item.kind === 'reminder') externalId = await post(reminderPost(notice, item.minutesBefore, locale));
    }
    const current = async () => matchPost(await told(message), { ...notice, items }, locale);
    if (has('kickoff')) {
      externalId = await post(matchPost([], { ...notice, items }, locale));
    } else if (message.editExternalId && [...EDITS, 'full_time'].some(has)) {
      // At full time too, so the match post stops saying "live"; the same edit again on a retry is "not modified".
      externalId = await edit(message.editExternalId, await current());
    } else if (EDITS.some(has)) {
      // No match post to edit (the channel was set mid-match): the match's state as a post of its own.
      externalId = await post(await current());
    }
    const fullTime = items.find((i) => i.kind === 'full_time');
    if (fullTime) externalId = await post(resultPost(notice, fullTime.scorers, locale));
    return externalId ? { ok: true, externalId } : { ok: true };

    async function edit(messageId: string, text: string): Promise<string> {
      try {
        await api.editMessageText(chatId, Number(messageId), text, options);
        return messageId;
      } catch (err) {
        if (err instanceof GrammyError && NOT_MODIFIED.test(err.description)) return messageId;
        if (err instanceof GrammyError && POST_GONE.test(err.description)) return post(text);
        throw err;
      }
    }
  };

  return {
    channel: 'channel',
    deliver: (message) => deliver(message).catch(telegramFailure),
  };
}
