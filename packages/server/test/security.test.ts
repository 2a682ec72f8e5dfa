import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { bootstrap } from '../src/bootstrap.ts';
import { openTestDatabase, TEST_ADMIN, testConfig } from './helpers.ts';

describe('CORS, security headers and logs', () => {
  let app: FastifyInstance;
  let logs = '';
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const h = await openTestDatabase('pglite');
    dispose = h.dispose;
    const stream = new PassThrough();
    stream.on('data', (d: Buffer) => (logs += d.toString()));
    app = await buildApp(testConfig({ corsOrigins: ['https://league.example'], logLevel: 'debug' }), {
      database: h.database,
      logStream: stream,
    });
    await bootstrap(app);
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it('allows only the configured origins', async () => {
    const preflight = (origin: string) =>
      app.inject({
        method: 'OPTIONS',
        url: '/api/auth/login',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    expect((await preflight('https://league.example')).headers['access-control-allow-origin']).toBe(
      'https://league.example',
    );
    expect((await preflight('https://evil.example')).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // Only this site and Telegram's web client may frame the app.
    expect(res.headers['content-security-policy']).toBe("frame-ancestors 'self' https://web.telegram.org");
    expect(res.headers['x-frame-options']).toBeUndefined();
  });

  it('never logs a password or a token', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: TEST_ADMIN });
    const token = login.json().token as string;
    await app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: TEST_ADMIN.login, password: 'wrong-password-x' },
    });
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(TEST_ADMIN.password);
    expect(logs).not.toContain('wrong-password-x');
  });

  it('reports readiness of the database', async () => {
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json().checks.database).toBe('ok');
  });
});
