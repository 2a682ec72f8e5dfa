import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { LineupOptionsAnswer, MatchSummary } from '@touchline/contract';
import { ADMIN, type App, appAndBrowser, newPage, screenshot, signInPage } from './harness.ts';
import { today } from './matches.ts';

describe('the captain’s lineup in Chromium', () => {
  let app: App;
  let browser: Browser;
  appAndBrowser((started) => ({ app, browser } = started));

  it('counts against the competition’s rules, says what is missing, and tells namesakes apart', async () => {
    const adminToken = await app.login(ADMIN.login, ADMIN.password);
    // A match whose home roster has nobody suspended, so its demo lineup stands as it is.
    let match: MatchSummary | undefined;
    let options: LineupOptionsAnswer | undefined;
    for (const m of (await today(app)).league) {
      const read = await app.api('GET', `/api/matches/${m.id}/lineup-options/home`, undefined, adminToken);
      if (!match && !(read.body as LineupOptionsAnswer).roster.some((p) => p.suspended))
        [match, options] = [m, read.body];
    }
    expect(match).toBeDefined();
    const club = match!.homeClub.id;
    // A second player with the name of one already on the roster.
    const twin = options!.roster.find((p) => p.position !== 'GK')!;
    const created = await app.api(
      'POST',
      '/api/admin/players',
      { firstName: twin.firstName, lastName: twin.lastName, birthDate: '2007-03-01', clubId: club, shirtNumber: 88 },
      adminToken,
    );
    expect(created.status).toBe(201);
    const twinId = created.body.player.id as string;
    const rostered = await app.api('PUT', `/api/admin/seasons/${match!.seasonId}/roster/${twinId}`, {}, adminToken);
    expect(rostered.status).toBe(201);
    const captain = await app.createStaff('captain', { clubId: club });
    // Kick-off was due ten minutes ago but the operator has not started the match: the lineup is still open, as the
    // server's rule says (the status decides, not the clock), whatever hour the suite runs at.
    const late = await app.api(
      'PATCH',
      `/api/admin/matches/${match!.id}`,
      { kickoffAt: new Date(Date.now() - 10 * 60_000).toISOString(), reason: 'late start' },
      adminToken,
    );
    expect(late.status).toBe(200);

    const { context, page } = await newPage(browser, 'phone');
    await signInPage(page, app, captain.login, captain.password);
    await page.goto(`${app.url}/captain/${match!.id}`);
    const row = (id: string) => page.locator(`li.roster-row[data-player-id="${id}"]`);
    await row(twinId).waitFor();
    expect(await row(twinId).getByTestId('namesake-year').textContent()).toContain('2007');
    expect(await row(twin.playerId).getByTestId('namesake-year').count()).toBe(1);
    expect(await row(twinId).textContent()).toContain('88');

    // The demo lineup keeps the rules; one more starter breaks them and saving waits.
    const counts = page.getByTestId('lineup-counts');
    expect(await counts.textContent()).toContain('11/11');
    await row(twinId).getByTestId('lineup-player-checkbox').check();
    expect(await counts.textContent()).toContain('12/11');
    expect(await page.getByTestId('lineup-rule-problems').textContent()).toContain('ровно 11');
    expect(await page.getByTestId('lineup-save').isDisabled()).toBe(true);
    await screenshot(page, 'captain-lineup-rules-360x740');

    await row(twinId).getByTestId('lineup-role').selectOption('substitute');
    expect(await page.getByTestId('lineup-rule-problems').count()).toBe(0);
    await page.getByTestId('lineup-save').click();
    await page.getByTestId('lineup-saved').waitFor();
    await context.close();
  });
});
