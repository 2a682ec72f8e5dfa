import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchSnapshot, MatchSummary } from '@touchline/contract';
import { MatchFollower } from './match-follower.ts';
import type { PrivateRedis } from './private-redis.ts';
import { RawSocket } from './raw-socket.ts';
import type { Spawned } from './spawn.ts';
import { post, sleep, startTwoInstances, type TwoInstances, until } from './two-instances.ts';

/** Two server processes on one PostgreSQL database and one (private) Redis, as behind a load balancer. */
describe('realtime across two server processes', () => {
  let cluster: TwoInstances;
  let redis: PrivateRedis;
  let a: Spawned;
  let b: Spawned;
  let token: string;
  let match: MatchSummary;
  const followers: MatchFollower[] = [];

  beforeAll(async () => {
    cluster = await startTwoInstances();
    ({ redis, a, b, token, match } = cluster);
  });
  afterAll(async () => {
    for (const f of followers) f.close();
    await cluster?.stop();
  });

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
