import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { type App, appAndBrowser, newPage, screenshot } from './harness.ts';
import { TELEGRAM_FAN_ENV, installTelegram, signedInitData, openInTelegram as launch } from './telegram-fan.ts';

const within = (ms: number) => ({ timeout: ms, interval: 25 });
/** A dark theme far from the app's own light one, so a colour can only match if it came from here. */
const THEME = {
  bg_color: '#10233a',
  secondary_bg_color: '#2b1740',
  text_color: '#f4e9c8',
  hint_color: '#8fa8c2',
  link_color: '#ffb347',
  button_color: '#e4572e',
  button_text_color: '#fffaf0',
};

const rgb = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
};

const openInTelegram = (browser: Browser, app: App, initData: string) => launch(browser, app, initData, THEME);

const colours = (page: Page) =>
  page.evaluate(() => {
    const body = getComputedStyle(document.body);
    const card = getComputedStyle(document.querySelector('[data-testid="match-card"]')!);
    return { background: body.backgroundColor, text: body.color, card: card.backgroundColor };
  });
const telegramCalls = (page: Page) =>
  page.evaluate(() => (window as unknown as { telegramCalls: string[] }).telegramCalls);
const storedSession = (page: Page) =>
  page.evaluate(() => JSON.parse(sessionStorage.getItem('touchline.session') ?? 'null') as { token: string } | null);
const signInLink = (page: Page) => page.getByRole('link', { name: /войти|sign in/i });

describe('Telegram WebApp in Chromium', () => {
  let app: App;
  let browser: Browser;
  appAndBrowser((started) => ({ app, browser } = started), {
    env: TELEGRAM_FAN_ENV,
  });

  it('signs the fan in silently, takes the theme, and tells Telegram it is ready and expanded', async () => {
    const { context, page, answer } = await openInTelegram(browser, app, signedInitData());
    expect(answer.status()).toBe(200);
    await page.getByTestId('match-card').first().waitFor();
    // A fan has no sign-in link and nothing to sign out of: the header simply stops offering it.
    await expect.poll(() => signInLink(page).count(), within(5000)).toBe(0);
    const session = await storedSession(page);
    const me = await app.api('GET', '/api/auth/me', undefined, session!.token);
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ role: 'fan', displayName: 'Olga Tribune' });
    expect(await colours(page)).toEqual({
      background: rgb(THEME.bg_color),
      text: rgb(THEME.text_color),
      card: rgb(THEME.secondary_bg_color),
    });
    expect(await telegramCalls(page)).toEqual(['ready', 'expand']);
    await screenshot(page, 'telegram-today-phone');
    await context.close();
  });

  it('stays anonymous and usable when the server refuses tampered initData', async () => {
    const tampered = signedInitData().replace('Olga', 'Olgb');
    const { context, page, answer } = await openInTelegram(browser, app, tampered);
    expect(answer.status()).toBe(401);
    expect((await answer.json()).error.code).toBe('invalid_init_data');
    await page.getByTestId('match-card').first().waitFor();
    expect(await page.getByTestId('match-card').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByRole('alert').count()).toBe(0);
    await expect(signInLink(page).isVisible()).resolves.toBe(true);
    expect(await storedSession(page)).toBeNull();
    expect((await colours(page)).background).toBe(rgb(THEME.bg_color));
    expect(await telegramCalls(page)).toEqual(['ready', 'expand']);
    await screenshot(page, 'telegram-refused-today-phone');
    await context.close();
  });

  it('makes no Telegram sign-in outside Telegram, nor when the WebApp script runs without initData', async () => {
    for (const initData of [undefined, '']) {
      const { context, page } = await newPage(browser, 'phone');
      if (initData !== undefined) {
        await context.addInitScript(installTelegram, { initData, themeParams: THEME, viewportHeight: 740 });
      }
      const telegramRequests: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/api/auth/telegram')) telegramRequests.push(r.url());
      });
      await page.goto(`${app.url}/`);
      // startTelegram runs before the first render, so by the time matches show it has had its chance.
      await page.getByTestId('match-card').first().waitFor();
      expect(telegramRequests).toEqual([]);
      expect((await colours(page)).background).not.toBe(rgb(THEME.bg_color));
      await expect(signInLink(page).isVisible()).resolves.toBe(true);
      await context.close();
    }
  });

  it('loads Telegram’s own script when Telegram launched the page, and follows a theme change', async () => {
    const { context, page } = await newPage(browser, 'phone');
    const sdkRequests: string[] = [];
    // Stands in for telegram.org: like the real script, it builds WebApp from the launch parameters in the hash.
    await page.route('https://telegram.org/js/telegram-web-app.js', async (route) => {
      sdkRequests.push(route.request().url());
      await route.fulfill({ contentType: 'application/javascript', body: `(${sdkStub.toString()})();` });
    });
    const launch = new URLSearchParams({
      tgWebAppData: signedInitData(),
      tgWebAppVersion: '8.0',
      tgWebAppPlatform: 'android',
      tgWebAppThemeParams: JSON.stringify(THEME),
    });
    const answer = page.waitForResponse((r) => r.url() === `${app.url}/api/auth/telegram`);
    await page.goto(`${app.url}/#${launch}`);
    expect((await answer).status()).toBe(200);
    expect(sdkRequests).toHaveLength(1);
    await page.getByTestId('match-card').first().waitFor();
    await expect.poll(() => signInLink(page).count(), within(5000)).toBe(0);
    expect((await colours(page)).background).toBe(rgb(THEME.bg_color));
    expect(await telegramCalls(page)).toEqual(['ready', 'expand']);
    await page.evaluate(() => (window as unknown as { switchTheme: (bg: string) => void }).switchTheme('#fafafa'));
    await expect.poll(async () => (await colours(page)).background, within(5000)).toBe(rgb('#fafafa'));
    await context.close();
  });
});

/** Runs in the page in place of telegram-web-app.js. */
function sdkStub() {
  const params = new URLSearchParams(location.hash.slice(1));
  const calls: string[] = [];
  const handlers: (() => void)[] = [];
  const webApp = {
    initData: params.get('tgWebAppData') ?? '',
    themeParams: JSON.parse(params.get('tgWebAppThemeParams') ?? '{}') as Record<string, string>,
    colorScheme: 'dark',
    ready: () => void calls.push('ready'),
    expand: () => void calls.push('expand'),
    onEvent: (_event: string, handler: () => void) => void handlers.push(handler),
  };
  const switchTheme = (bg: string) => {
    webApp.themeParams = { ...webApp.themeParams, bg_color: bg };
    webApp.colorScheme = 'light';
    for (const h of handlers) h();
  };
  Object.assign(window, { Telegram: { WebApp: webApp }, telegramCalls: calls, switchTheme });
}
