import { InlineKeyboard } from 'grammy';

/**
 * A button that opens a match: in a private chat inside the Telegram WebApp, in a channel as a plain link (Telegram
 * allows web_app buttons in private chats only). No public address configured, no button.
 */
export function matchButton(
  publicUrl: string | undefined,
  matchId: number | string,
  label: string,
  kind: 'web_app' | 'url',
): InlineKeyboard | undefined {
  if (!publicUrl) return undefined;
  const url = `${publicUrl}/matches/${matchId}`;
  return kind === 'web_app' ? new InlineKeyboard().webApp(label, url) : new InlineKeyboard().url(label, url);
}
