import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchSnapshot, MatchSummary } from '@touchline/contract';
import { createPgDatabase, TEST_ADMIN } from './helpers.ts';
import { MatchFollower } from './match-follower.ts';
import { PrivateRedis } from './private-redis.ts';
import { RawSocket } from './raw-socket.ts';
import { type Spawned, spawnServer } from './spawn.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** Two server processes on one PostgreSQL database and one (private) Redis, as behind a load balancer. */
describe('realtime across two server processes', () => {
  let redis: PrivateRedis;
  let db: Awaited<ReturnType<typeof createPgDatabase>>;
  let a: Spawned;
  let b: Spawned;
  let token: string;
  let match: MatchSummary;
  const followers: MatchFollower[] = [];

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    db = await createPgDatabase();
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      TOUCHLINE_JWT_KEYS: `k1:${randomBytes(32).toString('hex')}`,
      TOUCHLINE_ADMIN_LOGIN: TEST_ADMIN.login,
      TOUCHLINE_ADMIN_PASSWORD: TEST_ADMIN.password,
      TOUCHLINE_DEMO: '1',
    };
    a = await spawnServer(env);
    b = await spawnServer(env);
    const login = await post(a.url, '/api/auth/login', TEST_ADMIN);
    token = login.body.token;
    const live = (await fetch(`${a.url}/api/matches?status=live`).then((r) => r.json())) as { matches: MatchSummary[] };
    match = live.matches[0]!;
  });
  afterAll(async () => {
    for (const f of followers) f.close();
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
  /** One write of a mixed stream: statistics mostly, and a goal now and then. */
  const write = (base: string, i: number) =>
    i % 5 === 0
      ? post(
          base,
          `/api/matches/${match.id}/events`,
          { type: 'goal', side: i % 2 ? 'home' : 'away', minute: 50 },
          token,
        )
      : post(base, `/api/matches/${match.id}/stats`, { side: 'home', metric: 'corners', delta: 1 }, token);
  const rest = async (base: string) =>
    (await fetch(`${base}/api/matches/${match.id}`).then((r) => r.json())) as MatchSnapshot;
  const follow = (url: () => string) => {
    const f = new MatchFollower(url, `match:${match.id}`);
    followers.push(f);
    return f;
  };
  const converged = async (fs: MatchFollower[], base: string) => {
    const truth = await rest(base);
    return fs.every((f) => f.seq === truth.seq) && fs.every((f) => expect(f.state).toEqual(truth));
  };
  const clean = (fs: MatchFollower[]) => {
    for (const f of fs) {
      f.close();
      expect(f.violations).toEqual([]);
      expect(f.snapshots).toHaveLength(1);
      expect(f.applied).toEqual(Array.from({ length: f.applied.length }, (_, i) => f.snapshots[0]! + 1 + i));
    }
  };

  it('delivers a write through instance A to subscribers on instance B, the live card included', async () => {
    const onB = follow(() => b.url);
    const card = await RawSocket.welcomed(b.url);
    card.send({ type: 'subscribe', topic: 'live' });
    await card.next('subscribed');
    await card.next('snapshot');
    await until('a snapshot on B', () => onB.seq >= 0, 10_000);
    const res = await write(a.url, 0);
    expect(res.status).toBe(201);
    await until('the goal on B', () => onB.seq === res.body.seq, 5000);
    const truth = await rest(b.url);
    expect(onB.state).toEqual(truth);
    expect((await card.next('patch')).changes).toEqual([
      { op: 'updated', entity: 'match', id: match.id, data: truth.match },
    ]);
    card.close();
    clean([onB]);
  });

  it('converges every client within 5 s of Redis coming back, writes succeeding while it is down', async () => {
    const fs = [...Array(10)].map((_, i) => follow(() => (i % 2 ? a.url : b.url)));
    await until('snapshots', () => fs.every((f) => f.seq >= 0), 10_000);
    let i = 0;
    const stream = async (ms: number) => {
      for (const end = Date.now() + ms; Date.now() < end; i++) {
        const res = await write(i % 2 ? a.url : b.url, i);
        expect(res.status).toBeLessThan(300);
      }
    };
    await stream(500);
    await redis.stop();
    await stream(1500);
    await redis.start();
    const back = Date.now();
    await until('convergence after Redis returned', () => converged(fs, a.url), 5000);
    console.log(`converged ${Date.now() - back} ms after Redis returned (${i} writes)`);
    clean(fs);
  });

  it('moves the clients of a killed instance to the other one with no gap', async () => {
    let aAlive = true;
    const fs = [...Array(10)].map(() => follow(() => (aAlive ? a.url : b.url)));
    await until('snapshots', () => fs.every((f) => f.seq >= 0), 10_000);
    let writes = 0;
    const stream = (async () => {
      for (const end = Date.now() + 2500; Date.now() < end; writes++) {
        expect((await write(b.url, writes)).status).toBeLessThan(300);
      }
    })();
    await sleep(800);
    aAlive = false;
    await a.stop('SIGKILL');
    await stream;
    await until('convergence on B', () => converged(fs, b.url), 10_000);
    expect(writes).toBeGreaterThan(5);
    clean(fs);
  });
});
