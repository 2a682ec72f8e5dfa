import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import type { MatchSummary } from '@touchline/contract';
import { widgetSnippet, type WidgetAddress, type WidgetOptions } from '../packages/web/src/embed/options.ts';
import { ADMIN, type App, appAndBrowser, cspViolations, newPage, screenshot, signInPage } from './harness.ts';
import { driver, snapshot, today } from './matches.ts';

const within = (ms: number) => ({ timeout: ms, interval: 50 });
const RU: WidgetOptions = { lang: 'ru', theme: 'light', compact: false };

/**
 * A club's website on another origin: each page is a paragraph of its own and, below it, whatever markup the test
 * puts there (the embed snippet, or a frame of a Touchline page).
 */
function hostSite() {
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const body = pages.get(req.url ?? '');
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>ФК Сайт</title></head><body style="margin:16px;font-family:sans-serif"><h1>Сайт клуба</h1>${body ?? ''}<p>Подвал сайта</p></body></html>`,
    );
  });
  return {
    pages,
    start: () =>
      new Promise<string>((r) =>
        server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      ),
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('embeddable widgets on another site (issue 19)', () => {
  let app: App;
  let browser: Browser;
  let op: Awaited<ReturnType<App['createStaff']>>;
  let match: MatchSummary;
  const host = hostSite();
  let hostUrl: string;

  appAndBrowser(async (started) => {
    ({ app, browser } = started);
    op = await app.createStaff('operator');
    const { live } = await today(app);
    match = live.find((m) => m.competition.type === 'league')!;
  });
  beforeAll(async () => {
    hostUrl = await host.start();
  });
  afterAll(() => host.stop());

  /** Opens a host page carrying one widget's snippet and returns the widget's frame once it has drawn. */
  async function embedded(name: string, address: WidgetAddress, options = RU): Promise<{ page: Page; frame: Frame }> {
    host.pages.set(`/${name}`, widgetSnippet(app.url, address, options));
    const { page } = await newPage(browser, 'phone');
    await page.goto(`${hostUrl}/${name}`);
    await page.locator('iframe').waitFor();
    await expect.poll(() => page.frames().length, within(5000)).toBe(2);
    const frame = page.frames()[1]!;
    await frame.locator('#widget > *').first().waitFor();
    return { page, frame };
  }

  /** The frame is exactly as tall as the widget's content: no scroll bar, no gap. */
  async function fitsContent(page: Page, frame: Frame) {
    await expect
      .poll(async () => {
        const outer = await page.locator('iframe').evaluate((el) => el.getBoundingClientRect().height);
        const inner = await frame.evaluate(() => document.documentElement.scrollHeight);
        return Math.abs(outer - inner);
      }, within(3000))
      .toBeLessThanOrEqual(1);
    const scrolls = await frame.evaluate(
      () =>
        document.documentElement.scrollHeight > window.innerHeight ||
        document.documentElement.scrollWidth > window.innerWidth,
    );
    expect(scrolls).toBe(false);
  }

  it('the club live strip and the match ticker follow goals as they are recorded', async () => {
    const drive = driver(app, op.token, match.id);
    const strip = await embedded('live', { kind: 'club-live', id: match.homeClub.id });
    const ticker = await embedded('ticker', { kind: 'match', id: match.id }, { ...RU, accent: '#c0262d' });
    const before = await snapshot(app, match.id);
    await drive.event({ type: 'goal', side: 'home', minute: 10 });
    const score = `${before.match.score.home + 1} : ${before.match.score.away}`;
    await expect.poll(() => strip.frame.locator('.score').textContent(), within(2000)).toBe(score);
    await expect.poll(() => ticker.frame.locator('.score').textContent(), within(2000)).toBe(score);
    await expect.poll(() => ticker.frame.locator('.event.goal').count(), within(2000)).toBeGreaterThan(0);
    const shortFrame = await ticker.page.locator('iframe').evaluate((el) => el.getBoundingClientRect().height);
    await drive.event({ type: 'yellow_card', side: 'away', minute: 12 });
    await expect.poll(() => ticker.frame.locator('.event.yellow_card').count(), within(2000)).toBeGreaterThan(0);
    // Text from the server stays text: markup in a comment is shown, never parsed.
    const comment = '<img src=x onerror="document.title=1">Дождь <b>усиливается</b>';
    await drive.event({ type: 'comment', side: 'home', minute: 13, text: comment });
    await expect.poll(() => ticker.frame.locator('.event.comment .text').textContent(), within(2000)).toBe(comment);
    expect(await ticker.frame.locator('.event img, .event b').count()).toBe(0);
    // The frame grew with its content, by the widget's height messages alone.
    await fitsContent(ticker.page, ticker.frame);
    expect(await ticker.page.locator('iframe').evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(
      shortFrame,
    );

    // A dropped connection: goals recorded meanwhile appear once it is back, as the app resumes (protocol §10).
    await ticker.page.context().setOffline(true);
    await drive.event({ type: 'goal', side: 'away', minute: 15 });
    await drive.event({ type: 'goal', side: 'away', minute: 16 });
    await ticker.page.context().setOffline(false);
    const server = (await snapshot(app, match.id)).match.score;
    await expect
      .poll(() => ticker.frame.locator('.score').textContent(), within(20_000))
      .toBe(`${server.home} : ${server.away}`);
    await expect.poll(() => ticker.frame.locator('.event.goal').count(), within(2000)).toBeGreaterThanOrEqual(3);
    expect(await cspViolations(ticker.page)).toEqual([]);
    expect(await ticker.frame.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual(
      [],
    );
    await screenshot(strip.page, 'widget-club-live');
    await screenshot(ticker.page, 'widget-match');
    await strip.page.context().close();
    await ticker.page.context().close();
  });

  it('shows the standings from another origin, and the table changes when a result is recorded', async () => {
    const { page, frame } = await embedded('table', { kind: 'standings', id: match.seasonId });
    const points = () => frame.locator(`tr[data-club="${match.homeClub.id}"] .points`).textContent();
    const before = Number(await points());
    await fitsContent(page, frame);

    // The home side wins the match: one goal more than the away side, then full time.
    const drive = driver(app, op.token, match.id);
    const now = (await snapshot(app, match.id)).match;
    for (let i = now.score.home; i <= now.score.away; i++)
      await drive.event({ type: 'goal', side: 'home', minute: 20 + i });
    for (const period of ['half_time', 'second_half']) {
      if ((await snapshot(app, match.id)).match.period !== 'second_half') await drive.state({ period });
    }
    await drive.state({ status: 'finished' });

    // Nothing is done on the host page: the widget hears the season's patch and redraws.
    await expect.poll(async () => Number(await points()), within(3000)).toBe(before + 3);
    await fitsContent(page, frame);
    await screenshot(page, 'widget-standings');
    await page.context().close();
  });

  it('lists a club’s and a season’s fixtures and results, dark and compact as asked', async () => {
    const club = await embedded('club-fixtures', { kind: 'club-fixtures', id: match.homeClub.id });
    await expect.poll(() => club.frame.locator('.match').count(), within(3000)).toBeGreaterThan(0);
    await fitsContent(club.page, club.frame);
    await screenshot(club.page, 'widget-club-fixtures');
    const season = await embedded(
      'season-fixtures',
      { kind: 'season-fixtures', id: match.seasonId },
      { lang: 'en', theme: 'dark', accent: '#f0a000', compact: true },
    );
    await expect.poll(() => season.frame.locator('.match').count(), within(3000)).toBeGreaterThan(0);
    expect(await season.frame.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await season.frame.locator('h1').textContent()).toBe('Matches');
    await fitsContent(season.page, season.frame);
    await screenshot(season.page, 'widget-season-fixtures');
    await club.page.context().close();
    await season.page.context().close();
  });

  it('widget routes may be framed by any site, while /admin still refuses', async () => {
    const embed = await fetch(`${app.url}/embed/standings/${match.seasonId}`);
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(embed.headers.get('x-frame-options')).toBeNull();
    const loader = await fetch(`${app.url}/embed.js`);
    expect(loader.headers.get('content-security-policy')).toBe('frame-ancestors *');
    for (const path of ['/admin', '/api/competitions']) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.headers.get('content-security-policy'), path).toMatch(
        /frame-ancestors 'self' https:\/\/web\.telegram\.org/,
      );
    }

    host.pages.set('/frames', `<iframe src="${app.url}/admin" title="admin"></iframe>`);
    const { page } = await newPage(browser, 'phone');
    const refused: string[] = [];
    page.on('console', (m) => void (m.text().includes('frame-ancestors') && refused.push(m.text())));
    await page.goto(`${hostUrl}/frames`);
    await expect.poll(() => refused.length, within(5000)).toBeGreaterThan(0);
    // Chromium shows its error page in place of the refused document: nothing of /admin rendered in the frame.
    await expect.poll(() => page.frames()[1]?.url(), within(5000)).not.toContain('/admin');
    await page.context().close();
  });

  it('the builder shows a live preview and the snippet to copy, for the public and in the admin', async () => {
    const { context, page } = await newPage(browser, 'phone');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await page.goto(`${app.url}/clubs/${match.homeClub.id}`);
    await page.getByRole('link', { name: 'Виджет для вашего сайта' }).click();
    await expect.poll(() => page.getByTestId('widget-kind').inputValue(), within(3000)).toBe('club-fixtures');
    await page.getByTestId('widget-kind').selectOption('club-live');
    const snippet = page.getByTestId('widget-snippet');
    await expect
      .poll(() => snippet.inputValue(), within(3000))
      .toBe(widgetSnippet(app.url, { kind: 'club-live', id: match.homeClub.id }, { ...RU, accent: '#0b6e4f' }));
    const preview = page.frameLocator('[data-testid="widget-preview"]');
    await preview.locator('.strip, .empty').first().waitFor();
    await page.getByTestId('widget-copy').click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()), within(2000))
      .toBe(await snippet.inputValue());
    await page.getByRole('status').filter({ hasText: 'Код скопирован' }).waitFor();
    await screenshot(page, 'widget-builder-360x740');
    await context.close();

    const admin = await newPage(browser, 'desktop');
    await signInPage(admin.page, app, ADMIN.login, ADMIN.password);
    await admin.page.goto(`${app.url}/admin/widgets?season=${match.seasonId}`);
    await admin.page.getByTestId('admin-nav-widgets').waitFor();
    await admin.page.frameLocator('[data-testid="widget-preview"]').locator('table').first().waitFor();
    await admin.context.close();
  });
});
