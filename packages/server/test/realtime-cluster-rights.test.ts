import { randomBytes } from 'node:crypto';
import { max } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CloseCode, type MatchSnapshot, type MatchSummary } from '@touchline/contract';
import { buildApp } from '../src/app.ts';
import { bootstrap } from '../src/bootstrap.ts';
import type { Database } from '../src/db/client.ts';
import { matches } from '../src/db/schema.ts';
import { type Api, signIn, signInAdmin, staff, todaysMatches } from './api.ts';
import { openTestDatabase, testConfig } from './helpers.ts';
import { MatchFollower } from './match-follower.ts';
import { PrivateRedis } from './private-redis.ts';
import { RawSocket } from './raw-socket.ts';
import { TcpProxy } from './tcp-proxy.ts';
import { sleep, until } from './two-instances.ts';

/** The frames a socket got after its snapshot, and how it closed; fails if it does not close in time. */
async function cutOff(ws: RawSocket, timeoutMs = 10_000) {
  const closed = await Promise.race([ws.closed, sleep(timeoutMs).then(() => undefined)]);
  if (!closed) throw new Error(`still open after ${timeoutMs} ms; got ${JSON.stringify(ws.drain()).slice(0, 300)}`);
  return { code: closed.code, frames: ws.drain() };
}

/**
 * Two instances in this process on one PostgreSQL database and one private Redis; A reaches Redis through a relay
 * that the partition test cuts, so only A loses the bus.
 */
