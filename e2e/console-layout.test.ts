import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from './axe.ts';
import { type App, appAndBrowser, newPage, screenshot, signInPage, viewports } from './harness.ts';
import { driver, snapshot, today } from './matches.ts';

const within = (ms: number) => ({ timeout: ms, interval: 25 });
const here = path.dirname(fileURLToPath(import.meta.url));

/** Every event the per-side sheet offers: all but the goal (its own button) and the shootout kick (its own panel). */
const SHEET_TYPES = [
  'penalty_goal',
  'own_goal',
  'penalty_missed',
  'yellow_card',
  'second_yellow',
  'red_card',
  'substitution',
  'comment',
];
const PLAY_CONTROLS = ['goal-home', 'goal-away', 'more-home', 'more-away', 'tab-feed', 'tab-stats', 'tab-match'];

/** Records what the page asks of the Wake Lock and vibration APIs; the browser's own are not observable. */
function observeDeviceApis() {
  const log: string[] = [];
  const held: { released: boolean }[] = [];
  Object.assign(window, {
    deviceLog: log,
    // What the browser does when the page is hidden: every lock is dropped.
    dropLocks: () => held.forEach((s) => (s.released = true)),
  });
  Object.defineProperty(navigator, 'wakeLock', {
    configurable: true,
    value: {
      request: async (type: string) => {
        log.push(`request:${type}`);
        const sentinel = Object.assign(new EventTarget(), {
          type,
          released: false,
          release: async () => {
            if (!sentinel.released) log.push('release');
            sentinel.released = true;
          },
        });
        held.push(sentinel);
        return sentinel;
      },
    },
  });
  Object.defineProperty(navigator, 'vibrate', {
    configurable: true,
    value: (ms: number) => log.push(`vibrate:${ms}`) > 0,
  });
}
const deviceLog = (page: Page) => page.evaluate(() => (window as unknown as { deviceLog: string[] }).deviceLog);

/**
 * For each control: inside the viewport, at least 48×48, and the topmost element at its centre is the control
 * itself (nothing covers it). The page must not scroll either way.
 */
