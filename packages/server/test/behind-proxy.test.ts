import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { WebSocket } from 'ws';
import { loadConfig } from '../src/config.ts';
import { auditLog } from '../src/db/schema.ts';
import { signInAdmin } from './api.ts';
import { REDIS_URL, startTestServer, type TestServer } from './helpers.ts';
import { carrierAddress, loopbackAddress, send } from './forwarded.ts';

/**
 * The server as a league runs it behind Caddy: TOUCHLINE_TRUST_PROXY names the proxy's address, and the proxy
 * tells who the client is in X-Forwarded-For and whether it came over HTTPS in X-Forwarded-Proto
 * (docs/decisions/029). The limits are shared through Redis, as with several instances.
 */
describe('behind a trusted reverse proxy (PostgreSQL, Redis)', () => {
  /** The proxy's address, the one the server trusts; every test connects from its own loopback address. */
  const proxy = loopbackAddress();
  /** A peer that is not the proxy and forges the proxy's headers. */
  const stranger = loopbackAddress();
  let s: TestServer;
  let logs = '';
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (d: Buffer) => (logs += d.toString()));
    s = await startTestServer('postgres', {
      config: { redisUrl: REDIS_URL, trustProxy: [proxy], logLevel: 'info', realtimeMaxPerAddress: 2 },
      logStream: stream,
    });
  });
  afterAll(async () => {
    for (const ws of sockets) ws.terminate();
    await s.close();
  });

  const signIn = (login: string, password: string, from: string, forwardedFor?: string) =>
    send(s.url, 'POST', '/api/auth/login', {
      from,
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
      body: { login, password },
    });

  /** A fresh operator account, created by the admin. */
  const operator = async () => {
    const admin = await signInAdmin(s.app);
    const login = `op-${randomBytes(4).toString('hex')}`;
    const password = `${login}-password`;
    const res = await admin.req('POST', '/api/admin/users', { login, password, role: 'operator' });
    expect(res.status).toBe(201);
    return { login, password, id: res.body.user.id as string };
  };

  it('lets a staff member sign in while 30 failures from another forwarded address have spent that address', async () => {
    const { login, password } = await operator();
    const sprayer = carrierAddress();
    for (let i = 0; i < 30; i++) {
      // The proxy appends the address it saw to whatever the client sent, so only the last entry is believed.
      const res = await signIn(
        `spray-${i}-${randomBytes(3).toString('hex')}`,
        'wrong-password',
        proxy,
        `${carrierAddress()}, ${sprayer}`,
      );
      expect(res.status).toBe(401);
    }
    const spent = await signIn(login, password, proxy, sprayer);
    expect(spent.status).toBe(429);
    expect(spent.body.error.code).toBe('rate_limited');
    expect((await signIn(login, password, proxy, carrierAddress())).status).toBe(200);
  });

  it('lets a login sign in from another address after 10 failures against it from one address', async () => {
    const { login, password } = await operator();
    const guesser = carrierAddress();
    for (let i = 0; i < 10; i++) expect((await signIn(login, `wrong-${i}`, proxy, guesser)).status).toBe(401);
    const refused = await signIn(login, password, proxy, guesser);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const owner = await signIn(login, password, proxy, carrierAddress());
    expect(owner.status).toBe(200);
    expect(owner.body.user.login).toBe(login);
  });

  it('ignores X-Forwarded-For from a peer that is not the trusted proxy: the socket address is counted', async () => {
    const { login, password } = await operator();
    for (let i = 0; i < 30; i++) {
      const res = await signIn(
        `spoof-${i}-${randomBytes(3).toString('hex')}`,
        'wrong-password',
        stranger,
        carrierAddress(),
      );
      expect(res.status).toBe(401);
    }
    const spoofed = await signIn(login, password, stranger, carrierAddress());
    expect(spoofed.status).toBe(429);
    expect(spoofed.body.error.code).toBe('rate_limited');
    expect((await signIn(login, password, proxy, carrierAddress())).status).toBe(200);
  });

  it('writes the forwarded client address into the audit row of a sign-in and into the log lines', async () => {
    const { login, password, id } = await operator();
    const client = carrierAddress();
    const typo = await signIn(login, 'not-my-password', proxy, client);
    expect(typo.status).toBe(401);
    expect((await signIn(login, password, proxy, client)).status).toBe(200);

    const [row] = await s.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'sign_in'), eq(auditLog.entityId, id)))
      .orderBy(desc(auditLog.id));
    expect(row).toMatchObject({ actorId: Number(id), entity: 'user', after: { address: client } });

    const lines = logs
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { msg: string; address?: string; req?: { url: string; remoteAddress: string } });
    expect(lines.find((l) => l.msg === 'failed sign-in' && l.address === client)).toBeDefined();
    const requests = lines.filter((l) => l.msg === 'incoming request' && l.req?.url === '/api/auth/login');
    expect(requests.filter((l) => l.req!.remoteAddress === client)).toHaveLength(2);
    expect(requests.some((l) => l.req!.remoteAddress === proxy)).toBe(false);
  });

  it('sends HSTS only when the trusted proxy says the client came over HTTPS', async () => {
    const health = (from: string, headers: Record<string, string> = {}) =>
      send(s.url, 'GET', '/healthz', { from, headers });
    const https = await health(proxy, { 'x-forwarded-proto': 'https', 'x-forwarded-for': carrierAddress() });
    expect(https.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const { login, password } = await operator();
    const signedIn = await send(s.url, 'POST', '/api/auth/login', {
      from: proxy,
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': carrierAddress() },
      body: { login, password },
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    // The token travels in the body, not in a cookie, so no cookie can lack Secure, HttpOnly or SameSite.
    expect(signedIn.headers['set-cookie']).toBeUndefined();
    expect((await health(proxy)).headers['strict-transport-security']).toBeUndefined();
    expect((await health(proxy, { 'x-forwarded-proto': 'http' })).headers['strict-transport-security']).toBeUndefined();
    const forged = await health(stranger, { 'x-forwarded-proto': 'https' });
    expect(forged.status).toBe(200);
    expect(forged.headers['strict-transport-security']).toBeUndefined();
  });

  it('caps realtime sockets per forwarded client address, not per proxy', async () => {
    const upgrade = (forwardedFor: string) =>
      new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(`${s.url.replace(/^http/, 'ws')}/realtime`, {
          localAddress: proxy,
          headers: { 'x-forwarded-for': forwardedFor },
        });
        sockets.push(ws);
        ws.once('open', () => resolve(101));
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode!));
        ws.once('error', reject);
      });
    const fan = carrierAddress();
    expect(await upgrade(fan)).toBe(101);
    expect(await upgrade(fan)).toBe(101);
    expect(await upgrade(fan)).toBe(429);
    expect(await upgrade(carrierAddress())).toBe(101);
  });
});

