import { sign } from '@telegram-apps/init-data-node';
import type { Browser } from 'playwright-core';
import { type App, newPage } from './harness.ts';

/** The bot token an app started with `TELEGRAM_FAN_ENV` signs fans in with. */
export const BOT_TOKEN = '123456:TEST-bot-token-for-touchline-e2e';
export const TELEGRAM_FAN_ENV = { TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET: 'e2e-webhook-secret' };

export interface TelegramUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
}

export const FAN: TelegramUser = { id: 777001, first_name: 'Olga', last_name: 'Tribune', username: 'olga_tribune' };

export interface FakeWebApp {
  initData: string;
  themeParams: Record<string, string>;
  viewportHeight: number;
}

/** Stands in for telegram-web-app.js before the app's scripts run; records the calls made on it. */
export function installTelegram(webApp: FakeWebApp) {
  const calls: string[] = [];
  const tg = {
    ...webApp,
    ready: () => void calls.push('ready'),
    expand: () => void calls.push('expand'),
  };
  Object.assign(window, { Telegram: { WebApp: tg }, telegramCalls: calls });
}

/** initData as Telegram would sign it for this user, now. */
export const signedInitData = (user: TelegramUser = FAN) => sign({ user, query_id: 'AAHe2e' }, BOT_TOKEN, new Date());

/** Opens the app at `path` as Telegram would launch it for a fan; answers the page and the sign-in response. */
export async function openInTelegram(
  browser: Browser,
  app: App,
  initData: string,
  themeParams: Record<string, string> = {},
  path = '/',
) {
  const { context, page } = await newPage(browser, 'phone');
  await context.addInitScript(installTelegram, { initData, themeParams, viewportHeight: 740 });
  const answer = page.waitForResponse(
    (r) => r.url() === `${app.url}/api/auth/telegram` && r.request().method() === 'POST',
  );
  await page.goto(`${app.url}${path}`);
  return { context, page, answer: await answer };
}