async function layoutProblems(page: Page, testIds: string[]): Promise<string[]> {
  return page.evaluate((ids) => {
    const out: string[] = [];
    const { innerWidth: w, innerHeight: h } = window;
    const root = document.scrollingElement!;
    if (root.scrollHeight > h + 1) out.push(`page scrolls: ${root.scrollHeight}px tall in ${h}px`);
    if (root.scrollWidth > w + 1) out.push(`page scrolls sideways: ${root.scrollWidth}px wide in ${w}px`);
    for (const id of ids) {
      const els = [...document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
      if (els.length === 0) out.push(`${id}: missing`);
      for (const el of els) {
        const r = el.getBoundingClientRect();
        if (r.left < -0.5 || r.top < -0.5 || r.right > w + 0.5 || r.bottom > h + 0.5)
          out.push(`${id}: outside the viewport (${Math.round(r.left)},${Math.round(r.top)})–(${r.right},${r.bottom})`);
        if (r.width < 48 || r.height < 48) out.push(`${id}: ${Math.round(r.width)}×${Math.round(r.height)} < 48×48`);
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (!hit || !(hit === el || el.contains(hit)))
          out.push(`${id}: covered by ${hit?.tagName}.${hit?.className} "${hit?.textContent?.slice(0, 30)}"`);
      }
    }
    return out;
  }, testIds);
}

describe('the one-screen console at the touchline, in Chromium', () => {
  let app: App;
  let browser: Browser;
  let op: Awaited<ReturnType<App['createStaff']>>;
  let matchId: string;
  appAndBrowser(async (started) => {
    ({ app, browser } = started);
    op = await app.createStaff('operator');
    // A league match with both lineups, in its first half: the console as a volunteer sees it.
    const m = (await today(app)).league[0]!;
    matchId = m.id;
    await driver(app, op.token, matchId).state({ status: 'live' });
  });

  async function desk(viewport: keyof typeof viewports, id = matchId) {
    const { context, page } = await newPage(browser, viewport);
    await context.addInitScript(observeDeviceApis);
    await signInPage(page, app, op.login, op.password);
    await page.goto(`${app.url}/console/${id}`);
    await page.getByTestId('score-block').waitFor();
    await expect
      .poll(() => page.getByTestId('connection-indicator').getAttribute('data-state'), within(5000))
      .toBe('online');
    return { context, page };
  }

  for (const [viewport, name] of [
    ['phone', '360x740'],
    ['landscape', '740x360'],
  ] as const) {
    it(`puts every control used in play on one screen at ${name}, 48 px or more, uncovered, also under a toast`, async () => {
      const { context, page } = await desk(viewport);
      const periodButtons = await page
        .locator('.period-buttons [data-testid]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
      // Full time is not offered in the first half; half-time is the one step.
      expect(periodButtons).toEqual(['period-half_time']);
      const main = [...PLAY_CONTROLS, ...periodButtons, 'outdoor-toggle'];
      await screenshot(page, `console2-play-${name}`);
      expect(await layoutProblems(page, main)).toEqual([]);

      for (const side of ['home', 'away']) {
        await page.getByTestId(`more-${side}`).click();
        await page.getByTestId('event-sheet').waitFor();
        expect(await layoutProblems(page, [...SHEET_TYPES.map((t) => `action-${side}-${t}`), 'sheet-cancel'])).toEqual(
          [],
        );
        if (side === 'home') await screenshot(page, `console2-event-sheet-${name}`);
        await page.getByTestId(`action-${side}-comment`).click();
        await page.getByTestId('comment-sheet').waitFor();
        await page.getByTestId('comment-phrase').first().click();
        expect(await layoutProblems(page, ['comment-phrase', 'comment-text', 'comment-send'])).toEqual([]);
        if (side === 'home') await screenshot(page, `console2-comment-sheet-${name}`);
        await page.getByTestId('sheet-cancel').click();
      }

      await page.getByTestId('goal-home').click();
      await page.getByTestId('player-picker').waitFor();
      expect(await layoutProblems(page, ['pick-none', 'sheet-cancel'])).toEqual([]);
      await screenshot(page, `console2-player-sheet-${name}`);
      await page.getByTestId('pick-player').first().click();
      await page.getByTestId('toast').waitFor();
      expect(await layoutProblems(page, [...main, 'toast-assist', 'toast-undo'])).toEqual([]);
      await screenshot(page, `console2-toast-${name}`);
      // The goal was a test's: undone from the toast, it leaves the match as it was.
      await page.getByTestId('toast-undo').click();
      await expect.poll(async () => (await snapshot(app, matchId)).match.score.home, within(5000)).toBe(0);

      await page.getByTestId('tab-stats').click();
      await screenshot(page, `console2-stats-tab-${name}`);
      // The first counter's ± are on screen; the rest scroll inside the panel, never the page.
      expect(await layoutProblems(page, [...main, 'stat-home-shots-inc', 'stat-away-shots-inc'])).toEqual([]);
      await page.getByTestId('outdoor-toggle').click();
      await page.getByTestId('tab-feed').click();
      await screenshot(page, `console2-outdoor-${name}`);
      if (viewport === 'phone')
        copyFileSync(
          path.join(here, 'artifacts', 'console2-play-360x740.png'),
          path.join(here, '..', 'docs', 'screenshots', 'console-360.png'),
        );
      await page.getByTestId('outdoor-toggle').click();
      await context.close();
    });
  }

  it('records a goal with its scorer in 2 taps, a yellow card in 3, a substitution in 4', async () => {
    const { context, page } = await desk('phone');
    const { lineups } = await snapshot(app, matchId);
    let taps = 0;
    const tap = async (testId: string, nth = 0) => {
      taps++;
      await page.getByTestId(testId).nth(nth).click();
    };
    const counted = async (steps: () => Promise<unknown>) => {
      taps = 0;
      await steps();
      return taps;
    };
    const before = (await snapshot(app, matchId)).events.length;
    const latest = async () => (await snapshot(app, matchId)).events.slice(before);

    expect(await counted(async () => [await tap('goal-home'), await tap('pick-player')])).toBeLessThanOrEqual(3);
    expect(
      await counted(async () => [
        await tap('more-away'),
        await tap('action-away-yellow_card'),
        await tap('pick-player'),
      ]),
    ).toBeLessThanOrEqual(3);
    expect(
      await counted(async () => [
        await tap('more-home'),
        await tap('action-home-substitution'),
        await tap('pick-player'),
        await tap('pick-player'),
      ]),
    ).toBeLessThanOrEqual(4);
    await expect
      .poll(async () => (await latest()).map((e) => `${e.type}:${e.side}`), within(5000))
      .toEqual(['goal:home', 'yellow_card:away', 'substitution:home']);
    const [goal, card, sub] = await latest();
    const starters = (side: 'home' | 'away') =>
      lineups[side].filter((p) => p.role === 'starter').sort((a, b) => a.shirtNumber - b.shirtNumber);
    // The sheet lists starters first by shirt number, so the first tap is the lowest-numbered starter.
    expect(goal!.playerId).toBe(starters('home')[0]!.playerId);
    expect(card!.playerId).toBe(starters('away')[0]!.playerId);
    expect(sub!.playerId).toBeDefined();
    expect(sub!.relatedPlayerId).toBeDefined();
    // Each recorded event buzzed once.
    expect((await deviceLog(page)).filter((l) => l.startsWith('vibrate'))).toHaveLength(3);
    await context.close();
  });

  it('writes a comment from a quick phrase through the outbox, offline first: type, side, minute and text', async () => {
    const { context, page } = await desk('phone');
    await context.setOffline(true);
    await expect
      .poll(() => page.getByTestId('connection-indicator').getAttribute('data-state'), within(5000))
      .not.toBe('online');
    await page.getByTestId('more-away').click();
    await page.getByTestId('action-away-comment').click();
    const phrase = page.getByTestId('comment-phrase').nth(2);
    const text = `${await phrase.textContent()} — 2`;
    await phrase.click();
    await page.getByTestId('comment-text').press('End');
    await page.getByTestId('comment-text').pressSequentially(' — 2');
    await page.getByTestId('comment-send').click();
    // Queued like any write: counted as waiting, and shown in the feed as not sent yet.
    await expect.poll(() => page.getByTestId('pending-count').getAttribute('data-count'), within(2000)).toBe('1');
    const queued = page.locator('[data-testid="event-item"][data-type="comment"][data-pending="true"]');
    expect(await queued.count()).toBe(1);
    await screenshot(page, 'console2-comment-pending-360x740');
    const events = `/api/matches/${matchId}/events`;
    const request = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(events));
    await context.setOffline(false);
    const body = (await request).postDataJSON();
    expect(body).toMatchObject({ type: 'comment', side: 'away', text });
    expect(body.minute).toBeGreaterThanOrEqual(1);
    expect(body.clientEventId).toBeDefined();
    await context.close();
  });

  it('keeps the screen on while the match is live and lets it sleep once it ends', async () => {
    const m = (await today(app)).league[1]!;
    const drive = driver(app, op.token, m.id);
    await drive.state({ status: 'live' });
    const { context, page } = await desk('phone', m.id);
    await expect.poll(() => deviceLog(page), within(3000)).toContain('request:screen');
    // Hidden and shown again: the browser dropped the lock, the console takes it again.
    await page.evaluate(() => {
      (window as unknown as { dropLocks(): void }).dropLocks();
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect
      .poll(async () => (await deviceLog(page)).filter((l) => l === 'request:screen').length, within(3000))
      .toBe(2);
    expect(await deviceLog(page)).not.toContain('release');
    for (const period of ['half_time', 'second_half']) await drive.state({ period });
    await drive.state({ status: 'finished' });
    await expect.poll(() => deviceLog(page), within(5000)).toContain('release');
    await context.close();
  });

  it('remembers the outdoor theme on this device, and it passes the contrast audit', async () => {
    const { context, page } = await desk('phone');
    await page.getByTestId('outdoor-toggle').click();
    await page.reload();
    await page.getByTestId('score-block').waitFor();
    expect(await page.getByTestId('desk').getAttribute('data-theme')).toBe('outdoor');
    for (const vp of ['phone', 'landscape'] as const) {
      await page.setViewportSize(viewports[vp]);
      for (const tab of ['feed', 'stats', 'match']) {
        await page.getByTestId(`tab-${tab}`).click();
        expect(await axeViolations(page), `${tab} at ${vp}`).toEqual([]);
      }
      await page.getByTestId('goal-away').click();
      expect(await axeViolations(page), `player sheet at ${vp}`).toEqual([]);
      await page.getByTestId('sheet-cancel').click();
    }
    await page.getByTestId('outdoor-toggle').click();
    expect(await page.getByTestId('desk').getAttribute('data-theme')).toBe('standard');
    await context.close();
  });
});
