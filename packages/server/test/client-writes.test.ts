import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '@touchline/contract';
import { type Api, signInAdmin, snapshot, staff, todaysMatches } from './api.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';
import { RawSocket } from './raw-socket.ts';

/** A client's write names itself on its patch, so the writer's console can retire its optimistic copy on sight. */
describe.each(dbKinds)('client write ids on patches and resends on %s', (kind) => {
  let s: TestServer;
  let op: Api;
  let matchId: string;
  let ws: RawSocket;
  beforeAll(async () => {
    s = await startTestServer(kind, { demo: true });
    const admin = await signInAdmin(s.app);
    op = (await staff(s.app, admin, 'operator')).api;
    matchId = (await todaysMatches(s.app)).live[0]!.id;
    ws = await RawSocket.welcomed(s.url);
    ws.send({ type: 'subscribe', topic: `match:${matchId}` });
    await ws.next('subscribed');
    await ws.next('snapshot');
  });
  afterAll(async () => {
    ws?.ws.close();
    await s?.close();
  });

  const url = (path = '') => `/api/matches/${matchId}${path}`;
  const expectTagged = (changes: Change[], clientEventId: string) => {
    expect(changes.length).toBeGreaterThan(0);
    for (const c of changes) expect(c.clientEventId).toBe(clientEventId);
  };

  it('tags every change of a create, edit, delete, stats and state write with its client id', async () => {
    const create = randomUUID();
    const created = await op.req('POST', url('/events'), {
      clientEventId: create,
      type: 'goal',
      side: 'home',
      minute: 5,
    });
    expect(created.status).toBe(201);
    expectTagged((await ws.next('patch')).changes, create);

    const edit = randomUUID();
    const eventUrl = url(`/events/${created.body.event.id}`);
    expect((await op.req('PATCH', eventUrl, { minute: 6, clientEventId: edit })).status).toBe(200);
    expectTagged((await ws.next('patch')).changes, edit);

    const stat = randomUUID();
    await op.req('POST', url('/stats'), { side: 'away', metric: 'saves', delta: 1, clientEventId: stat });
    const statPatch = await ws.next('patch');
    expectTagged(statPatch.changes, stat);

    const remove = randomUUID();
    expect((await op.req('DELETE', `${eventUrl}?clientEventId=${remove}`)).status).toBe(200);
    expectTagged((await ws.next('patch')).changes, remove);

    const state = randomUUID();
    const period = (await snapshot(s.app, matchId)).match.period === 'first_half' ? 'half_time' : 'second_half';
    expect((await op.req('POST', url('/state'), { period, clientEventId: state })).status).toBe(200);
    expectTagged((await ws.next('patch')).changes, state);

    // A write without a client id (another integrator) carries none.
    await op.req('POST', url('/stats'), { side: 'away', metric: 'saves', delta: 1 });
    for (const c of (await ws.next('patch')).changes) expect(c.clientEventId).toBeUndefined();
  });

  it('answers a resent write with the seq it was first applied at, and changes nothing', async () => {
    const stat = { side: 'home', metric: 'corners', delta: 1, clientEventId: randomUUID() };
    const first = await op.req('POST', url('/stats'), stat);
    await ws.next('patch');
    await op.req('POST', url('/stats'), { side: 'home', metric: 'fouls', delta: 1 });
    await ws.next('patch');
    const before = await snapshot(s.app, matchId);
    const again = await op.req('POST', url('/stats'), stat);
    expect(again.status).toBe(200);
    expect(again.body.seq).toBe(first.body.seq);
    expect(await snapshot(s.app, matchId)).toEqual(before);
  });

  it('applies a resent edit once and treats a resent delete as done, without a patch', async () => {
    const created = await op.req('POST', url('/events'), { type: 'yellow_card', side: 'away', minute: 30 });
    await ws.next('patch');
    const eventUrl = url(`/events/${created.body.event.id}`);
    const edit = { minute: 31, clientEventId: randomUUID() };
    const first = await op.req('PATCH', eventUrl, edit);
    await ws.next('patch');
    // Someone else moves it on; the resent edit must not undo their change.
    await op.req('PATCH', eventUrl, { minute: 33 });
    await ws.next('patch');
    const again = await op.req('PATCH', eventUrl, edit);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ seq: first.body.seq, event: { minute: 33 } });

    const remove = randomUUID();
    const deleted = await op.req('DELETE', `${eventUrl}?clientEventId=${remove}`);
    await ws.next('patch');
    const before = await snapshot(s.app, matchId);
    const resent = await op.req('DELETE', `${eventUrl}?clientEventId=${remove}`);
    expect(resent).toEqual({ status: 200, body: { seq: deleted.body.seq } });
    expect(await snapshot(s.app, matchId)).toEqual(before);
  });

  it('does not bring back a deleted event when its create is resent', async () => {
    const goal = { clientEventId: randomUUID(), type: 'goal', side: 'home', minute: 40 };
    const created = await op.req('POST', url('/events'), goal);
    await ws.next('patch');
    await op.req('DELETE', url(`/events/${created.body.event.id}`));
    await ws.next('patch');
    const before = await snapshot(s.app, matchId);
    const resent = await op.req('POST', url('/events'), goal);
    // Answered as the first write was (decision 017), at the seq it was applied at, and nothing comes back.
    expect([resent.status, resent.body.event, resent.body.seq]).toEqual([200, created.body.event, created.body.seq]);
    expect(await snapshot(s.app, matchId)).toEqual(before);
  });
});
