import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchSummary } from '@touchline/contract';
import { resultModel } from '../src/share/card-data.ts';
import { renderCard } from '../src/share/render.ts';
import { resultCard } from '../src/share/result-card.ts';
import { type Api, matches, signInAdmin, staff, todaysMatches } from './api.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';
import { fakeWebDist } from './web-dist.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../../e2e/artifacts');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk, which always comes first. */
function pngSize(png: Buffer) {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Share cards (decision 044): PNGs from the server, cached exactly until the match changes. */
describe.each(dbKinds)('share cards on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  let op: Api;
  const dist = fakeWebDist({ 'index.html': '<html><head><title>Touchline</title></head><body></body></html>' });
  let finished: MatchSummary;
  let live: MatchSummary;
  beforeAll(async () => {
    s = await startTestServer(kind, { demo: true, config: { webDist: dist.dir, publicUrl: 'https://league.example' } });
    admin = await signInAdmin(s.app);
    op = (await staff(s.app, admin, 'operator')).api;
    finished = (await matches(s.app, '?status=finished')).find((m) => m.score.home + m.score.away > 0)!;
    live = (await todaysMatches(s.app)).live[0]!;
  });
  afterAll(async () => {
    await s.close();
    dist.remove();
  });

  const get = (url: string, headers: Record<string, string> = {}) => s.app.inject({ method: 'GET', url, headers });

  it('draws a result at both sizes, naming both clubs in full, in Cyrillic, with the score and the scorers', async () => {
    for (const [size, width, height] of [
      ['1200x630', 1200, 630],
      ['1080x1080', 1080, 1080],
    ] as const) {
      const res = await get(`/api/matches/${finished.id}/card.png?size=${size}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(pngSize(res.rawPayload)).toEqual({ width, height });
      if (kind === 'postgres') {
        mkdirSync(ARTIFACTS, { recursive: true });
        writeFileSync(path.join(ARTIFACTS, `card-result-${size}.png`), res.rawPayload);
      }
    }
    // The texts the layout placed, read back from the SVG step.
    const model = (await resultModel(s.app.db, Number(finished.id), 'ru', s.app.config.timezone))!;
    const { texts } = await renderCard(resultCard(model, '1200x630'), '1200x630');
    expect(texts).toContain(finished.homeClub.name);
    expect(texts).toContain(finished.awayClub.name);
    expect(finished.homeClub.name).toMatch(/[а-яё]/i);
    expect(texts).toContain(`${finished.score.home}:${finished.score.away}`);
    expect(texts).toContain('Матч завершён');
    expect(texts.filter((t) => /\d+′/.test(t))).toHaveLength(finished.score.home + finished.score.away);
  });

  it('answers 304 to its ETag until the match changes, then draws the new score', async () => {
    const url = `/api/matches/${live.id}/card.png?size=1080x1080&lang=en`;
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await get(url, { 'if-none-match': etag })).statusCode).toBe(304);
    const goal = await op.req('POST', `/api/matches/${live.id}/events`, { type: 'goal', side: 'away', minute: 44 });
    expect(goal.status).toBe(201);
    const after = await get(url, { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(pngSize(after.rawPayload)).toEqual({ width: 1080, height: 1080 });
    // Another size or language is another picture.
    expect((await get(`/api/matches/${live.id}/card.png?size=1080x1080&lang=ru`)).headers.etag).not.toBe(
      after.headers.etag,
    );
  });

  it('draws a lineup and a table; refuses an unknown size, side or id', async () => {
    const lineup = await get(`/api/matches/${live.id}/lineup.png?side=home`);
    expect(lineup.statusCode).toBe(200);
    expect(pngSize(lineup.rawPayload)).toEqual({ width: 1200, height: 630 });
    const table = await get(`/api/seasons/${live.seasonId}/standings.png?size=1080x1080`);
    expect(table.statusCode).toBe(200);
    expect(pngSize(table.rawPayload)).toEqual({ width: 1080, height: 1080 });
    if (kind === 'postgres') {
      writeFileSync(path.join(ARTIFACTS, 'card-lineup-1200x630.png'), lineup.rawPayload);
      writeFileSync(path.join(ARTIFACTS, 'card-standings-1080x1080.png'), table.rawPayload);
    }
    for (const url of [
      `/api/matches/${live.id}/card.png?size=640x480`,
      `/api/matches/${live.id}/lineup.png?side=middle`,
      `/api/matches/${live.id}/card.png?lang=de`,
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('bad_request');
    }
    expect((await get('/api/matches/999999/card.png')).statusCode).toBe(404);
    expect((await get('/api/seasons/999999/standings.png')).statusCode).toBe(404);
  });

  it('gives the match page a link preview of its card, every value escaped', async () => {
    const renamed = await admin.req('PATCH', `/api/admin/clubs/${finished.homeClub.id}`, { name: 'Клуб "<b>x</b>"' });
    expect(renamed.status).toBe(200);
    const page = await get(`/matches/${finished.id}`);
    expect(page.statusCode).toBe(200);
    const meta = (p: string) => new RegExp(`<meta property="${p}" content="([^"]*)" />`).exec(page.body)?.[1];
    expect(meta('og:image')).toBe(`https://league.example/api/matches/${finished.id}/card.png?size=1200x630`);
    expect(meta('og:title')).toBe(
      `Клуб &#34;&#60;b&#62;x&#60;/b&#62;&#34; ${finished.score.home}:${finished.score.away} ${finished.awayClub.name}`,
    );
    expect(page.body).not.toContain('<b>x</b>');
    // Any other page, and a match that does not exist, are served as built.
    expect((await get('/matches/999999')).body).not.toContain('og:image');
    expect((await get('/competitions')).body).not.toContain('og:image');
  });
});
