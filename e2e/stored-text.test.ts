import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ADMIN, type App, appAndBrowser, newPage, screenshot, signInPage } from './harness.ts';

const within = (ms: number) => ({ timeout: ms, interval: 50 });

describe('a name with a control character, on a phone', () => {
  let app: App;
  let browser: Browser;
  appAndBrowser((started) => ({ app, browser } = started));

  it('is refused in words beside the name, and no club is created', async () => {
    const token = await app.login(ADMIN.login, ADMIN.password);
    const clubs = async () =>
      ((await app.api('GET', '/api/admin/clubs', undefined, token)).body as { clubs: [] }).clubs;
    const before = (await clubs()).length;
    const { context, page } = await newPage(browser, 'phone');
    await signInPage(page, app, ADMIN.login, ADMIN.password);
    await page.goto(`${app.url}/admin/clubs`);
    await page.getByTestId('club-new').click();
    const form = page.getByTestId('club-form');
    // A tab survives a pasted name (a text input drops only line breaks).
    await form.getByLabel('Полное название').fill('Рассвет\tЗаречье');
    await form.getByLabel('Краткое название').fill('РАС');
    await form.getByTestId('club-save').click();

    const error = form.getByTestId('server-error');
    await expect.poll(() => error.getAttribute('data-code'), within(5000)).toBe('control_characters');
    expect(await error.textContent()).toContain('Названия и заметки пишутся одной строкой');
    const name = form.getByLabel('Полное название');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await name.getAttribute('aria-describedby'))!.split(' ');
    const beside = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(beside.join(' ')).toContain('control characters');
    await screenshot(page, 'admin-club-control-characters-360x740');
    expect((await clubs()).length).toBe(before);
    await context.close();
  });
});