describe('realtime rights and topics across two instances', () => {
  let redis: PrivateRedis;
  let link: TcpProxy;
  let database: Database;
  let dispose: () => Promise<void>;
  let a: FastifyInstance;
  let b: FastifyInstance;
  let aUrl: string;
  let bUrl: string;
  let admin: Api;
  let live: MatchSummary;
  const open: { close(): void }[] = [];

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    link = await TcpProxy.start(redis.port);
    ({ database, dispose } = await openTestDatabase('postgres'));
    const jwtKeys = `k1:${randomBytes(32).toString('hex')}`;
    const instance = async (redisUrl: string) => {
      const app = await buildApp(testConfig({ demo: true, redisUrl, jwtKeys }), { database });
      return { app, url: await app.listen({ port: 0, host: '127.0.0.1' }) };
    };
    ({ app: a, url: aUrl } = await instance(link.url));
    await bootstrap(a);
    ({ app: b, url: bUrl } = await instance(redis.url));
    await until('both buses', () => a.bus.health() === 'ok' && b.bus.health() === 'ok');
    await sleep(100); // both subscriptions are confirmed
    admin = await signInAdmin(a);
    live = (await todaysMatches(a)).live[0]!;
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await Promise.all([a?.close(), b?.close()]);
    await link?.cut();
    await redis?.stop();
    await dispose?.();
  });

  const welcomed = async (url: string, token?: string) => {
    const ws = await RawSocket.welcomed(url, token);
    open.push(ws);
    return ws;
  };
  const onAdminFeed = async (url: string, token: string) => {
    const ws = await welcomed(url, token);
    ws.send({ type: 'subscribe', topic: 'admin' });
    await ws.next('subscribed');
    await ws.next('snapshot');
    return ws;
  };
  const deactivate = async (id: string) =>
    expect((await admin.req('POST', `/api/admin/users/${id}/deactivate`)).status).toBe(200);

  it('cuts a deactivated judge from the admin feed on both instances with 4001, before any later audit patch', async () => {
    const judge = await staff(a, admin, 'judge');
    const other = await staff(a, admin, 'operator');
    const [onA, onB] = [await onAdminFeed(aUrl, judge.api.token), await onAdminFeed(bUrl, judge.api.token)];
    await deactivate(judge.user.id);
    // A password reset right after: its audit entry must not reach the judge's sockets.
    const reset = await admin.req('POST', `/api/admin/users/${other.user.id}/password`, {
      password: 'another-long-pw',
    });
    expect(reset.status).toBe(200);
    for (const ws of [onA, onB]) {
      expect(await cutOff(ws)).toEqual({
        code: CloseCode.invalidToken,
        frames: [{ type: 'error', code: 'invalid_token' }],
      });
    }
  });

  it('cuts the sockets of a judge whose password is reset, on the other instance too; a new sign-in may follow', async () => {
    const judge = await staff(a, admin, 'judge');
    const onB = await onAdminFeed(bUrl, judge.api.token);
    const reset = await admin.req('POST', `/api/admin/users/${judge.user.id}/password`, {
      password: 'a-fresh-long-pw',
    });
    expect(reset.status).toBe(200);
    expect(await cutOff(onB)).toEqual({
      code: CloseCode.invalidToken,
      frames: [{ type: 'error', code: 'invalid_token' }],
    });
    const fresh = await signIn(a, judge.user.login, 'a-fresh-long-pw');
    await onAdminFeed(bUrl, fresh.token);
  });

  it('closes a socket with 4001 when its token expires, and keeps a still valid one', async () => {
    const judge = await staff(a, admin, 'judge');
    const principal = { userId: judge.user.id, role: 'judge' as const };
    const short = await onAdminFeed(bUrl, await a.keyring.sign(principal, 2));
    const long = await onAdminFeed(bUrl, judge.api.token);
    const { code, frames } = await cutOff(short);
    expect(code).toBe(CloseCode.invalidToken);
    expect(frames.at(-1)).toEqual({ type: 'error', code: 'invalid_token' });
    long.send({ type: 'ping', ts: 1 });
    await until('a pong', () => long.frames.some((f) => f.type === 'pong'));
    expect(long.ws.readyState).toBe(long.ws.OPEN);
  });

  it('answers a repeated unknown topic without a database read, until a match is created under that id', async () => {
    const [last] = await database.db.select({ id: max(matches.id) }).from(matches);
    const nextId = String(last!.id! + 1);
    const topic = `match:${nextId}`;
    const first = await welcomed(bUrl);
    first.send({ type: 'subscribe', topic });
    expect(await first.next('error')).toEqual({ type: 'error', code: 'unknown_topic', topic });
    const reads = vi.spyOn(database.db, 'select');
    for (let i = 0; i < 5; i++) {
      const again = await welcomed(bUrl);
      again.send({ type: 'subscribe', topic });
      expect(await again.next('error')).toEqual({ type: 'error', code: 'unknown_topic', topic });
      again.close();
    }
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();

    // A match created through A takes that id, and B finds it once the season patch has crossed Redis.
    const created = await admin.req('POST', '/api/admin/matches', {
      seasonId: live.seasonId,
      homeClubId: live.homeClub.id,
      awayClubId: live.awayClub.id,
      kickoffAt: live.kickoffAt,
    });
    expect(created.status).toBe(201);
    expect(created.body.match.id).toBe(nextId);
    await until('the new match on B', async () => {
      const probe = await welcomed(bUrl);
      probe.send({ type: 'subscribe', topic });
      const answer = await probe.next('subscribed').then(
        () => true,
        () => false,
      );
      probe.close();
      return answer;
    });
  });

  it('converges the fans of an instance cut from Redis after it heals, and cuts a judge deactivated meanwhile', async () => {
    const fans = [...Array(6)].map((_, i) => new MatchFollower(() => (i % 2 ? aUrl : bUrl), `match:${live.id}`));
    open.push(...fans);
    await until('snapshots', () => fans.every((f) => f.seq >= 0));
    const adminOnB = await signInAdmin(b);
    const op = (await staff(b, adminOnB, 'operator')).api;
    const judge = await staff(b, adminOnB, 'judge');
    const judgeOnA = await onAdminFeed(aUrl, judge.api.token);
    await sleep(200); // audit patches of the accounts above have reached A

    await link.cut();
    await until('A to notice', () => a.bus.health() === 'down');
    const seenBeforeCut = judgeOnA.drain();
    expect(seenBeforeCut.filter((f) => f.type === 'error')).toEqual([]);
    for (let i = 0; i < 5; i++) {
      const res = await op.req('POST', `/api/matches/${live.id}/stats`, { side: 'home', metric: 'corners', delta: 1 });
      expect(res.status).toBe(200);
    }
    expect((await adminOnB.req('POST', `/api/admin/users/${judge.user.id}/deactivate`)).status).toBe(200);
    await link.restore();
    const truth = async () => (await (await fetch(`${bUrl}/api/matches/${live.id}`)).json()) as MatchSnapshot;
    await until(
      'every fan at the REST state',
      async () => {
        const rest = await truth();
        return fans.every((f) => f.seq === rest.seq);
      },
      15_000,
    );
    const rest = await truth();
    for (const f of fans) {
      expect(f.state).toEqual(rest);
      expect(f.violations).toEqual([]);
    }
    // What A missed while cut off (the statistics' audit entries) never reaches the deactivated judge.
    expect(await cutOff(judgeOnA, 15_000)).toEqual({
      code: CloseCode.invalidToken,
      frames: [{ type: 'error', code: 'invalid_token' }],
    });
  });
});
