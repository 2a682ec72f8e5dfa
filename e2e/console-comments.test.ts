import { describe, expect, it } from 'vitest';
import { type App, appAndBrowser, newPage, screenshot, serviceWorkerControls, signInPage } from './harness.ts';
import type { Browser } from 'playwright-core';
import { snapshot, today } from './matches.ts';

const within = (ms: number) => ({ timeout: ms, interval: 25 });

/** The live ticker from the console (docs/rules.md §1.1, decision 037): a comment is an event like any other. */
describe('a comment written in the console, in Chromium', () => {
  let app: App;
  let browser: Browser;
  appAndBrowser((started) => ({ app, browser } = started));

  it('waits in the outbox while offline, through a reload, and reaches a fan once the network is back', async () => {
    const m = (await today(app)).live[0]!;
    const before = (await snapshot(app, m.id)).events.length;
    const op = await app.createStaff('operator');
    const { context, page } = await newPage(browser);
    await signInPage(page, app, op.login, op.password);
    await serviceWorkerControls(page);
    await page.goto(`${app.url}/console/${m.id}`);
    await page.getByTestId('score-block').waitFor();
    const fan = await newPage(browser);
    await fan.page.goto(`${app.url}/matches/${m.id}`);
    await fan.page.getByTestId('timeline').waitFor({ state: 'attached' });

    await context.setOffline(true);
    await expect
      .poll(() => page.getByTestId('connection-indicator').getAttribute('data-state'), within(5000))
      .not.toBe('online');
    const line = 'Floodlights <b>fail</b> — play stopped';
    await page.getByTestId('more-home').click();
    await page.getByTestId('action-home-comment').click();
    await page.getByTestId('comment-text').fill(line);
    await page.getByTestId('comment-send').click();
    await expect.poll(() => page.getByTestId('pending-count').getAttribute('data-count'), within(2000)).toBe('1');

    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await page.getByTestId('score-block').waitFor();
    await expect.poll(() => page.getByTestId('pending-count').getAttribute('data-count'), within(5000)).toBe('1');
    await screenshot(page, 'console-comment-offline-360x740');
    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('pending-count').getAttribute('data-count'), within(10_000)).toBe('0');

    const events = (await snapshot(app, m.id)).events.slice(before);
    expect(events.map((e) => [e.type, e.text])).toEqual([['comment', line]]);
    const fanLine = fan.page.locator('[data-testid="timeline-item"][data-type="comment"]');
    await expect.poll(() => fanLine.first().textContent(), within(5000)).toContain(line);

    // The operator corrects the comment's words in the console's editor; the fan sees the new ones.
    await page.getByTestId('tab-feed').click();
    const item = page.locator('[data-testid="event-item"][data-type="comment"]');
    await item.getByTestId('event-edit').click();
    const fixed = 'Keeper saves with his feet';
    await item.getByTestId('event-editor').getByTestId('event-text').fill(fixed);
    await item.getByTestId('event-editor').locator('button[type="submit"]').click();
    await expect.poll(async () => (await snapshot(app, m.id)).events.at(-1)?.text, within(5000)).toBe(fixed);
    await expect.poll(() => fanLine.first().textContent(), within(5000)).toContain(fixed);
    await Promise.all([context.close(), fan.context.close()]);
  });
});
