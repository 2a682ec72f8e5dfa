import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditEntry,
  CloseCode,
  MatchSnapshot,
  type MatchSummary,
  type PatchFrame,
  SLOW_CONSUMER_BYTES,
} from '@touchline/contract';
import { applyPatch } from '@touchline/web/match-patch';
import { createKeyring } from '../src/auth/keyring.ts';
import { users } from '../src/db/schema.ts';
import { type Api, signInAdmin, snapshot, staff, todaysMatches } from './api.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';
import { RawSocket } from './raw-socket.ts';

const HEARTBEAT_MS = 400;
const HELLO_TIMEOUT_MS = 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(dbKinds)('realtime protocol v1 on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  let op: Api;
  let judge: Api;
  let live: MatchSummary;
  let league: MatchSummary[];
  const open: RawSocket[] = [];
  const connect = async (token?: string) => {
    const ws = await RawSocket.welcomed(s.url, token);
    open.push(ws);
    return ws;
  };

  beforeAll(async () => {
    s = await startTestServer(kind, {
      demo: true,
      config: { realtimeHeartbeatMs: HEARTBEAT_MS, realtimeHelloTimeoutMs: HELLO_TIMEOUT_MS },
    });
    admin = await signInAdmin(s.app);
    op = (await staff(s.app, admin, 'operator')).api;
    judge = (await staff(s.app, admin, 'judge')).api;
    const today = await todaysMatches(s.app);
    live = today.live[0]!;
    league = today.league;
  });
  afterAll(async () => {
    for (const ws of open) ws.close();
    await s.close();
  });

  const subscribe = async (ws: RawSocket, topic: string, since?: { epoch: string; seq: number }) => {
    ws.send({ type: 'subscribe', topic, ...(since ? { since } : {}) });
    return ws.next('subscribed');
  };
  const goal = (matchId: string) =>
    op.req('POST', `/api/matches/${matchId}/events`, { type: 'goal', side: 'home', minute: 10 });
  const corner = (matchId: string) =>
    op.req('POST', `/api/matches/${matchId}/stats`, { side: 'away', metric: 'corners', delta: 1 });

  it('welcomes anonymous clients, staff and fans with their role, and refuses bad tokens with 4001', async () => {
    const anon = await RawSocket.open(s.url);
    open.push(anon);
    anon.send({ type: 'hello', protocol: 1 });
    const welcome = await anon.next('welcome');
    expect(welcome).toMatchObject({ protocol: 1, role: 'anonymous', heartbeatMs: HEARTBEAT_MS });
    expect(welcome.connectionId).toMatch(/\S{8,}/);

    const operator = await RawSocket.open(s.url);
    open.push(operator);
    operator.send({ type: 'hello', protocol: 1, token: op.token });
    expect((await operator.next('welcome')).role).toBe('operator');

    const [fanUser] = await s.database.db
      .insert(users)
      .values({ login: `tg:${Date.now()}`, displayName: 'Fan', role: 'fan', telegramId: String(Date.now()) })
      .returning();
    const fanToken = await s.app.keyring.sign({ userId: String(fanUser!.id), role: 'fan' });
    const fan = await RawSocket.open(s.url);
    open.push(fan);
    fan.send({ type: 'hello', protocol: 1, token: fanToken });
    const fanWelcome = await fan.next('welcome');
    expect(fanWelcome.role).toBe('fan');
    expect(fanWelcome.connectionId).not.toBe(welcome.connectionId);

    const expired = await s.app.keyring.sign({ userId: String(fanUser!.id), role: 'fan' }, -60);
    const foreign = await createKeyring(`k1:${'x'.repeat(40)}`).sign({ userId: '1', role: 'admin' });
    // A deactivated account's token still verifies, but the account no longer gets in.
    const gone = await staff(s.app, admin, 'operator');
    expect((await admin.req('POST', `/api/admin/users/${gone.user.id}/deactivate`)).status).toBe(200);
    const noSuchUser = await s.app.keyring.sign({ userId: '424242', role: 'fan' });
    for (const token of ['not-a-jwt', expired, foreign, gone.api.token, noSuchUser]) {
      const ws = await RawSocket.open(s.url);
      ws.send({ type: 'hello', protocol: 1, token });
      expect(await ws.next('error')).toMatchObject({ code: 'invalid_token' });
      expect((await ws.closed).code).toBe(CloseCode.invalidToken);
    }
  });

  it(`closes a connection that sends no hello with 4000`, async () => {
    const ws = await RawSocket.open(s.url);
    const started = Date.now();
    expect((await ws.closed).code).toBe(CloseCode.noHello);
    expect(Date.now() - started).toBeGreaterThanOrEqual(HELLO_TIMEOUT_MS - 50);
    expect(ws.frames).toEqual([]);
  });

  it('answers bad frames with bad_message and stays open, then closes with 4002 past 20 in a minute', async () => {
    const ws = await RawSocket.open(s.url);
    open.push(ws);
    ws.send({ type: 'subscribe', topic: 'live' }); // before hello
    expect(await ws.next('error')).toMatchObject({ code: 'bad_message' });
    ws.send({ type: 'hello', protocol: 2 });
    expect(await ws.next('error')).toMatchObject({ code: 'bad_message' });
    ws.send({ type: 'hello', protocol: 1 });
    await ws.next('welcome');
    const bad = [
      'not json',
      '{"type":"nope"}',
      '[]',
      '{"type":"ping"}',
      JSON.stringify({ type: 'hello', protocol: 1 }),
    ];
    for (let i = 2; i < 20; i++) {
      if (i === 7) ws.ws.send(Buffer.from('{"type":"ping","ts":1}'), { binary: true });
      else ws.send(bad[i % bad.length]!);
      expect(await ws.next('error')).toMatchObject({ code: 'bad_message' });
    }
    ws.send({ type: 'ping', ts: 7 });
    expect(await ws.next('pong')).toEqual({ type: 'pong', ts: 7 });
    ws.send('still not json');
    expect((await ws.closed).code).toBe(CloseCode.tooManyBadFrames);
  });

  it('closes a connection that sends a frame over 16 KiB with 1009', async () => {
    const ws = await connect();
    ws.send({ type: 'ping', ts: 1, pad: 'x'.repeat(17 * 1024) });
    expect((await ws.closed).code).toBe(CloseCode.tooBig);
  });

  it('answers ping with pong, and unsubscribe with unsubscribed, after which no patch comes', async () => {
    const ws = await connect();
    ws.send({ type: 'ping', ts: 123.5 });
    expect(await ws.next('pong')).toEqual({ type: 'pong', ts: 123.5 });
    await subscribe(ws, `match:${live.id}`);
    await ws.next('snapshot');
    ws.send({ type: 'unsubscribe', topic: `match:${live.id}` });
    expect(await ws.next('unsubscribed')).toEqual({ type: 'unsubscribed', topic: `match:${live.id}` });
    expect((await corner(live.id)).status).toBe(200);
    ws.send({ type: 'ping', ts: 2 });
    await ws.next('pong');
    expect(ws.drain()).toEqual([]);
  });

  it('refuses unknown topics with unknown_topic and the admin feed to anonymous clients and operators', async () => {
    const ws = await connect();
    for (const topic of ['nope', 'match:0', 'match:abc', 'match:999999', 'season:999999', 'match:99999999999999']) {
      ws.send({ type: 'subscribe', topic });
      expect(await ws.next('error')).toEqual({ type: 'error', code: 'unknown_topic', topic });
    }
    ws.send({ type: 'subscribe', topic: 'admin' });
    expect(await ws.next('error')).toEqual({ type: 'error', code: 'forbidden', topic: 'admin' });
    const operator = await connect(op.token);
    operator.send({ type: 'subscribe', topic: 'admin' });
    expect(await operator.next('error')).toMatchObject({ code: 'forbidden' });
  });

  it('subscribes to a match with a snapshot equal to the REST read', async () => {
    const ws = await connect();
    const sub = await subscribe(ws, `match:${live.id}`);
    const snap = await ws.next('snapshot');
    const rest = await snapshot(s.app, live.id);
    expect(sub).toEqual({ type: 'subscribed', topic: `match:${live.id}`, epoch: rest.epoch, seq: rest.seq });
    expect(snap).toEqual({ type: 'snapshot', topic: `match:${live.id}`, epoch: rest.epoch, seq: rest.seq, data: rest });
    expect(MatchSnapshot.safeParse(snap.data).success).toBe(true);
  });

  it('sends a goal as one patch with the event and the new score, seq rising by exactly 1', async () => {
    const ws = await connect();
    await subscribe(ws, `match:${live.id}`);
    const before = (await ws.next('snapshot')).data as MatchSnapshot;
    const res = await goal(live.id);
    expect(res.status).toBe(201);
    const patch = await ws.next('patch');
    expect(patch.seq).toBe(before.seq + 1);
    expect(res.body.seq).toBe(patch.seq);
    const created = patch.changes.find((c) => c.entity === 'event');
    const match = patch.changes.find((c) => c.entity === 'match');
    expect(created).toMatchObject({ op: 'created', id: res.body.event.id, data: res.body.event });
    expect(match).toMatchObject({ op: 'updated', id: live.id });
    expect((match!.data as MatchSummary).score).toEqual({
      home: before.match.score.home + 1,
      away: before.match.score.away,
    });
    await corner(live.id);
    expect((await ws.next('patch')).seq).toBe(before.seq + 2);
    expect(applyPatch(applyPatch(before, patch), ws.frames.at(-1) as PatchFrame)).toEqual(
      await snapshot(s.app, live.id),
    );
    expect(ws.binaryFrames).toBe(0);
  });

  it('resumes with since: exactly the missed patches and recovered true; another epoch gets a snapshot', async () => {
    const topic = `match:${live.id}`;
    const first = await connect();
    await subscribe(first, topic);
    const base = (await first.next('snapshot')).data as MatchSnapshot;
    first.close();
    for (let i = 0; i < 3; i++) expect((await corner(live.id)).status).toBe(200);
    expect((await goal(live.id)).status).toBe(201);

    const ws = await connect();
    const since = { epoch: base.epoch, seq: base.seq };
    expect(await subscribe(ws, topic, since)).toEqual({
      type: 'subscribed',
      topic,
      epoch: base.epoch,
      seq: base.seq + 4,
      recovered: true,
    });
    const patches = [];
    for (let i = 1; i <= 4; i++) patches.push(await ws.next('patch'));
    expect(patches.map((p) => p.seq)).toEqual([1, 2, 3, 4].map((n) => base.seq + n));
    ws.send({ type: 'ping', ts: 0 });
    await ws.next('pong');
    expect(patches.reduce(applyPatch, base)).toEqual(await snapshot(s.app, live.id));
    expect(ws.binaryFrames).toBe(0);

    // Up to date already: nothing to replay.
    expect(await subscribe(ws, topic, { epoch: base.epoch, seq: base.seq + 4 })).toMatchObject({ recovered: true });
    for (const stale of [
      { epoch: 'another-epoch', seq: base.seq },
      { epoch: base.epoch, seq: base.seq + 100 },
    ]) {
      expect(await subscribe(ws, topic, stale)).toMatchObject({ seq: base.seq + 4, recovered: false });
      expect(await ws.next('snapshot')).toMatchObject({ seq: base.seq + 4, recovered: false });
    }
  });

  it('serves season:{id} with standings and matches, and a finished match as a standings patch', async () => {
    const m = league[0]!;
    const ws = await connect();
    const sub = await subscribe(ws, `season:${m.seasonId}`);
    const snap = await ws.next('snapshot');
    const data = snap.data as { standings: { seasonId: string }; matches: MatchSummary[] };
    expect(data.standings.seasonId).toBe(m.seasonId);
    expect(data.matches.map((x) => x.id)).toContain(m.id);
    expect(snap.seq).toBe(sub.seq);
    expect((await admin.req('POST', `/api/matches/${m.id}/state`, { status: 'live' })).status).toBe(200);
    expect((await admin.req('POST', `/api/matches/${m.id}/state`, { status: 'finished' })).status).toBe(200);
    const patch = await ws.next('patch');
    expect(patch).toMatchObject({ topic: `season:${m.seasonId}`, epoch: sub.epoch, seq: sub.seq + 1 });
    expect(patch.changes.map((c) => c.entity)).toEqual(['standings', 'match']);
    expect((patch.changes[1]!.data as MatchSummary).status).toBe('finished');

    const again = await connect();
    expect(await subscribe(again, `season:${m.seasonId}`, { epoch: sub.epoch, seq: sub.seq })).toMatchObject({
      recovered: true,
    });
    expect(await again.next('patch')).toEqual(patch);
  });

  it('serves live with the matches of today and a MatchSummary patch per match change', async () => {
    const ws = await connect();
    const sub = await subscribe(ws, 'live');
    const snap = await ws.next('snapshot');
    const card = snap.data as MatchSummary[];
    expect(card.map((m) => m.id)).toEqual(expect.arrayContaining([live.id, ...league.map((m) => m.id)]));
    await goal(live.id);
    const patch = await ws.next('patch');
    expect(patch.seq).toBeGreaterThan(sub.seq);
    const rest = await snapshot(s.app, live.id);
    expect(patch.changes).toEqual([{ op: 'updated', entity: 'match', id: live.id, data: rest.match }]);
    // Its epoch is this instance's and it has no log: a resume gets a snapshot.
    expect(await subscribe(ws, 'live', { epoch: sub.epoch, seq: patch.seq })).toMatchObject({ recovered: false });
    expect(await ws.next('snapshot')).toMatchObject({ recovered: false, seq: patch.seq });
  });

  it('serves the admin feed to admins and judges, with a replay by audit id', async () => {
    const ws = await connect(admin.token);
    const sub = await subscribe(ws, 'admin');
    const snap = await ws.next('snapshot');
    expect((snap.data as unknown[]).length).toBeGreaterThan(0);
    expect((snap.data as unknown[]).length).toBeLessThanOrEqual(50);
    const res = await corner(live.id);
    const patch = await ws.next('patch');
    expect(patch.seq).toBeGreaterThan(sub.seq);
    // The same entry shape as GET /api/admin/audit, actor resolved.
    expect(patch.changes[0]).toMatchObject({
      op: 'created',
      entity: 'audit',
      data: { matchId: live.id, actor: { role: 'operator' }, entity: 'stats' },
    });
    AuditEntry.parse((patch.changes[0] as { data: unknown }).data);
    expect(res.status).toBe(200);

    const j = await connect(judge.token);
    expect(await subscribe(j, 'admin', { epoch: sub.epoch, seq: sub.seq })).toMatchObject({
      recovered: true,
      seq: patch.seq,
    });
    expect(await j.next('patch')).toEqual(patch);
  });

  it('closes a client that stops reading with 4008 once 1 MiB waits for it', async () => {
    const topic = `match:${live.id}`;
    const upgraded = new Map<number, Socket>();
    const onUpgrade = (_req: unknown, socket: Socket) => upgraded.set(socket.remotePort!, socket);
    s.app.server.on('upgrade', onUpgrade);
    const ws = await connect();
    s.app.server.off('upgrade', onUpgrade);
    const client = (ws.ws as unknown as { _socket: Socket })._socket;
    const server = upgraded.get(client.localPort!)!;
    await subscribe(ws, topic);
    const since = (await ws.next('snapshot')) as { epoch: string; seq: number };
    for (let i = 0; i < 5; i++) expect((await goal(live.id)).status).toBe(201);
    client.pause();
    // Every resume from `since` replays the five goals again: kernel buffers fill, then the server's own.
    for (let i = 0; i < 5000 && server.writableLength <= SLOW_CONSUMER_BYTES; i++) {
      ws.send({ type: 'subscribe', topic, since: { epoch: since.epoch, seq: since.seq } });
      await sleep(1);
    }
    client.resume();
    expect((await ws.closed).code).toBe(CloseCode.slowConsumer);
  });

  it('drops a connection that answers no WebSocket ping, and keeps one that does', async () => {
    const silent = await RawSocket.open(s.url, { autoPong: false });
    silent.send({ type: 'hello', protocol: 1 });
    await silent.next('welcome');
    const alive = await connect();
    const closed = await silent.closed;
    expect(closed.code).toBe(1006);
    await sleep(HEARTBEAT_MS * 2);
    alive.send({ type: 'ping', ts: 1 });
    expect(await alive.next('pong')).toEqual({ type: 'pong', ts: 1 });
  });
});
