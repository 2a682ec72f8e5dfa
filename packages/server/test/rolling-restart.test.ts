import http from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchSnapshot, MatchSummary } from '@touchline/contract';
import { FirstUpProxy } from './first-up-proxy.ts';
import { MatchFollower } from './match-follower.ts';
import { RawSocket } from './raw-socket.ts';
import type { Spawned } from './spawn.ts';
import { post, startTwoInstances, type TwoInstances, until } from './two-instances.ts';

const portOf = (s: Spawned) => Number(new URL(s.url).port);

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
  let cluster: TwoInstances;
  let a: Spawned;
  let b: Spawned;
  let proxy: FirstUpProxy;
  let token: string;
  let match: MatchSummary;
  const followers: MatchFollower[] = [];

  beforeAll(async () => {
    cluster = await startTwoInstances();
    ({ a, b, token, match } = cluster);
    proxy = await FirstUpProxy.start([portOf(a), portOf(b)]);
  });
  afterAll(async () => {
    for (const f of followers) f.close();
    await proxy?.close();
    await cluster?.stop();
  });

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

    // Writes go on before, during and after the restart: five more once A has exited.
    let writes = 0;
    let stopAt = Infinity;
    const stream = (async () => {
      for (; writes < stopAt; writes++) {
        expect((await write(b.url, writes)).status).toBeLessThan(300);
      }
    })();
    await until('writes under way', () => writes >= 3, 30_000);
    const exited = a.stop('SIGTERM');

    expect(await watcher.closed).toEqual({ code: 4009, reason: 'server_restarting' });
    expect(await accepts(portOf(a))).toBe(false);
    const answer = await inFlight.finish();
    expect(answer.status).toBe(200);
    // Sent with the answer, so a proxy does not keep the connection to a stopping instance.
    expect(answer.connection).toBe('close');
    expect(await exited).toBe(0);
    stopAt = writes + 5;

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
  });
});
