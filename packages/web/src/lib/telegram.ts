import type { Api } from './api.ts';
import { useSession } from './session.ts';

interface TelegramWebApp {
  initData: string;
  themeParams?: Record<string, string | undefined>;
  ready(): void;
  expand(): void;
}

/** Telegram theme keys mapped onto the app's CSS variables. */
const THEME: Record<string, string> = {
  bg_color: '--bg',
  secondary_bg_color: '--surface',
  text_color: '--fg',
  hint_color: '--muted',
  link_color: '--link',
  button_color: '--accent',
  button_text_color: '--accent-fg',
};

/** The WebApp object when the page runs inside Telegram; the SDK script is not loaded by us. */
export function telegramWebApp(): TelegramWebApp | undefined {
  const tg = (globalThis as { Telegram?: { WebApp?: TelegramWebApp } }).Telegram?.WebApp;
  return tg?.initData ? tg : undefined;
}

/** Inside Telegram: take its theme, fill the screen, and sign the fan in silently. */
export async function startTelegram(api: Api) {
  const tg = telegramWebApp();
  if (!tg) return;
  for (const [key, variable] of Object.entries(THEME)) {
    const value = tg.themeParams?.[key];
    if (value) document.documentElement.style.setProperty(variable, value);
  }
  tg.ready();
  tg.expand();
  if (useSession.getState().token) return;
  try {
    useSession.getState().signIn(await api.telegram(tg.initData), false);
  } catch {
    // A refused initData leaves the fan anonymous; every public screen works without an account.
  }
}
