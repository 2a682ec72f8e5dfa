import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';

/** docs/protocol.md §3–5, as OpenAPI spells the paths. */
const protocolRoutes: [string, string][] = [
  ['post', '/api/auth/login'],
  ['post', '/api/auth/telegram'],
  ['get', '/api/auth/me'],
  ['post', '/api/admin/users'],
  ['get', '/api/matches'],
  ['get', '/api/matches/{id}'],
  ['get', '/api/seasons/{id}/standings'],
  ['post', '/api/matches/{id}/events'],
  ['patch', '/api/matches/{id}/events/{eventId}'],
  ['delete', '/api/matches/{id}/events/{eventId}'],
  ['post', '/api/matches/{id}/stats'],
  ['post', '/api/matches/{id}/state'],
  ['put', '/api/matches/{id}/lineups/{side}'],
  ['get', '/api/news'],
  ['get', '/api/news/{id}'],
  ['get', '/api/news/{id}/cover'],
  ['post', '/api/admin/news'],
  ['patch', '/api/admin/news/{id}'],
  ['delete', '/api/admin/news/{id}'],
  ['put', '/api/admin/news/{id}/cover'],
  ['delete', '/api/admin/news/{id}/cover'],
  ['get', '/api/matches/{id}/prediction'],
  ['put', '/api/matches/{id}/prediction'],
  ['get', '/api/seasons/{id}/predictions/leaderboard'],
  ['get', '/api/me/predictions'],
  ['get', '/api/matches/{id}/motm'],
  ['post', '/api/matches/{id}/motm-vote'],
  ['put', '/api/matches/{id}/stream'],
];

describe.each(dbKinds)('API docs on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(() => s.close());

  it('lists every route of docs/protocol.md §3–7 in /docs/json, with their schemas', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const [method, path] of protocolRoutes) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    const login = doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema;
    expect(login.required).toEqual(expect.arrayContaining(['login', 'password']));
    expect(doc.paths['/api/admin/seasons/{id}/fixtures']?.post).toBeDefined();
    expect(doc.paths['/api/admin/audit']?.get).toBeDefined();
  });

  it('serves the docs page at /docs', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/html/);
  });
});
