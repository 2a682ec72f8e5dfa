import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { openTestDatabase, testConfig } from './helpers.ts';
import { fakeWebDist } from './web-dist.ts';

const directives = (policy: unknown) =>
  new Map(
    String(policy)
      .split('; ')
      .map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const),
  );

describe('framing: widgets from any site, everything else refused (decision 045)', () => {
  const dist = fakeWebDist({
    'index.html': '<html><head></head><body>app</body></html>',
    'embed.html':
      '<html><head><meta name="touchline-timezone" content="Europe/Moscow" /><script type="module" src="/assets/embed-1.js"></script></head><body>widget</body></html>',
    'assets/embed-1.js': 'console.log(1)',
    'embed.js': '(function () {})()',
  });
  let app: FastifyInstance;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const h = await openTestDatabase('pglite');
    dispose = h.dispose;
    app = await buildApp(testConfig({ webDist: dist.dir, timezone: 'Europe/Berlin' }), { database: h.database });
  });
  afterAll(async () => {
    await app.close();
    await dispose();
    dist.remove();
  });

  it('serves the widget page at every widget path, framable from anywhere, under the app page policy', async () => {
    for (const url of [
      '/embed/standings/1?groupId=2&theme=dark',
      '/embed/club/3/fixtures',
      '/embed/season/1/fixtures',
      '/embed/club/3/live',
      '/embed/match/7?lang=en&accent=ff0000&compact=1',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('widget');
      expect(res.body).toContain('<meta name="touchline-timezone" content="Europe/Berlin"');
      expect(res.headers['x-frame-options']).toBeUndefined();
      const policy = directives(res.headers['content-security-policy']);
      expect(policy.get('frame-ancestors')).toEqual(['*']);
      // Only framing is opened: scripts, styles and connections stay this origin's.
      expect(policy.get('script-src')).toEqual(["'self'", 'https://telegram.org']);
      expect(policy.get('style-src')).toEqual(["'self'"]);
      expect(policy.get('connect-src')).toEqual(["'self'"]);
    }
  });

  it('lets any site load /embed.js', async () => {
    const res = await app.inject({ method: 'GET', url: '/embed.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toBe('frame-ancestors *');
    expect(res.headers['cache-control']).toBe('no-cache');
    // Other sites' pages load it as a script: helmet's default same-origin resource policy would block it.
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it('keeps the app pages, the API and the rest refusing to be framed by other sites', async () => {
    for (const url of ['/admin', '/admin/widgets', '/widgets?club=1', '/matches/1', '/api/competitions', '/embed']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['x-frame-options'], url).toBeUndefined();
      expect(directives(res.headers['content-security-policy']).get('frame-ancestors'), url).toEqual([
        "'self'",
        'https://web.telegram.org',
      ]);
    }
  });
});
