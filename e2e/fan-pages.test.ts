import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { liveMinute } from '../packages/web/src/lib/clock.ts';
import { axeViolations } from './axe.ts';
import { type App, appAndBrowser, newPage, screenshot } from './harness.ts';
import { driver, snapshot, today } from './matches.ts';

const within = (ms: number) => ({ timeout: ms, interval: 25 });

/** The page's stream is subscribed once its snapshot came; a change after that arrives as a patch. */
const subscribed = () => new Promise((r) => setTimeout(r, 2000));

/**
 * Where the visible text of each element wraps: its lines, and for every line break the character before it. Text
 * for assistive technology only (`.visually-hidden`) is skipped; spaces are not measured (a space at a line's end
 * hangs), so a break at one shows as that character.
 */
function wrapsIn(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const lines = [''];
      const add = (c: string) => lines.push(lines.pop()! + c);
      const before: string[] = [];
      let lastTop: number | undefined;
      let skip = false;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('.visually-hidden')) continue;
        const value = node.nodeValue ?? '';
        for (let i = 0; i < value.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          // A soft hyphen has width only where the line breaks at it (drawn as "-"); Chromium then reports the next
          // character on the line before, so the line after starts where the next character is measured.
          if (value[i] === '\u00ad' && range.getBoundingClientRect().width > 0) {
            add(value[i]!);
            before.push(value[i]!);
            lines.push('');
            lastTop = undefined;
            skip = true;
            continue;
          }
          const rect = /[\s\u00ad]/.test(value[i]!) || skip ? undefined : range.getClientRects()[0];
          skip = false;
          if (rect && rect.width > 0) {
            if (lastTop !== undefined && rect.top > lastTop + 2) {
              before.push(lines.at(-1)!.at(-1) ?? '');
              lines.push('');
            }
            lastTop = rect.top;
          }
          add(value[i]!);
        }
      }
      const text = lines.join('').replaceAll('\u00ad', '');
      return { text, lines, before, lang: el.querySelector('[lang]')?.getAttribute('lang') };
    }),
  );
}

