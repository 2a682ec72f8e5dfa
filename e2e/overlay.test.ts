import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { type App, appAndBrowser, newPage, screenshot } from './harness.ts';
import { driver, snapshot, today } from './matches.ts';

const within = (ms: number) => ({ timeout: ms, interval: 25 });
/** A dark stream frame behind the overlay, for the screenshots only (set through the CSSOM the page's CSP allows). */
const DARK_FRAME = 'linear-gradient(160deg, #0b2a1c, #1d4a33 60%, #0d1b12)';

describe('broadcast overlay in Chromium', () => {
  let app: App;
  let browser: Browser;
  let op: Awaited<ReturnType<App['createStaff']>>;
  appAndBrowser(async (started) => {
    ({ app, browser } = started);
    op = await app.createStaff('operator');
  });

  const score = (page: Page) => page.getByTestId('overlay-score').textContent();
  // The root box of an overlay is empty (all of it is fixed), so the frame gets the viewport's height to paint over.
  const overDarkFrame = async (page: Page, name: string) => {
    await page.evaluate(
      (bg) => Object.assign(document.documentElement.style, { background: bg, minHeight: '100vh' }),
      DARK_FRAME,
    );
    await screenshot(page, name);
    await page.evaluate(() => document.documentElement.removeAttribute('style'));
  };

  it('shows a goal with its scorer and the new score within 1 s, a card and half-time, and ends right after dropped sockets', async () => {
    const m = (await today(app)).live[0]!;
    const drive = driver(app, op.token, m.id);
    const { lineups } = await snapshot(app, m.id);
    const scorer = lineups.home[0]!;
    const booked = lineups.away[1]!;
    const { context, page } = await newPage(browser, 'desktop');
    // Every socket the page opens, so the test can close one under it.
    await context.addInitScript(() => {
      const sockets: WebSocket[] = [];
      window.WebSocket = class extends WebSocket {
        constructor(...args: ConstructorParameters<typeof WebSocket>) {
          super(...args);
          sockets.push(this);
        }
      };
      Object.assign(window, { sockets });
    });
    const sockets = () => page.evaluate(() => (window as unknown as { sockets: WebSocket[] }).sockets.length);
    await page.goto(`${app.url}/overlay/match/${m.id}?position=top-left&scale=1.5`);
    await page.getByTestId('overlay-score-bug').waitFor();
    await expect.poll(() => score(page), within(5000)).toBe('0:0');
    await expect.poll(() => page.getByTestId('overlay-clock').textContent(), within(3000)).toMatch(/^\d{2,3}:\d{2}$/);

    // Transparent for the stream behind it, and none of the app's chrome.
    const backgrounds = await page.evaluate(() =>
      [document.documentElement, document.body].map((el) => getComputedStyle(el).backgroundColor),
    );
    expect(backgrounds).toEqual(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']);
    expect(await page.locator('header, nav, .app-header').count()).toBe(0);
    // Each club's colour beside its short name.
    const stripe = (n: number) =>
      page
        .locator('.ob-club')
        .nth(n)
        .evaluate((el) => getComputedStyle(el, '::before').backgroundColor);
    const colour = async (id: string) => (await app.api('GET', `/api/clubs/${id}`)).body.club.primaryColor as string;
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    await expect.poll(() => stripe(0), within(3000)).toBe(rgb(await colour(m.homeClub.id)));
    expect(await stripe(1)).toBe(rgb(await colour(m.awayClub.id)));
    // In the top-left corner, scaled from it: 16 px in, and half as large again as at scale 1.
    const bug = (await page.getByTestId('overlay-score-bug').boundingBox())!;
    expect([bug.x, bug.y]).toEqual([16, 16]);
    await new Promise((r) => setTimeout(r, 1500)); // subscribed to the match's topic: the goal comes as a patch
    await overDarkFrame(page, 'overlay-score-bug');

    await drive.event({ type: 'goal', side: 'home', minute: 12, playerId: scorer.playerId });
    const t0 = Date.now();
    const goal = page.getByTestId('overlay-goal');
    await expect.poll(() => goal.isVisible(), within(1000)).toBe(true);
    await expect.poll(() => score(page), within(1000)).toBe('1:0');
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(await goal.textContent()).toContain(`${scorer.firstName} ${scorer.lastName}`);
    expect(await goal.textContent()).toContain(`12'`);
    expect(await goal.evaluate((el) => getComputedStyle(el).animationName)).toBe('ob-goal-in');
    await new Promise((r) => setTimeout(r, 700)); // the animation has landed
    await overDarkFrame(page, 'overlay-goal');

    await drive.event({ type: 'yellow_card', side: 'away', minute: 14, playerId: booked.playerId });
    const card = page.getByTestId('overlay-card');
    await expect.poll(() => card.textContent(), within(1000)).toContain(booked.lastName);
    expect(await card.getAttribute('data-card')).toBe('yellow');

    // The socket drops, a goal is recorded meanwhile, and the overlay ends on the server's score.
    await context.setOffline(true);
    await drive.event({ type: 'goal', side: 'away', minute: 20 });
    await drive.event({ type: 'goal', side: 'away', minute: 21 });
    await context.setOffline(false);
    const server = await snapshot(app, m.id);
    expect(server.match.score).toEqual({ home: 1, away: 2 });
    await expect.poll(() => score(page), within(20_000)).toBe('1:2');

    // The socket is closed under the page (a proxy's idle cut) and a goal is recorded at once: the client opens a new
    // one, resumes, and the overlay ends on the server's score.
    const opened = await sockets();
    await page.evaluate(() => (window as unknown as { sockets: WebSocket[] }).sockets.at(-1)!.close());
    await drive.event({ type: 'goal', side: 'home', minute: 24 });
    await expect.poll(() => score(page), within(20_000)).toBe('2:2');
    expect(await sockets()).toBeGreaterThan(opened);

    // The operator stops the clock for half-time: the bug shows the break, and the clock is gone.
    await new Promise((r) => setTimeout(r, 1000));
    await drive.state({ period: 'half_time' });
    const t1 = Date.now();
    await expect
      .poll(() => page.getByTestId('overlay-period').getAttribute('data-period'), within(1000))
      .toBe('half_time');
    expect(Date.now() - t1).toBeLessThan(1000);
    expect(await page.getByTestId('overlay-period').textContent()).toBe('Перерыв');
    expect(await page.getByTestId('overlay-clock').count()).toBe(0);
    await drive.state({ period: 'second_half' });
    await expect.poll(() => page.getByTestId('overlay-clock').textContent(), within(1000)).toMatch(/^45:\d{2}$/);
    expect(await page.evaluate(() => (window as { cspViolations?: string[] }).cspViolations)).toEqual([]);
    await context.close();
  });

  it('draws the shootout tally, in English at the bottom with goal=0, and never breaks on bad parameters', async () => {
    const { cup } = await today(app);
    const drive = driver(app, op.token, cup.id);
    await drive.state({ status: 'live' });
    await drive.state({ period: 'half_time' });
    await drive.state({ period: 'second_half' });
    const { context, page } = await newPage(browser, 'desktop');
    await page.goto(`${app.url}/overlay/match/${cup.id}?position=bottom&scale=2&lang=en&goal=0`);
    await page.getByTestId('overlay-score-bug').waitFor();
    await new Promise((r) => setTimeout(r, 1500)); // subscribed: what follows comes as patches
    // goal=0: a goal moves the score and plays no animation.
    await drive.event({ type: 'goal', side: 'home', minute: 50 });
    await expect.poll(() => score(page), within(1000)).toBe('1:0');
    expect(await page.getByTestId('overlay-goal').count()).toBe(0);
    await drive.event({ type: 'goal', side: 'away', minute: 55 });
    await drive.state({ period: 'penalties' });
    await page.getByTestId('overlay-shootout').waitFor();
    for (const [side, scored] of [
      ['home', true],
      ['away', true],
      ['home', false],
      ['away', true],
      ['home', true],
    ] as const)
      await drive.event({ type: 'shootout_kick', side, minute: 90, scored });
    const kicks = (side: string) =>
      page
        .locator(`[data-testid="overlay-shootout-${side}"] [data-kick]`)
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-kick')).join(' '));
    await expect.poll(() => kicks('home'), within(2000)).toBe('scored missed scored due due');
    await expect.poll(() => kicks('away'), within(2000)).toBe('scored scored due due due');
    await expect
      .poll(() => page.getByTestId('overlay-shootout-score').allTextContents(), within(2000))
      .toEqual(['2', '2']);
    expect(await page.getByTestId('overlay-period').textContent()).toBe('Pens');
    expect(await page.getByTestId('overlay-score').textContent()).toBe('1:1');
    // At the bottom edge, centred, scaled from that edge: its lower edge stays 16 px above the frame's.
    const box = (await page.getByTestId('overlay-score-bug').boundingBox())!;
    expect(Math.round(page.viewportSize()!.height - box.y - box.height)).toBe(16);
    expect(Math.abs(box.x + box.width / 2 - page.viewportSize()!.width / 2)).toBeLessThan(2);
    await overDarkFrame(page, 'overlay-shootout');
    await context.close();

    const odd = await newPage(browser, 'phone');
    await odd.page.goto(`${app.url}/overlay/match/${cup.id}?position=middle&scale=99&lang=xx&goal=maybe`);
    await odd.page.getByTestId('overlay-score-bug').waitFor();
    const bug = (await odd.page.getByTestId('overlay-score-bug').boundingBox())!;
    expect([bug.x, bug.y]).toEqual([16, 16]); // top-left at scale 1, the defaults
    expect(await odd.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
      0,
    );
    await odd.context.close();

    const missing = await newPage(browser, 'phone');
    await missing.page.goto(`${app.url}/overlay/match/999999`);
    await missing.page.getByRole('alert').waitFor();
    await missing.context.close();
  });
});
