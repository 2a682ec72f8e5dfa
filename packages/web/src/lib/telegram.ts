import type { Api } from './api.ts';
import { useSession } from './session.ts';

interface TelegramWebApp {
  initData: string;
  colorScheme?: 'light' | 'dark';
  themeParams?: Record<string, string | undefined>;
  ready(): void;
  expand(): void;
  onEvent?(event: 'themeChanged', handler: () => void): void;
  /** Bot API 6.9+: asks the fan to let the bot write to them; older clients lack it. */
  requestWriteAccess?(callback: (granted: boolean) => void): void;
}

/** Telegram's own Mini App script: it reads the launch parameters and talks to the Telegram client. */
const SDK_URL = 'https://telegram.org/js/telegram-web-app.js';
const SDK_TIMEOUT_MS = 5000;

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

const webAppObject = () => (globalThis as { Telegram?: { WebApp?: TelegramWebApp } }).Telegram?.WebApp;

/** Telegram opens a Mini App with its launch parameters (tgWebAppData, tgWebAppVersion, …) in the URL hash. */
const launchedFromTelegram = (hash: string) => /[#&]tgWebApp[A-Za-z]*=/.test(hash);

/**
 * Loads Telegram's script only when Telegram launched the page, so nobody else fetches anything from telegram.org.
 * A failed or slow load leaves the app as it is outside Telegram.
 */
function loadSdk(): Promise<void> {
  return new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = SDK_URL;
    script.async = true;
    const timer = setTimeout(resolve, SDK_TIMEOUT_MS);
    script.onload = script.onerror = () => {
      clearTimeout(timer);
      resolve();
    };
    document.head.append(script);
  });
}

/** The WebApp object when the page runs inside Telegram with a signed user. */
function telegramWebApp(): TelegramWebApp | undefined {
  const tg = webAppObject();
  return tg?.initData ? tg : undefined;
}

function applyTheme(tg: TelegramWebApp) {
  const root = document.documentElement;
  for (const [key, variable] of Object.entries(THEME)) {
    const value = tg.themeParams?.[key];
    if (value) root.style.setProperty(variable, value);
  }
  if (tg.colorScheme) root.style.colorScheme = tg.colorScheme;
}

/** Inside Telegram: take its theme (and follow it), fill the screen, and sign the fan in silently. */
export async function startTelegram(api: Api) {
  if (!webAppObject() && launchedFromTelegram(location.hash)) await loadSdk();
  const tg = telegramWebApp();
  if (!tg) return;
  applyTheme(tg);
  tg.onEvent?.('themeChanged', () => applyTheme(tg));
  tg.ready();
  tg.expand();
  if (useSession.getState().token) return;
  try {
    useSession.getState().signIn(await api.telegram(tg.initData), false);
  } catch {
    // A refused initData leaves the fan anonymous; every public screen works without an account.
  }
}

/**
 * Asks the fan, once, to let the bot write to them (decision 035). A grant reaches the server through the bot
 * (Telegram sends it `write_access_allowed`) and through allows_write_to_pm at the next sign-in, not from here.
 */
export function askWriteAccess(): Promise<void> {
  const tg = telegramWebApp();
  if (!tg?.requestWriteAccess) return Promise.resolve();
  return new Promise((resolve) => tg.requestWriteAccess!(() => resolve()));
}
