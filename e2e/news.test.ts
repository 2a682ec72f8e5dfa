import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, type App, appAndBrowser, newPage, screenshot, signInPage } from './harness.ts';

const within = (ms: number) => ({ timeout: ms, interval: 50 });
/** A 1×1 PNG: a real image, so the cover shows. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgaPj/HwAFBQIA3n1kZQAAAABJRU5ErkJggg==',
  'base64',
);
const SCRIPT = '<script>window.pwned=1</script>';
const IMG = '<img src=x onerror="window.pwned=1">';
const JS_LINK = 'javascript:window.pwned=1';

/** What injected markup would leave behind: none of it may be in the page. */
async function injected(page: Page) {
  return page.evaluate(() => ({
    pwned: (window as { pwned?: unknown }).pwned,
    scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('pwned')).length,
    images: document.querySelectorAll('img[src="x"], img[onerror]').length,
    links: document.querySelectorAll('a[href^="javascript:" i]').length,
  }));
}

describe('league news on the public pages, on a phone', () => {
  let app: App;
  let browser: Browser;
  let token: string;
  let clubId: string;
  appAndBrowser(async (started) => {
    ({ app, browser } = started);
    token = await app.login(ADMIN.login, ADMIN.password);
    clubId = ((await app.api('GET', '/api/clubs')).body as { clubs: { id: string }[] }).clubs[0]!.id;
  });

  const publish = async (body: object) => {
    const res = await app.api('POST', '/api/admin/news', body, token);
    expect(res.status).toBe(201);
    return res.body.news as { id: string; title: string };
  };

  it('shows script, image and javascript: payloads as literal text on the Today page and the item page', async () => {
    const item = await publish({
      title: `Derby ${SCRIPT} ${IMG}`,
      body: `**Big** news ${SCRIPT}\n\n${IMG} and [click](${JS_LINK}) or ${JS_LINK}\nhttps://example.org/tickets`,
      clubIds: [clubId],
    });
    const cover = await fetch(`${app.url}/api/admin/news/${item.id}/cover`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
      body: PNG,
    });
    expect(cover.status).toBe(200);

    const { context, page } = await newPage(browser, 'phone');
    await page.goto(`${app.url}/`);
    const entry = page.getByTestId('news-list').locator('li').first();
    await entry.waitFor();
    expect(await entry.textContent()).toContain(`Derby ${SCRIPT} ${IMG}`);
    expect(await injected(page)).toEqual({ pwned: undefined, scripts: 0, images: 0, links: 0 });
    await screenshot(page, 'news-list-360x740');

    await entry.getByRole('link').click();
    const view = page.getByTestId('news-item');
    await view.waitFor();
    expect(await view.locator('h1').textContent()).toBe(`Derby ${SCRIPT} ${IMG}`);
    const body = view.locator('.news-body');
    expect(await body.locator('strong').textContent()).toBe('Big');
    expect(await body.textContent()).toContain(`${IMG} and [click](${JS_LINK}) or ${JS_LINK}`);
    expect(await body.locator('a').getAttribute('href')).toBe('https://example.org/tickets');
    expect(await view.locator('.news-cover').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    expect(await view.getByRole('link', { name: /.+/ }).count()).toBeGreaterThan(1);
    expect(await injected(page)).toEqual({ pwned: undefined, scripts: 0, images: 0, links: 0 });
    await screenshot(page, 'news-item-360x740');
    await context.close();
  });

  it('shows a new item on an open Today page and on its club’s page without a reload', async () => {
    const { context, page } = await newPage(browser, 'phone');
    await page.goto(`${app.url}/`);
    await page.getByTestId('news-list').waitFor();
    await page.evaluate(() => ((window as { stayed?: boolean }).stayed = true));
    const club = await context.newPage();
    await club.goto(`${app.url}/clubs/${clubId}`);
    await club.getByTestId('news-list').waitFor();

    const fresh = await publish({ title: 'Kick-off moved to 19:00', body: 'Floodlights *fixed*.', clubIds: [clubId] });
    const first = page.getByTestId('news-list').locator('li').first();
    await expect.poll(() => first.textContent(), within(10_000)).toContain(fresh.title);
    await expect
      .poll(() => club.getByTestId('news-list').locator('li').first().textContent(), within(10_000))
      .toContain(fresh.title);

    expect((await app.api('PATCH', `/api/admin/news/${fresh.id}`, { title: 'Kick-off at 19:30' }, token)).status).toBe(
      200,
    );
    await expect.poll(() => first.textContent(), within(10_000)).toContain('Kick-off at 19:30');
    expect((await app.api('DELETE', `/api/admin/news/${fresh.id}`, undefined, token)).status).toBe(204);
    await expect.poll(() => page.getByText('Kick-off at 19:30').count(), within(10_000)).toBe(0);
    expect(await page.evaluate(() => (window as { stayed?: boolean }).stayed)).toBe(true);
    await context.close();
  });

  it('is written on the admin News screen, with a preview of the formatting', async () => {
    const { context, page } = await newPage(browser, 'phone');
    await signInPage(page, app, ADMIN.login, ADMIN.password);
    await page.goto(`${app.url}/admin/news`);
    await page.getByTestId('news-new').click();
    const form = page.getByTestId('news-form');
    await form.getByTestId('news-title').fill('Cup draw on Friday');
    await form.getByTestId('news-body').fill('The draw is **live** at 18:00.');
    expect(await form.locator('.news-body strong').textContent()).toBe('live');
    await screenshot(page, 'admin-news-editor-360x740');
    await form.getByTestId('news-save').click();
    await expect
      .poll(() => page.getByTestId('news-admin-list').textContent(), within(5000))
      .toContain('Cup draw on Friday');
    const { news } = (await app.api('GET', '/api/news')).body as { news: { title: string; body: string }[] };
    expect(news[0]).toMatchObject({ title: 'Cup draw on Friday', body: 'The draw is **live** at 18:00.' });
    await context.close();
  });
});
