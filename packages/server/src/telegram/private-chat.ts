import { Api } from 'grammy';
import type { Deliverer } from '../notify/deliver.ts';
import { renderNotice } from '../notify/text.ts';
import { telegramFailure } from './failure.ts';

const OPEN_MATCH = { ru: 'Открыть матч', en: 'Open the match' };
/** Longer than this, a call counts as failed and is tried again; well inside the sender's lease. */
const TIMEOUT_SECONDS = 10;

/**
 * Fans' private chats with the bot (docs/decisions/034). Plain text, so names are never read as markup; a button
 * opens the match in the Telegram WebApp when the public address is known.
 */
export function privateChatDeliverer(opts: {
  token: string;
  apiRoot: string;
  publicUrl: string | undefined;
}): Deliverer {
  const api = new Api(opts.token, { apiRoot: opts.apiRoot, timeoutSeconds: TIMEOUT_SECONDS });
  return {
    channel: 'telegram',
    async deliver({ recipient, notice }) {
      const text = renderNotice(notice, recipient.locale, recipient.kinds);
      // Nothing the fan chose is left (they changed their kinds since): done, with nothing to say.
      if (!text || !recipient.chatId) return { ok: true };
      const button = opts.publicUrl
        ? {
            reply_markup: {
              inline_keyboard: [
                [
                  {
                    text: OPEN_MATCH[recipient.locale],
                    web_app: { url: `${opts.publicUrl}/matches/${notice.matchId}` },
                  },
                ],
              ],
            },
          }
        : {};
      try {
        const sent = await api.sendMessage(recipient.chatId, [text.title, ...text.lines].join('\n'), {
          link_preview_options: { is_disabled: true },
          ...button,
        });
        return { ok: true, externalId: String(sent.message_id) };
      } catch (err) {
        return telegramFailure(err);
      }
    },
  };
}
