import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchSnapshot, MatchSummary } from '@touchline/contract';
import { FirstUpProxy } from './first-up-proxy.ts';
import { createPgDatabase, TEST_ADMIN } from './helpers.ts';
import { MatchFollower } from './match-follower.ts';
import { PrivateRedis } from './private-redis.ts';
import { RawSocket } from './raw-socket.ts';
import { type Spawned, spawnServer } from './spawn.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const portOf = (s: Spawned) => Number(new URL(s.url).port);

async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** Whether a new TCP connection to the port is accepted. */
const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });

/**
 * A request whose headers reach the server now (it answers `100 Continue`) and whose body goes later, on a kept-alive
 * connection as a reverse proxy holds them.
 */
async function heldRequest(port: number, path: string, body: unknown, token: string) {
  const data = JSON.stringify(body);
  const agent = new http.Agent({ keepAlive: true });
  const req = http.request({
    host: '127.0.0.1',
    port,
    path,
    method: 'POST',
    agent,
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(data),
      authorization: `Bearer ${token}`,
      expect: '100-continue',
    },
  });
  const answer = new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
    req.once('error', reject);
    req.once('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body: text }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    req.once('continue', resolve);
    req.once('error', reject);
  });
  return {
    finish: () => {
      req.end(data);
      return answer.finally(() => agent.destroy());
    },
  };
}

/** Two instances on one PostgreSQL database and one (private) Redis, behind a proxy, one of them restarted. */
describe('a rolling restart: SIGTERM drains an instance', () => {
  let redis: PrivateRedis;
  let db: Awaited<ReturnType<typeof createPgDatabase>>;
  let a: Spawned;
  let b: Spawned;
  let proxy: FirstUpProxy;
  let token: string;
  let match: MatchSummary;
  const followers: MatchFollower[] = [];

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    db = await createPgDatabase();
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      HOST: '127.0.0.1',
      TOUCHLINE_JWT_KEYS: `k1:${randomBytes(32).toString('hex')}`,
      TOUCHLINE_ADMIN_LOGIN: TEST_ADMIN.login,
      TOUCHLINE_ADMIN_PASSWORD: TEST_ADMIN.password,
      TOUCHLINE_DEMO: '1',
    };
    a = await spawnServer(env);
    b = await spawnServer(env);
    proxy = await FirstUpProxy.start([portOf(a), portOf(b)]);
    const login = await post(b.url, '/api/auth/login', TEST_ADMIN);
    token = login.body.token;
    const live = (await fetch(`${b.url}/api/matches?status=live`).then((r) => r.json())) as { matches: MatchSummary[] };
    match = live.matches[0]!;
  });
  afterAll(async () => {
    for (const f of followers) f.close();
    await proxy?.close();
    await Promise.all([a?.stop('SIGKILL'), b?.stop('SIGKILL')]);
    await redis?.stop();
    await db?.drop();
  });

  async function post(base: string, path: string, body: unknown, auth?: string) {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body: JSON.stringify(body),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted field by field
    return { status: res.status, body: (await res.json()) as any };
  }
  const corner = { side: 'home', metric: 'corners', delta: 1 };
  const write = (base: string, i: number) =>
    i % 5 === 0
      ? post(base, `/api/matches/${match.id}/events`, { type: 'goal', side: 'away', minute: 60 }, token)
      : post(base, `/api/matches/${match.id}/stats`, corner, token);
  const rest = async () => (await fetch(`${b.url}/api/matches/${match.id}`).then((r) => r.json())) as MatchSnapshot;

  it('stops accepting, tells its fans 4009 and finishes the request in flight; the fans resume on B with no gap', async () => {
    const fans = [...Array(8)].map(() => new MatchFollower(() => proxy.url, `match:${match.id}`));
    followers.push(...fans);
    const watcher = await RawSocket.welcomed(a.url);
    await until('snapshots', () => fans.every((f) => f.seq >= 0), 10_000);
    expect(proxy.routed).toEqual(fans.map(() => portOf(a)));
    const inFlight = await heldRequest(portOf(a), `/api/matches/${match.id}/stats`, corner, token);

    let writes = 0;
    const stream = (async () => {
      for (const end = Date.now() + 2500; Date.now() < end; writes++) {
        expect((await write(b.url, writes)).status).toBeLessThan(300);
      }
    })();
    await sleep(500);
    const exited = a.stop('SIGTERM');

    expect(await watcher.closed).toEqual({ code: 4009, reason: 'server_restarting' });
    expect(await accepts(portOf(a))).toBe(false);
    const answer = await inFlight.finish();
    expect(answer.status).toBe(200);
    // Sent with the answer, so a proxy does not keep the connection to a stopping instance.
    expect(answer.connection).toBe('close');
    expect(await exited).toBe(0);

    await stream;
    const truth = await rest();
    await until('every fan at the last write', () => fans.every((f) => f.seq === truth.seq), 10_000);
    for (const f of fans) {
      expect(f.state).toEqual(truth);
      expect(f.closeCodes).toEqual([4009]);
      expect(f.violations).toEqual([]);
      // One snapshot: the reconnect resumed with `since` and replayed what it missed.
      expect(f.snapshots).toHaveLength(1);
      expect(f.applied).toEqual(Array.from({ length: f.applied.length }, (_, i) => f.snapshots[0]! + 1 + i));
    }
    expect(proxy.routed.slice(fans.length)).toEqual(fans.map(() => portOf(b)));
    expect(writes).toBeGreaterThan(5);
  });
});