describe("the fans' pages, polished (issue 18)", () => {
  let app: App;
  let browser: Browser;
  let op: Awaited<ReturnType<App['createStaff']>>;
  appAndBrowser(async (started) => {
    ({ app, browser } = started);
    op = await app.createStaff('operator');
  });

  it('makes a goal stand out: the score pulses, a GOAL line names minute and scorer, the tab shows the score', async () => {
    const m = (await today(app)).live[0]!;
    const scorer = (await snapshot(app, m.id)).lineups.home[0]!;
    const { context, page } = await newPage(browser, 'phone');
    await page.goto(`${app.url}/matches/${m.id}`);
    await page.getByTestId('score-block').waitFor();
    await subscribed();
    const names = `${m.homeClub.name} – ${m.awayClub.name}`;
    expect(await page.title()).toBe(`0:0 ${names} · Touchline`);
    const line = page.getByTestId('goal-line');
    expect(await line.getAttribute('aria-live')).toBe('polite');
    expect(await line.textContent()).toBe('');

    await driver(app, op.token, m.id).event({ type: 'goal', side: 'home', minute: 37, playerId: scorer.playerId });
    await expect.poll(() => line.textContent(), within(2000)).toContain('ГОЛ');
    const said = await line.textContent();
    expect(said).toContain(`37'`);
    expect(said).toContain(`${scorer.firstName} ${scorer.lastName}`);
    const running = () =>
      page.locator('.big-score').evaluate((el) => el.getAnimations().filter((a) => a.playState === 'running').length);
    expect(await running()).toBeGreaterThan(0);
    await expect.poll(() => page.title(), within(1000)).toBe(`1:0 ${names} · Touchline`);
    await screenshot(page, 'fan-goal-360x740');
    expect(await axeViolations(page), 'the goal moment passes the axe audit').toEqual([]);
    // A few seconds later the moment has passed; the score stays in the title.
    await expect.poll(() => line.textContent(), within(10_000)).toBe('');
    expect(await running()).toBe(0);
    expect(await page.title()).toBe(`1:0 ${names} · Touchline`);
    await context.close();

    // A fan who asked for less motion still gets the GOAL line, without the pulse.
    const calm = await newPage(browser, 'phone');
    await calm.page.emulateMedia({ reducedMotion: 'reduce' });
    await calm.page.goto(`${app.url}/matches/${m.id}`);
    await calm.page.getByTestId('score-block').waitFor();
    await subscribed();
    await driver(app, op.token, m.id).event({ type: 'goal', side: 'away', minute: 52 });
    await expect.poll(() => calm.page.getByTestId('goal-line').textContent(), within(2000)).toContain(`52'`);
    expect(await calm.page.locator('.goal-pulse .big-score').count()).toBe(1);
    expect(await calm.page.locator('.big-score').evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    await calm.context.close();
  });

  it('aligns home events left, away events right and comments in the middle, at 360 px', async () => {
    const m = (await today(app)).live[0]!;
    const drive = driver(app, op.token, m.id);
    await drive.event({ type: 'yellow_card', side: 'away', minute: 40 });
    await drive.event({ type: 'comment', side: 'home', minute: 41, text: 'Дождь усиливается' });
    const { context, page } = await newPage(browser, 'phone');
    await page.goto(`${app.url}/matches/${m.id}`);
    await page.locator('[data-testid="timeline-item"][data-type="comment"]').waitFor();
    const boxes = await page.getByTestId('timeline-item').evaluateAll((items) =>
      items.map((li) => {
        const row = li.getBoundingClientRect();
        const minute = li.querySelector('.feed-minute')!.getBoundingClientRect();
        const text = li.lastElementChild!.getBoundingClientRect();
        return {
          type: (li as HTMLElement).dataset.type!,
          side: ['home', 'away', 'neutral'].find((side) => li.classList.contains(`side-${side}`)),
          fromLeft: minute.left - row.left,
          fromRight: row.right - minute.right,
          textCentreOff: Math.abs((text.left + text.right) / 2 - (row.left + row.right) / 2),
        };
      }),
    );
    // The earlier test's goals: 37' for home, 52' for away; and this test's card for away.
    const home = boxes.find((b) => b.type === 'goal' && b.side === 'home')!;
    const away = boxes.find((b) => b.type === 'yellow_card')!;
    const comment = boxes.find((b) => b.type === 'comment')!;
    expect(home.fromLeft).toBeLessThan(8);
    expect(home.fromRight).toBeGreaterThan(100);
    expect(away.fromRight).toBeLessThan(8);
    expect(away.fromLeft).toBeGreaterThan(100);
    expect(comment.textCentreOff).toBeLessThan(40);
    expect(comment.fromLeft).toBeGreaterThan(20);
    await page.getByTestId('timeline').scrollIntoViewIfNeeded();
    await screenshot(page, 'fan-timeline-360x740');
    await context.close();
  });

  it('wraps long club names only at spaces, hyphens and soft hyphens of their language, at 360 px', async () => {
    const { live, league } = await today(app);
    const { context, page } = await newPage(browser, 'phone');
    const found: Awaited<ReturnType<typeof wrapsIn>> = [];
    for (const [path, selector] of [
      ['/', '[data-testid="match-card"] .club-full'],
      [`/matches/${live[0]!.id}`, '[data-testid="score-block"] .club-full, .club-links a'],
      [`/seasons/${league[0]!.seasonId}`, '.standings-club'],
    ] as const) {
      await page.goto(`${app.url}${path}`);
      await page
        .locator(`${selector.split(',')[0]} .hyphenated`)
        .first()
        .waitFor({ timeout: 10_000 });
      found.push(...(await wrapsIn(page, selector)));
    }
    const bad = found.filter((f) => f.before.some((c) => ![' ', '-', '\u00ad'].includes(c)));
    expect(bad).toEqual([]);
    // The long demo names do wrap, and some of them inside a word, at a syllable break.
    expect(found.some((f) => f.text === 'Спартак-Авангард Нижний Новгород' && f.before.length > 0)).toBe(true);
    expect(found.some((f) => f.before.includes('\u00ad'))).toBe(true);
    expect(found.every((f) => f.lang === 'ru')).toBe(true);
    await context.close();
  });

  it('shows a cup season as its bracket, not a table of zeros; season and bracket pages name competition and season', async () => {
    const { cup, league } = await today(app);
    const { context, page } = await newPage(browser, 'phone');
    await page.goto(`${app.url}/seasons/${cup.seasonId}`);
    await page.getByTestId('bracket-tie').first().waitFor();
    await page.getByTestId('match-card').first().waitFor();
    expect(await page.getByTestId('standings').count()).toBe(0);
    const heading = page.getByRole('heading', { level: 1 });
    expect(await heading.textContent()).toBe(`${cup.competition.name}, сезон 2026`);
    expect(await page.title()).toBe(`${cup.competition.name}, сезон 2026 · Touchline`);
    await screenshot(page, 'fan-cup-season-360x740');

    await page.goto(`${app.url}/seasons/${cup.seasonId}/bracket`);
    await page.getByTestId('bracket-tie').first().waitFor();
    await expect.poll(() => heading.textContent(), within(5000)).toContain(cup.competition.name);
    expect(await heading.textContent()).toContain('2026');
    expect(await page.title()).toContain(cup.competition.name);

    await page.goto(`${app.url}/seasons/${league[0]!.seasonId}`);
    await page.getByTestId('standings').waitFor();
    expect(await heading.textContent()).toBe(`${league[0]!.competition.name}, сезон 2026`);
    expect(await page.getByTestId('bracket').count()).toBe(0);
    await context.close();
  });

  it('gives "current season" a colour of its own, not the colour of "live"', async () => {
    const { context, page } = await newPage(browser, 'phone');
    await page.goto(`${app.url}/competitions`);
    const current = page.locator('.chip', { hasText: 'текущий' }).first();
    await current.waitFor();
    const [chip, live] = await current.evaluate((el) => {
      const probe = document.createElement('span');
      probe.className = 'chip chip-live';
      document.body.append(probe);
      const colours = [getComputedStyle(el).backgroundColor, getComputedStyle(probe).backgroundColor];
      probe.remove();
      return colours;
    });
    expect(chip).not.toBe(live);
    await context.close();
  });

  it('shows the running minute on live cards, by the match page’s clock, and the break at half time', async () => {
    const { live } = await today(app);
    const m = live[0]!;
    const { context, page } = await newPage(browser, 'phone');
    await page.goto(`${app.url}/`);
    const card = page.locator(`[data-testid="live-matches"] [data-match-id="${m.id}"]`);
    await card.waitFor();
    const shown = await card.getByTestId('live-minute').textContent();
    const summary = (await snapshot(app, m.id)).match;
    const reading = liveMinute(summary, Date.now());
    expect(reading && 'minute' in reading).toBe(true);
    const expected = reading && 'minute' in reading ? reading : undefined;
    expect(shown).toMatch(/^\d+(\+\d+)?'$/);
    const [minute, added] = shown!.replace("'", '').split('+').map(Number);
    // The same rule: the same minute, give or take the one that may have ticked between the two readings.
    expect(Math.abs(minute! + (added ?? 0) - (expected!.minute + (expected!.addedTime ?? 0)))).toBeLessThanOrEqual(1);
    await screenshot(page, 'fan-today-live-360x740');

    await driver(app, op.token, m.id).state({ period: 'half_time' });
    await expect.poll(() => card.getByTestId('live-minute').textContent(), within(3000)).toBe('Перерыв');
    await context.close();
  });
});
