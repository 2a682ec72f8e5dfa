import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { openTestDatabase, testConfig } from './helpers.ts';
import { fakeWebDist } from './web-dist.ts';

const INLINE = "navigator.serviceWorker.register('/sw.js')";

describe('serving the web app', () => {
  const dist = fakeWebDist({
    'index.html': `<html><head><meta name="touchline-timezone" content="Europe/Moscow" /><script src="/assets/main-abc123.js"></script><script>${INLINE}</script></head><body>app</body></html>`,
    'assets/main-abc123.js': 'console.log(1)',
    'sw.js': 'self.skipWaiting()',
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

  it('serves index.html for page paths, with the league time zone written in', async () => {
    // The last is the URL the service worker precaches the page from.
    for (const url of ['/', '/matches/12', '/console/3?x=1', '/index.html', '/index.html?__WB_REVISION__=abc']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<meta name="touchline-timezone" content="Europe/Berlin"');
    }
  });

  it('puts the page under a content security policy that names its one inline script by hash', async () => {
    const policy = (await app.inject({ method: 'GET', url: '/matches/12' })).headers['content-security-policy'];
    const directives = new Map(
      String(policy)
        .split('; ')
        .map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const),
    );
    const hash = `'sha256-${createHash('sha256').update(INLINE).digest('base64')}'`;
    expect(directives.get('script-src')).toEqual(["'self'", 'https://telegram.org', hash]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'self'", 'https://web.telegram.org']);
    // Other answers only restrict who may frame them.
    const api = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(api.headers['content-security-policy']).toBe("frame-ancestors 'self' https://web.telegram.org");
  });

  it('has the service worker script revalidated on every load', async () => {
    const res = await app.inject({ method: 'GET', url: '/sw.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('caches hashed assets for good', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/main-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('keeps API misses as JSON 404s', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect((await app.inject({ method: 'POST', url: '/somewhere' })).statusCode).toBe(404);
  });
});
