import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { MatchSummary } from '@touchline/contract';
import { axeViolations } from './axe.ts';
import { ADMIN, type App, appAndBrowser, newPage, screenshot, viewports } from './harness.ts';
import { driver, today } from './matches.ts';
import { TELEGRAM_FAN_ENV, openInTelegram, signedInitData } from './telegram-fan.ts';

const within = (ms: number) => ({ timeout: ms, interval: 50 });

/** Issue 18, Done-means 2: a Telegram fan predicts, the operator plays to full time, points and board move live. */
describe('match predictions in the browser', () => {
  let app: App;
  let browser: Browser;
  let match: MatchSummary;
  let operator: string;

  appAndBrowser(
    async (started) => {
      ({ app, browser } = started);
      match = (await today(app)).league[0]!;
      // The demo's kick-offs may already be past in the evening: this match starts in two hours.
      const admin = await app.login(ADMIN.login, ADMIN.password);
      const kickoffAt = new Date(Date.now() + 2 * 3600_000).toISOString();
      const moved = await app.api('PATCH', `/api/admin/matches/${match.id}`, { kickoffAt }, admin);
      expect(moved.status).toBe(200);
      operator = (await app.createStaff('operator')).token;
    },
    { env: TELEGRAM_FAN_ENV },
  );

  /** No serious axe violation at 360 and at 1280 px, and nothing wider than the phone. */
  async function accessible(page: Page, screen: string) {
    for (const vp of ['desktop', 'phone'] as const) {
      await page.setViewportSize(viewports[vp]);
      const found = await axeViolations(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (vp === 'phone' && overflow > 1) found.push(`page is ${overflow}px wider than the screen`);
      expect(found, `${screen} at ${vp}`).toEqual([]);
    }
  }

  it('the fan picks on the match page; at full time the card and the leaderboard update without a reload, and the fan votes for the player of the match', async () => {
    const { page } = await openInTelegram(browser, app, signedInitData(), {}, `/matches/${match.id}`);
    const card = page.getByTestId('prediction-card');
    await card.waitFor();
    const option = (name: string | RegExp) => card.getByRole('button', { name });
    // 1:0 below: a home win, under 2.5, not both teams scoring; every pick right is 3 + 1 + 1.
    for (const name of [match.homeClub.name, /Меньше 2.5/, /^Нет$/]) {
      await option(name).click();
      await expect.poll(() => option(name).getAttribute('aria-pressed'), within(5000)).toBe('true');
    }
    await expect.poll(() => card.getByRole('status').textContent()).toContain('до начала матча');
    await accessible(page, 'prediction-card');
    await screenshot(page, 'prediction-card-360x740');

    const { page: board } = await newPage(browser, 'phone');
    await board.goto(`${app.url}/seasons/${match.seasonId}/predictions`);
    // The page names its competition and season, like every season page.
    await board
      .getByRole('heading', { level: 1, name: `${match.competition.name}, сезон 2026: таблица прогнозистов` })
      .waitFor();
    await board.getByText('Пока нет рассчитанных прогнозов.').waitFor();
    // Marks both documents: a reload would lose the mark.
    for (const p of [page, board]) await p.evaluate(() => Object.assign(window, { notReloaded: true }));

    const play = driver(app, operator, match.id);
    await play.state({ status: 'live' });
    await expect.poll(() => card.getByRole('status').textContent(), within(10_000)).toContain('закрыт');
    await play.event({ type: 'goal', side: 'home', minute: 12 });
    await play.state({ period: 'half_time' });
    await play.state({ period: 'second_half' });
    await play.state({ status: 'finished' });

    await expect.poll(() => card.getByRole('status').textContent(), within(10_000)).toContain('5 очков');
    const row = board.locator('[data-testid="leaderboard"] tbody tr').first();
    await expect.poll(() => row.textContent(), within(10_000)).toMatch(/^1Olga.*5/);
    for (const p of [page, board]) {
      expect(await p.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    }
    await screenshot(page, 'prediction-card-settled-360x740');
    // Full time opens the player-of-the-match vote on the same page, still without a reload.
    const scorer = (await app.api('GET', `/api/matches/${match.id}`)).body.lineups.home[0];
    const pick = page.getByTestId(`motm-${scorer.playerId}`);
    await pick.getByRole('button').click({ timeout: 10_000 });
    await expect.poll(() => pick.textContent(), within(5000)).toContain('ваш голос');
    expect((await app.api('GET', `/api/matches/${match.id}/motm`)).body.total).toBe(1);
    await accessible(board, 'predictions-leaderboard');
    await screenshot(board, 'predictions-leaderboard-360x740');

    // The fan's own record: the points, the first right pick.
    await page.getByRole('link', { name: 'Мои прогнозы' }).click();
    await page.getByTestId('my-totals').waitFor();
    expect(await page.getByTestId('my-totals').textContent()).toContain('5');
    await page.getByText('Первый верный прогноз').waitFor();
    await accessible(page, 'my-predictions');
    await page.context().close();
    await board.context().close();
  });
});