describe('TOUCHLINE_TRUST_PROXY', () => {
  const trust = (value: string | undefined, host = '127.0.0.1') =>
    loadConfig({ TOUCHLINE_TRUST_PROXY: value, HOST: host }).trustProxy;

  it('is off unless set', () => {
    expect(trust(undefined)).toBe(false);
    expect(trust(' ')).toBe(false);
  });

  it('takes proxy addresses, CIDR ranges and proxy-addr’s names, comma-separated', () => {
    expect(trust('10.0.0.5', '0.0.0.0')).toEqual(['10.0.0.5']);
    expect(trust(' 172.16.0.0/12, fd00::/8 ,loopback', '0.0.0.0')).toEqual(['172.16.0.0/12', 'fd00::/8', 'loopback']);
  });

  it('takes a hop count only when the server listens on loopback, where no client can bypass the proxy', () => {
    expect(trust('1')).toBe(1);
    expect(trust('2', '::1')).toBe(2);
    expect(trust('1', 'localhost')).toBe(1);
    expect(() => trust('1', '0.0.0.0')).toThrow(/TOUCHLINE_TRUST_PROXY=1 .*HOST/);
  });

  it.each(['true', '0', '-1', '1.5', 'proxy.example', '10.0.0.0/33', '10.0.0.5,', '300.1.1.1'])(
    'refuses %j at start with a message that names the variable',
    (value) => {
      expect(() => trust(value)).toThrow(/^TOUCHLINE_TRUST_PROXY /);
    },
  );
});
