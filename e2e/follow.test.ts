import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { FakePushService } from '../packages/server/test/fake-push.ts';
import { browserKeys } from '../packages/server/test/follows-fixture.ts';
import { axeViolations } from './axe.ts';
import { type App, appAndBrowser, newPage, screenshot } from './harness.ts';
import { today } from './matches.ts';

const within = (ms: number) => ({ timeout: ms, interval: 50 });
/** A follow button's accessible name: its visible words, then what it follows. */
const control = (words: string, name: string) =>
  new RegExp(`^${words}\\s*:\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

describe('following a club from the match page in Chromium', () => {
  const push = new FakePushService();
  let pushRoot = '';
  let app: App;
  let browser: Browser;
  appAndBrowser(
    async (started) => {
      ({ app, browser } = started);
    },
    { env: { TOUCHLINE_PUSH_ALLOWED_HOSTS: '127.0.0.1' } },
  );

  it('subscribes to Web Push on the first follow, and shows the follow after a reload; then chooses what to hear about', async () => {
    pushRoot = await push.start();
    const { live } = await today(app);
    const match = live[0]!;
    const subscription = { endpoint: `${pushRoot}/push/e2e-fan`, keys: browserKeys().keys };
    const { context, page } = await newPage(browser, 'phone');
    await context.grantPermissions(['notifications'], { origin: app.url });
    // Headless Chromium has no push service: subscribe() answers a subscription on the fake one, as a browser would.
    await context.addInitScript((sub: typeof subscription) => {
      const stored = () => localStorage.getItem('e2e.push') !== null;
      const made = { endpoint: sub.endpoint, expirationTime: null, toJSON: () => ({ ...sub, expirationTime: null }) };
      PushManager.prototype.subscribe = async function () {
        localStorage.setItem('e2e.push', '1');
        return made as unknown as PushSubscription;
      };
      PushManager.prototype.getSubscription = async function () {
        return (stored() ? made : null) as unknown as PushSubscription;
      };
    }, subscription);

    await page.goto(`${app.url}/matches/${match.id}`);
    const follow = page.getByRole('button', { name: control('Следить', match.homeClub.name) });
    await follow.waitFor({ timeout: 10_000 });
    expect(await follow.getAttribute('aria-pressed')).toBe('false');
    await follow.click();
    const following = page.getByRole('button', { name: control('Слежу', match.homeClub.name) });
    await following.waitFor({ timeout: 5000 });

    const identity = { 'x-push-endpoint': subscription.endpoint, 'x-push-auth': subscription.keys.auth };
    const me = await fetch(`${app.url}/api/me/follows`, { headers: identity });
    expect(me.status).toBe(200);
    expect((await me.json()).follows).toEqual([{ target: 'club', id: match.homeClub.id }]);
    await screenshot(page, 'follow-match-page-360x740');

    await page.reload();
    await following.waitFor({ timeout: 10_000 });
    await expect.poll(() => following.getAttribute('aria-pressed'), within(5000)).toBe('true');
    expect(
      await page.getByRole('button', { name: control('Следить', match.awayClub.name) }).getAttribute('aria-pressed'),
    ).toBe('false');
    await page.goto(`${app.url}/clubs/${match.homeClub.id}`);
    await page.getByRole('button', { name: control('Слежу', match.homeClub.name) }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'follow-club-page-360x740');

    // What to hear about: from the follow, one screen of large switches; saved on the server for this subscription.
    await page.getByRole('link', { name: 'Что сообщать' }).click();
    await page.getByRole('heading', { level: 1, name: 'Уведомления' }).waitFor();
    const kind = (k: string) => page.getByTestId(`notify-kind-${k}`);
    await kind('goal').waitFor();
    expect(await kind('lineups').isChecked()).toBe(false);
    await kind('red_card').uncheck();
    await kind('lineups').check();
    await page.getByTestId('notify-reminder').selectOption('30');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'notification-settings-360x740');
    await page.getByTestId('notify-save').click();
    await expect.poll(() => page.getByTestId('notify-status').textContent(), within(5000)).toBe('Сохранено.');
    const saved = await (await fetch(`${app.url}/api/me/follows`, { headers: identity })).json();
    expect(saved.kinds).toEqual(['kickoff', 'goal', 'half_time', 'full_time', 'lineups', 'reminder']);
    expect(saved.reminderMinutes).toBe(30);
    await page.reload();
    await kind('lineups').waitFor();
    await expect.poll(() => kind('lineups').isChecked(), within(5000)).toBe(true);
    expect(await kind('red_card').isChecked()).toBe(false);
    expect(await page.getByTestId('notify-reminder').inputValue()).toBe('30');
    await context.close();
    await push.close();
  });
});
