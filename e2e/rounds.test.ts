import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { activeSeason, ADMIN, type App, appAndBrowser, newPage, screenshot, signInPage } from './harness.ts';

const within = (ms: number) => ({ timeout: ms, interval: 50 });
/** A raw error code or status line, as the admin's fixtures card once showed: "not_enough_clubs (HTTP 409): …". */
const RAW = /[a-z]+_[a-z_]+|HTTP \d{3}/;

describe('round names and the fixtures card in Chromium', () => {
  let app: App;
  let browser: Browser;
  let adminToken: string;
  let seasons: { league: string; cup: string };
  appAndBrowser(async (started) => {
    ({ app, browser } = started);
    adminToken = await app.login(ADMIN.login, ADMIN.password);
    seasons = { league: await activeSeason(app, 'league'), cup: await activeSeason(app, 'cup') };
  });

  /** A page whose reader chose English before it loaded. */
  async function englishPage(): Promise<{ context: BrowserContext; page: Page }> {
    const { context, page } = await newPage(browser, 'phone');
    await context.addInitScript(() => localStorage.setItem('touchline.lang', 'en'));
    return { context, page };
  }

  it('names rounds in the reader’s language on every public page', async () => {
    const { context, page } = await englishPage();
    await page.goto(`${app.url}/seasons/${seasons.league}`);
    await expect.poll(() => page.locator('section h3').allTextContents(), within(10_000)).toContain('Round 4');
    expect((await page.locator('main').textContent()) ?? '').not.toMatch(/Тур|финал/);
    await screenshot(page, 'rounds-season-en-360x740');

    await page.goto(`${app.url}/`);
    await page.getByTestId('match-card').first().waitFor();
    const cards = (await page.getByTestId('match-card').allTextContents()).join(' ');
    expect(cards).toMatch(/Round 4|Quarter-finals/);
    expect(cards).not.toMatch(/Тур|финал/);

    const { matches } = (await app.api('GET', `/api/matches?seasonId=${seasons.league}`)).body as {
      matches: { id: string; round?: { number: number } }[];
    };
    await page.goto(`${app.url}/matches/${matches.find((m) => m.round?.number === 2)!.id}`);
    await page.getByTestId('score-block').waitFor();
    expect(await page.locator('.match-page').textContent()).toContain('Round 2');

    await page.goto(`${app.url}/seasons/${seasons.cup}/bracket`);
    await expect
      .poll(() => page.locator('.bracket-round h2').allTextContents(), within(10_000))
      .toEqual(['Quarter-finals', 'Semi-finals', 'Final']);
    await screenshot(page, 'rounds-bracket-en-360x740');
    await context.close();
  });

  it('says in words why fixtures cannot be made, and drops the reason once it is fixed', async () => {
    const api = async (method: string, url: string, body?: unknown) => {
      const res = await app.api(method, url, body, adminToken);
      if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const { competition } = await api('POST', '/api/admin/competitions', { name: 'Весенняя лига', type: 'league' });
    const { season } = await api('POST', '/api/admin/seasons', {
      competitionId: competition.id,
      name: 'Весна',
      format: 'round_robin',
      startsOn: '2026-04-01',
      endsOn: '2026-06-30',
    });
    const { participants } = (await api('GET', `/api/admin/seasons/${seasons.league}`)) as {
      participants: { club: { id: string; name: string } }[];
    };
    const clubs = participants.map((p) => p.club);
    await api('PUT', `/api/admin/seasons/${season.id}/participants/${clubs[0]!.id}`, {});
    // The two clubs also meet in the demo league on 1 April at 18:00, when the spring season's first round starts.
    await api('POST', '/api/admin/matches', {
      seasonId: seasons.league,
      homeClubId: clubs[1]!.id,
      awayClubId: clubs[0]!.id,
      kickoffAt: '2026-04-01T15:00:00.000Z',
    });

    const { context, page } = await newPage(browser, 'phone');
    await signInPage(page, app, ADMIN.login, ADMIN.password);
    await page.goto(`${app.url}/admin/seasons/${season.id}`);
    const form = page.getByTestId('fixtures-form');
    await form.waitFor();
    // One club: the button says why it cannot work, in words, before anyone presses it.
    const blocked = form.getByTestId('fixtures-blocked');
    await blocked.waitFor();
    expect(await blocked.textContent()).not.toMatch(RAW);
    expect(await form.getByRole('button', { name: 'Составить календарь' }).isDisabled()).toBe(true);
    // The first date defaults to the season's start.
    expect(await form.getByLabel('Начиная с').inputValue()).toBe('2026-04-01');

    const add = page.getByTestId('add-participant');
    await add.getByLabel('Добавить клуб').selectOption({ label: clubs[1]!.name });
    await add.getByRole('button', { name: 'Добавить' }).click();
    await blocked.waitFor({ state: 'detached' });

    // A date before the season: refused, in words, beside the date; gone once the date is changed.
    await form.getByLabel('Начиная с').fill('2026-03-01');
    await form.getByRole('button', { name: 'Составить календарь' }).click();
    const refusal = form.getByTestId('server-error');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('fixtures_outside_season');
    expect(await refusal.textContent()).not.toMatch(RAW);
    expect(await form.locator('.field-error').first().textContent()).toMatch(/1 апреля 2026/);
    await screenshot(page, 'admin-fixtures-refused-360x740');
    await form.getByLabel('Начиная с').fill('2026-04-01');
    await refusal.waitFor({ state: 'detached' });

    // Generated: the card lists each round with its date, and names the clubs that would play twice at once.
    await form.getByRole('button', { name: 'Составить календарь' }).click();
    await expect
      .poll(() => page.locator('ol.rounds li').allTextContents(), within(10_000))
      .toEqual([expect.stringMatching(/Тур 1.*1 апр/)]);
    const clashes = await page.getByTestId('double-bookings').locator('li').allTextContents();
    expect(clashes).toHaveLength(2);
    for (const club of clubs.slice(0, 2)) expect(clashes.join(' ')).toContain(club.name);
    expect(await page.getByTestId('form-done').first().textContent()).toMatch(/с 1 апреля 2026/);
    await screenshot(page, 'admin-fixtures-dates-360x740');
    await context.close();
  });
});
