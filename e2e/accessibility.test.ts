import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

type Viewport = keyof typeof viewports;
const size = (vp: Viewport) => `${viewports[vp].width}x${viewports[vp].height}`;
type Account = { login: string; password: string };
const within = (ms: number) => ({ timeout: ms, interval: 25 });

describe('accessibility of every screen (axe-core), in Russian, at 360×740 and 1280×800', () => {
  let app: App;
  let browser: Browser;
  let ids: {
    live: string;
    cup: string;
    leagueSeason: string;
    cupSeason: string;
    club: string;
    lineup: string;
    news: string;
  };
  let staff: Record<'operator' | 'judge' | 'captain', Account & { token: string }>;

  appAndBrowser(async (started) => {
    ({ app, browser } = started);
    const { league, live, cup } = await today(app);
    const lineup = league[0]!;
    ids = {
      live: live[0]!.id,
      cup: cup.id,
      leagueSeason: lineup.seasonId,
      cupSeason: cup.seasonId,
      club: live[0]!.homeClub.id,
      lineup: lineup.id,
      news: '',
    };
    // A news item puts the news list on Today and the club page, and gives the item page something to show.
    const adminToken = await app.login(ADMIN.login, ADMIN.password);
    const news = await app.api(
      'POST',
      '/api/admin/news',
      {
        title: 'Стадион открыт после ремонта',
        body: '**Новое поле** и *свет*.\n\nПодробности: https://example.org/stadium',
        clubIds: [ids.club],
        matchId: ids.live,
      },
      adminToken,
    );
    ids.news = news.body.news.id;
    const [operator, judge, captain] = await Promise.all([
      app.createStaff('operator'),
      app.createStaff('judge'),
      app.createStaff('captain', { clubId: lineup.homeClub.id }),
    ]);
    staff = { operator, judge, captain };
    // Events, statistics and a shootout put the timeline, the feed's controls and the kick panel on screen.
    const liveMatch = driver(app, operator.token, ids.live);
    await liveMatch.event({ type: 'goal', side: 'home', minute: 5 });
    await liveMatch.event({ type: 'yellow_card', side: 'away', minute: 7 });
    await liveMatch.stat({ side: 'home', metric: 'corners', delta: 2 });
    const knockout = driver(app, operator.token, ids.cup);
    await knockout.state({ status: 'live' });
    await knockout.state({ period: 'half_time' });
    await knockout.state({ period: 'second_half' });
    await knockout.state({ period: 'penalties' });
    await knockout.event({ type: 'shootout_kick', side: 'home', minute: 90, scored: true });
  });

  /** A page of its own, signed in through the login screen when `who` is given. */
  async function pageFor(who?: Account): Promise<Page> {
    const { page } = await newPage(browser, 'phone');
    if (who) {
      await signInPage(page, app, who.login, who.password);
    }
    return page;
  }

  /** Moves as the app's own links do (History API), so the session and the injected axe stay loaded. */
  async function go(page: Page, path: string) {
    await page.evaluate(async (to) => {
      history.pushState(null, '', to);
      dispatchEvent(new PopStateEvent('popstate'));
      // React has rendered the new route by the next frame, so no wait below can match the previous screen.
      await new Promise(requestAnimationFrame);
    }, path);
  }

  /**
   * Once nothing is loading, checks the screen at phone and at desk size: no serious or critical axe violation,
   * and nothing wider than the phone. Every failure names the screen and the size, and leaves a screenshot.
   */
  async function check(page: Page, screen: string) {
    await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
    for (const vp of ['phone', 'desktop'] as const) {
      await page.setViewportSize(viewports[vp]);
      const found = await axeViolations(page);
      if (vp === 'phone') {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 1) found.push(`page is ${overflow}px wider than the screen`);
      }
      // The screen works under the page's content security policy: nothing it needs was blocked.
      found.push(...(await cspViolations(page)).map((v) => `blocked by the content security policy: ${v}`));
      if (found.length > 0) await screenshot(page, `a11y-${screen}-${size(vp)}`);
      expect(found, `${screen} at ${size(vp)}`).toEqual([]);
    }
  }

  it('public pages: Today, a live match, standings, the bracket, a club, the competitions', async () => {
    const page = await pageFor();
    await page.goto(`${app.url}/`);
    await page.getByTestId('match-card').first().waitFor();
    await page.getByTestId('news-list').waitFor();
    await check(page, 'today');
    await go(page, `/matches/${ids.live}`);
    await page.getByTestId('timeline-item').first().waitFor();
    await check(page, 'match');
    await go(page, `/matches/${ids.cup}`);
    await page.getByTestId('shootout-grid').waitFor();
    await check(page, 'match-shootout');
    await go(page, `/seasons/${ids.leagueSeason}`);
    await page.locator('[data-testid="standings"] tbody tr').first().waitFor();
    await page.getByTestId('scorers').waitFor();
    await check(page, 'standings');
    await go(page, `/seasons/${ids.leagueSeason}/predictions`);
    await page.getByText('Пока нет рассчитанных прогнозов.').waitFor();
    await check(page, 'predictions-leaderboard');
    await go(page, `/seasons/${ids.cupSeason}/bracket`);
    await page.getByTestId('bracket-tie').first().waitFor();
    await check(page, 'bracket');
    // A cup season shows its bracket in place of a table (issue 18).
    await go(page, `/seasons/${ids.cupSeason}`);
    await page.getByTestId('bracket-tie').first().waitFor();
    await page.getByTestId('match-card').first().waitFor();
    await check(page, 'cup-season');
    await go(page, `/clubs/${ids.club}`);
    await page.locator('#club-title').waitFor();
    await page.getByTestId('news-list').waitFor();
    await check(page, 'club');
    await go(page, `/news/${ids.news}`);
    await page.getByTestId('news-item').waitFor();
    await check(page, 'news-item');
    await go(page, '/competitions');
    await page.getByRole('heading', { level: 1, name: 'Турниры' }).waitFor();
    await check(page, 'competitions');
    // The same pages in English: other words, other lengths, the same rules.
    await page.getByRole('button', { name: /^EN\b/ }).click();
    await go(page, '/');
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    await check(page, 'today-en');
    await go(page, `/seasons/${ids.leagueSeason}`);
    await page.getByTestId('scorers').waitFor();
    await check(page, 'standings-en');
    await page.context().close();
  });

  it('a finished match: the player-of-the-match results and the stream player', async () => {
    const operator = await app.createStaff('operator');
    const id = (await today(app)).league[1]!.id;
    const streamUrl = 'https://rutube.ru/video/0123456789abcdef0123456789abcdef/';
    expect((await app.api('PUT', `/api/matches/${id}/stream`, { streamUrl }, operator.token)).status).toBe(200);
    const match = driver(app, operator.token, id);
    for (const body of [{ status: 'live' }, { period: 'half_time' }, { period: 'second_half' }, { status: 'finished' }])
      await match.state(body);
    const page = await pageFor();
    await page.goto(`${app.url}/matches/${id}`);
    await page.getByTestId('motm-panel').waitFor();
    await page.getByTestId('stream-panel').waitFor();
    await check(page, 'match-motm');
    await page.context().close();
  });

  it('the broadcast overlay: the score bug with a goal and a card, and the shootout tally', async () => {
    const page = await pageFor();
    await page.goto(`${app.url}/overlay/match/${ids.live}`);
    await page.getByTestId('overlay-clock').waitFor();
    await new Promise((r) => setTimeout(r, 1500)); // subscribed: the goal and the card come live, with their notices
    const { lineups } = await snapshot(app, ids.live);
    const liveMatch = driver(app, staff.operator.token, ids.live);
    await liveMatch.event({ type: 'goal', side: 'away', minute: 20, playerId: lineups.away[0]!.playerId });
    await liveMatch.event({ type: 'red_card', side: 'home', minute: 21, playerId: lineups.home[1]!.playerId });
    await page.getByTestId('overlay-goal').waitFor();
    await page.getByTestId('overlay-card').waitFor();
    // Checked once the notices have slid in: half-faded text is not what a viewer reads (a slow machine caught it).
    await page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
          .map((a) => a.finished),
      ),
    );
    await check(page, 'overlay');
    await page.goto(`${app.url}/overlay/match/${ids.cup}?position=bottom-right&lang=en`);
    await page.getByTestId('overlay-shootout').waitFor();
    await check(page, 'overlay-shootout');
    await page.context().close();
  });

  it('the login page, empty and after a refused sign-in', async () => {
    const page = await pageFor();
    await page.goto(`${app.url}/login`);
    await page.getByLabel(/логин/i).waitFor();
    await check(page, 'login');
    await page.getByLabel(/логин/i).fill('nobody');
    await page.getByLabel(/пароль/i).fill('not-the-password');
    await page.getByRole('button', { name: /войти/i }).click();
    await page.getByRole('alert').waitFor();
    await check(page, 'login-refused');
    await page.context().close();
  });

  it('the operator console: its list, a live match, the player sheet, a pending goal, the event editor, a shootout', async () => {
    const page = await pageFor(staff.operator);
    await page.getByTestId('match-card').first().waitFor();
    await check(page, 'console-list');
    await go(page, `/console/${ids.live}`);
    await page.getByTestId('event-item').first().waitFor();
    await check(page, 'console');
    // Offline, a goal stays pending: the indicator, the dimmed feed item and the toast are all on screen.
    await page.context().setOffline(true);
    await expect
      .poll(() => page.getByTestId('connection-indicator').getAttribute('data-state'), within(5000))
      .not.toBe('online');
    await page.getByTestId('goal-home').click();
    await page.getByTestId('player-picker').waitFor();
    await check(page, 'console-player-sheet');
    await page.getByTestId('pick-none').click();
    await page.locator('[data-testid="event-item"][data-pending="true"]').waitFor();
    await page.getByRole('button', { name: 'Добавить пас' }).waitFor();
    await check(page, 'console-offline-pending');
    await page.context().setOffline(false);
    await expect.poll(() => page.getByTestId('pending-count').getAttribute('data-count'), within(10_000)).toBe('0');
    await page.getByTestId('event-edit').first().click();
    await page.getByTestId('event-editor').waitFor();
    await check(page, 'console-event-editor');
    await go(page, `/console/${ids.cup}`);
    await page.getByTestId('shootout-tally').waitFor();
    await check(page, 'console-shootout');
    await page.context().close();
  });

  it('the judge console: its list and a live match', async () => {
    const page = await pageFor(staff.judge);
    await page.getByTestId('match-card').first().waitFor();
    await check(page, 'judge-list');
    await go(page, `/judge/${ids.live}`);
    await page.getByTestId('event-item').first().waitFor();
    await check(page, 'judge');
    await page.context().close();
  });

  it('the captain page: the club’s matches and a lineup', async () => {
    const page = await pageFor(staff.captain);
    await page.getByTestId('match-card').first().waitFor();
    await check(page, 'captain-list');
    await go(page, `/captain/${ids.lineup}`);
    await page.getByTestId('lineup-player-checkbox').first().waitFor();
    await check(page, 'captain-lineup');
    await page.context().close();
  });

  it('the admin screens, with their editors open', async () => {
    const page = await pageFor(ADMIN);
    const open = async (path: string) => {
      await go(page, path);
      await page.locator('#admin-title').waitFor();
    };
    for (const [screen, path] of [
      ['admin-home', '/admin'],
      ['admin-season', `/admin/seasons/${ids.leagueSeason}`],
      ['admin-staff', '/admin/staff'],
      ['admin-audit', '/admin/audit'],
      ['admin-telegram', '/admin/telegram'],
      ['admin-news', '/admin/news'],
      ['admin-competitions', '/admin/competitions'],
    ] as const) {
      await open(path);
      await check(page, screen);
    }
    await page
      .getByRole('button', { name: /^Изменить / })
      .first()
      .click();
    await page.getByTestId('competition-form').waitFor();
    await check(page, 'admin-competition-form');
    await open('/admin/news');
    await page.getByTestId('news-new').click();
    await page.getByTestId('news-form').waitFor();
    await page.getByTestId('news-body').fill('**Жирный** текст и *курсив*.');
    await check(page, 'admin-news-form');
    await open('/admin/clubs');
    await page.getByTestId('club-new').click();
    await page.getByTestId('club-form').waitFor();
    await check(page, 'admin-club-form');
    await open(`/admin/players?club=${ids.club}`);
    await page.getByTestId('player-row').first().waitFor();
    await page.getByTestId('player-new').click();
    await page.getByTestId('player-form').waitFor();
    await check(page, 'admin-player-form');
    await open(`/admin/matches?season=${ids.leagueSeason}`);
    await page.getByTestId('match-new').click();
    await page.getByTestId('match-form').waitFor();
    await check(page, 'admin-match-form');
    await page
      .getByRole('button', { name: /Управление/ })
      .first()
      .click();
    await page.getByTestId('match-manage').waitFor();
    await check(page, 'admin-match-manage');
    await page.context().close();
  });
  it('the widgets (each kind, light and dark) and their builder, public and admin', async () => {
    const page = await pageFor();
    for (const [screen, path] of [
      ['widget-standings', `/embed/standings/${ids.leagueSeason}`],
      ['widget-standings-dark', `/embed/standings/${ids.leagueSeason}?theme=dark&accent=ffee00&lang=en`],
      ['widget-club-fixtures', `/embed/club/${ids.club}/fixtures?compact=1`],
      ['widget-season-fixtures-dark', `/embed/season/${ids.leagueSeason}/fixtures?theme=dark`],
      ['widget-club-live', `/embed/club/${ids.club}/live`],
      ['widget-match-dark', `/embed/match/${ids.live}?theme=dark`],
    ] as const) {
      await page.goto(`${app.url}${path}`);
      await page.locator('#widget > *').first().waitFor();
      await check(page, screen);
    }
    await page.goto(`${app.url}/widgets?season=${ids.leagueSeason}`);
    await page.getByTestId('widget-preview').waitFor();
    await check(page, 'widget-builder');
    await page.context().close();
    const admin = await pageFor(ADMIN);
    await go(admin, `/admin/widgets?club=${ids.club}`);
    await admin.getByTestId('widget-preview').waitFor();
    await check(admin, 'admin-widgets');
    await admin.context().close();
  });
});
