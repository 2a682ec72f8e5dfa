import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchSummary } from '@touchline/contract';
import { type Api, signInAdmin, snapshot, staff, todaysMatches } from './api.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';
import { MatchFollower } from './match-follower.ts';

const CLIENTS = 200;
const WRITES = 300;
const WRITERS = 4;
const DROP_EVERY_MS = 15;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;

const p99 = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
};

describe.each(dbKinds)('realtime under a jittery network on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  let op: Api;
  let match: MatchSummary;
  const followers: MatchFollower[] = [];

  beforeAll(async () => {
    s = await startTestServer(kind, { demo: true });
    admin = await signInAdmin(s.app);
    op = (await staff(s.app, admin, 'operator')).api;
    match = (await todaysMatches(s.app)).live[0]!;
  });
  afterAll(async () => {
    for (const f of followers) f.close();
    await s.close();
  });

  /** Mixed writes that each succeed: events created, edited and deleted, statistics, periods. */
  function writer() {
    const events: string[] = [];
    const url = `/api/matches/${match.id}`;
    let period = 'first_half';
    // Over the network, as an operator's phone would: in-process injection would never let the sockets run.
    const req = async (who: Api, method: string, path: string, body?: object) => {
      const res = await fetch(`${s.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${who.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, body: (await res.json()) as { event?: { id: string } } };
    };
    const ops: (() => Promise<{ status: number }>)[] = [
      async () => {
        const res = await req(op, 'POST', `${url}/events`, { type: 'goal', side: pick(['home', 'away']), minute: 30 });
        if (res.body.event) events.push(res.body.event.id);
        return res;
      },
      () =>
        req(op, 'POST', `${url}/stats`, { side: pick(['home', 'away']), metric: pick(['corners', 'fouls']), delta: 1 }),
      () => req(op, 'POST', `${url}/stats`, { side: 'away', metric: 'shots_on_target', delta: 2 }),
      async () => {
        const id = events.shift();
        if (!id) return req(op, 'POST', `${url}/stats`, { side: 'home', metric: 'saves', delta: 1 });
        return req(op, 'PATCH', `${url}/events/${id}`, { minute: 44 }).then((r) => (events.push(id), r));
      },
      async () => {
        const id = events.pop();
        if (!id) return req(op, 'POST', `${url}/stats`, { side: 'home', metric: 'offsides', delta: 1 });
        return req(op, 'DELETE', `${url}/events/${id}`);
      },
      () => {
        period = period === 'first_half' ? 'second_half' : 'first_half';
        return req(admin, 'POST', `${url}/state`, { period });
      },
    ];
    return () => pick(ops)();
  }

  it(`${CLIENTS} clients dropped at random during ${WRITES} writes end with the REST state, each seq applied once in order`, async () => {
    for (let i = 0; i < CLIENTS; i++) followers.push(new MatchFollower(() => s.url, `match:${match.id}`));
    await until(() => followers.every((f) => f.seq >= 0), 30_000);

    let writing = true;
    const dropper = (async () => {
      let drops = 0;
      // By the clock, not by turns: a busy event loop (PGlite runs in-process) must not mean fewer drops.
      for (let last = Date.now(); writing; await sleep(DROP_EVERY_MS)) {
        for (; last + DROP_EVERY_MS <= Date.now(); last += DROP_EVERY_MS, drops++) pick(followers).drop();
      }
      return drops;
    })();
    const write = writer();
    const statuses: number[] = [];
    let next = 0;
    await Promise.all(
      [...Array(WRITERS)].map(async () => {
        while (next++ < WRITES) statuses.push((await write()).status);
      }),
    );
    writing = false;
    const drops = await dropper;
    expect(statuses.filter((st) => st >= 300)).toEqual([]);

    const truth = await snapshot(s.app, match.id);
    const started = Date.now();
    await until(() => followers.every((f) => f.seq === truth.seq), 30_000);
    for (const f of followers) {
      expect(f.violations).toEqual([]);
      expect(f.snapshots).toHaveLength(1);
      expect(f.applied).toEqual(Array.from({ length: truth.seq - f.snapshots[0]! }, (_, i) => f.snapshots[0]! + 1 + i));
      expect(f.state).toEqual(truth);
    }
    const delivered = followers.reduce((n, f) => n + f.delivered, 0);
    const applied = followers.reduce((n, f) => n + f.applied.length, 0);
    const replays = followers.flatMap((f) => f.replayMs);
    console.log(
      `${kind}: ${WRITES} writes, ${drops} drops, ${replays.length} resumes; ${delivered} patch frames delivered ` +
        `(${applied} applied); replay p99 ${p99(replays).toFixed(1)} ms; settled ${Date.now() - started} ms after the last write`,
    );
  });
});

async function until(ok: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(20);
  }
}
