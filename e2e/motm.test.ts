import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { MotmAnswer } from '@touchline/contract';
import { axeViolations } from './axe.ts';
import {
  ADMIN,
  type App,
  appAndBrowser,
  cspViolations,
  newPage,
  screenshot,
  signInPage,
  viewports,
} from './harness.ts';
import { driver, snapshot, today } from './matches.ts';
import { FAN, openInTelegram, signedInitData, TELEGRAM_FAN_ENV } from './telegram-fan.ts';

const within = (ms: number) => ({ timeout: ms, interval: 50 });
const YOUTUBE_ID = 'dQw4w9WgXcQ';

describe('player of the match and the stream link in Chromium', () => {
  let app: App;
  let browser: Browser;
  let matchId: string;
  appAndBrowser(
    async (started) => {
      ({ app, browser } = started);
      const operator = await app.createStaff('operator');
      matchId = (await today(app)).league[0]!.id;
      const put = await app.api(
        'PUT',
        `/api/matches/${matchId}/stream`,
        { streamUrl: `https://www.youtube.com/watch?v=${YOUTUBE_ID}` },
        operator.token,
      );
      expect(put.status).toBe(200);
      const match = driver(app, operator.token, matchId);
      await match.state({ status: 'live' });
      await match.state({ period: 'half_time' });
      await match.state({ period: 'second_half' });
      await match.state({ status: 'finished' });
    },
    { env: TELEGRAM_FAN_ENV },
  );

  /** A second fan, signed in through the API, who votes from another phone. */
  async function otherFanVotes(playerId: string) {
    const initData = signedInitData({ id: 777002, first_name: 'Ivan' });
    const { token } = (await app.api('POST', '/api/auth/telegram', { initData })).body as { token: string };
    const res = await app.api('POST', `/api/matches/${matchId}/motm-vote`, { playerId }, token);
    expect(res.status).toBe(201);
    return res.body as MotmAnswer;
  }

  it('a Telegram fan votes after full time and sees the results move live', async () => {
    const { lineups } = await snapshot(app, matchId);
    const home = lineups.home.find((l) => l.role === 'starter')!;
    const away = lineups.away.find((l) => l.role === 'starter')!;
    const { context, page, answer } = await openInTelegram(
      browser,
      app,
      signedInitData(FAN),
      {},
      `/matches/${matchId}`,
    );
    expect(answer.status()).toBe(200);

    const panel = page.getByTestId('motm-panel');
    await panel.waitFor({ timeout: 10_000 });
    const mine = page.getByTestId(`motm-${home.playerId}`);
    const choice = mine.getByRole('button');
    await choice.waitFor({ timeout: 10_000 });
    // The fan's view before voting passes the audit at both sizes.
    for (const vp of ['desktop', 'phone'] as const) {
      await page.setViewportSize(viewports[vp]);
      expect(await axeViolations(page), `vote at ${vp}`).toEqual([]);
    }
    await choice.click();
    await expect.poll(() => mine.textContent(), within(5000)).toContain('ваш голос');
    // Voted: the players are results now, no longer buttons.
    expect(await panel.getByRole('button').count()).toBe(0);

    // Another fan votes elsewhere; the bars move on this screen without a reload.
    const before = await page.evaluate(() => performance.getEntriesByType('navigation').length);
    await otherFanVotes(away.playerId);
    await expect.poll(() => page.getByTestId(`motm-${away.playerId}`).textContent(), within(8000)).toContain('1 голос');
    await expect.poll(() => page.getByTestId('motm-status').textContent(), within(5000)).toContain('2 голоса');
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(before);
    await screenshot(page, 'motm-vote-360x740');

    // The link's player is framed from the allowed host, and the policy blocked nothing.
    const frame = page.locator('[data-testid="stream-panel"] iframe');
    expect(await frame.getAttribute('src')).toBe(`https://www.youtube-nocookie.com/embed/${YOUTUBE_ID}`);
    expect(await page.getByRole('link', { name: /YouTube/ }).getAttribute('rel')).toBe('noopener noreferrer');
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  });

  it('an anonymous visitor sees the results and that voting needs Telegram', async () => {
    const { context, page } = await newPage(browser, 'phone');
    await page.goto(`${app.url}/matches/${matchId}`);
    const panel = page.getByTestId('motm-panel');
    await panel.waitFor({ timeout: 10_000 });
    await expect.poll(() => panel.textContent(), within(5000)).toContain('откройте приложение в Telegram');
    expect(await panel.getByRole('button').count()).toBe(0);
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  });

  it('the operator sets the link from the console; an http link is refused there and a VK one plays live', async () => {
    const operator = await app.createStaff('operator');
    const id = (await today(app)).league[1]!.id;
    const { context, page } = await newPage(browser, 'phone');
    await signInPage(page, app, operator.login, operator.password);
    await page.goto(`${app.url}/console/${id}`);
    await page.getByTestId('tab-match').click();
    const form = page.getByTestId('stream-form');
    const input = form.getByLabel('Ссылка на видео матча');
    await input.fill('http://rutube.ru/video/0123456789abcdef0123456789abcdef/');
    expect(await form.getByRole('button', { name: 'Сохранить ссылку' }).isDisabled()).toBe(true);
    expect(await input.getAttribute('aria-invalid')).toBe('true');

    // A fan already on the match page sees the player appear without a reload.
    const fan = await newPage(browser, 'phone');
    await fan.page.goto(`${app.url}/matches/${id}`);
    await fan.page.locator('#match-title').waitFor();
    await input.fill('https://vkvideo.ru/video-123_456');
    await form.getByRole('button', { name: 'Сохранить ссылку' }).click();
    await form.getByText('Ссылка сохранена.').waitFor({ timeout: 5000 });
    const frame = fan.page.locator('[data-testid="stream-panel"] iframe');
    await frame.waitFor({ timeout: 8000 });
    expect(await frame.getAttribute('src')).toBe('https://vkvideo.ru/video_ext.php?oid=-123&id=456');
    expect(await cspViolations(fan.page)).toEqual([]);
    expect((await snapshot(app, id)).match.streamUrl).toBe('https://vkvideo.ru/video-123_456');
    await fan.context.close();
    await context.close();
  });

  it('the admin sets a Twitch link on the match screen; the page plays it with its own host as parent', async () => {
    const target = (await today(app)).league.at(-1)!;
    const { context, page } = await newPage(browser, 'desktop');
    await signInPage(page, app, ADMIN.login, ADMIN.password);
    await page.goto(`${app.url}/admin/matches?season=${target.seasonId}`);
    const row = page.locator(`[data-testid="admin-match-list"] li[data-match-id="${target.id}"]`);
    await row.getByRole('button', { name: /Управление/ }).click();
    const form = row.getByTestId('stream-form');
    await form.getByLabel('Ссылка на видео матча').fill('https://www.twitch.tv/league_tv');
    await form.getByRole('button', { name: 'Сохранить ссылку' }).click();
    await form.getByText('Ссылка сохранена.').waitFor({ timeout: 5000 });
    expect((await snapshot(app, target.id)).match.streamUrl).toBe('https://www.twitch.tv/league_tv');

    await page.goto(`${app.url}/matches/${target.id}`);
    const frame = page.locator('[data-testid="stream-panel"] iframe');
    await frame.waitFor({ timeout: 8000 });
    const host = new URL(app.url).hostname;
    expect(await frame.getAttribute('src')).toBe(`https://player.twitch.tv/?channel=league_tv&parent=${host}`);
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  });
});
