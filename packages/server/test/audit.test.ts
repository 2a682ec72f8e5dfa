import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, gt, sql } from 'drizzle-orm';
import * as t from '../src/db/schema.ts';
import { type Api, signInAdmin, snapshot, staff, todaysMatches } from './api.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';
import { RawSocket } from './raw-socket.ts';

/** Every write records who changed what, with before and after, in its own transaction (docs/protocol.md §5, §7). */
describe.each(dbKinds)('the audit trail of match writes on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  let op: Api;
  let opId: string;
  let live: string;

  beforeAll(async () => {
    // The injected failures below are logged as errors on purpose; keep them out of the test output.
    s = await startTestServer(kind, { demo: true, config: { logLevel: 'fatal' } });
    admin = await signInAdmin(s.app);
    const operator = await staff(s.app, admin, 'operator');
    op = operator.api;
    opId = operator.user.id;
    live = (await todaysMatches(s.app)).live[0]!.id;
  });
  afterAll(() => s.close());
  afterEach(async () => {
    await s.database.db.execute(sql.raw('drop trigger if exists tl_test_fail_at_commit on match_events'));
    await s.database.db.execute(sql.raw('drop trigger if exists tl_test_fail_audit on audit_log'));
  });

  const lastAuditId = async () =>
    (await s.database.db.select({ id: sql<number>`coalesce(max(${t.auditLog.id}), 0)` }).from(t.auditLog))[0]!.id;
  const auditSince = (id: number) =>
    s.database.db.select().from(t.auditLog).where(gt(t.auditLog.id, id)).orderBy(asc(t.auditLog.id));
  const eventsOf = (clientEventId: string) =>
    s.database.db.select().from(t.matchEvents).where(eq(t.matchEvents.clientEventId, clientEventId));
  const failWith = (fn: string) =>
    s.database.db.execute(
      sql.raw(`create or replace function ${fn}() returns trigger language plpgsql as $$
        begin raise exception 'injected failure'; end $$`),
    );

  it('records one create and one delete as exactly two rows with actor, before and after', async () => {
    const snap = await snapshot(s.app, live);
    const scorer = snap.lineups.home.find((p) => p.role === 'starter')!;
    const from = await lastAuditId();

    const created = await op.req('POST', `/api/matches/${live}/events`, {
      type: 'goal',
      side: 'home',
      minute: 14,
      playerId: scorer.playerId,
      clientEventId: randomUUID(),
    });
    expect(created.status).toBe(201);
    const event = created.body.event;
    const deleted = await op.req('DELETE', `/api/matches/${live}/events/${event.id}`);
    expect(deleted.status).toBe(200);

    const rows = await auditSince(from);
    expect(rows).toHaveLength(2);
    const [create, remove] = rows;
    expect(create).toMatchObject({
      actorId: Number(opId),
      action: 'create',
      entity: 'event',
      entityId: event.id,
      matchId: Number(live),
      before: null,
      after: event,
    });
    expect(remove).toMatchObject({
      actorId: Number(opId),
      action: 'delete',
      entity: 'event',
      entityId: event.id,
      matchId: Number(live),
      before: event,
      after: null,
    });
    expect(remove!.at.getTime()).toBeGreaterThanOrEqual(create!.at.getTime());
    // The audited event is the one the API answered with, down to who entered it and when.
    expect(create!.after).toEqual({ ...event, createdBy: opId });
  });

  it('names the players, the person and the match an entry refers to, on the page and on the admin topic', async () => {
    const snap = await snapshot(s.app, live);
    const [scorer, other] = snap.lineups.home.filter((p) => p.role === 'starter').slice(1, 3);
    const ws = await RawSocket.welcomed(s.url, admin.token);
    ws.send({ type: 'subscribe', topic: 'admin' });
    await ws.next('subscribed');
    await ws.next('snapshot');
    const url = `/api/matches/${live}/events`;
    const created = await op.req('POST', url, { type: 'goal', side: 'home', minute: 21, playerId: scorer!.playerId });
    const moved = await op.req('PATCH', `${url}/${created.body.event.id}`, { playerId: other!.playerId });
    expect(moved.status).toBe(200);
    const [update] = (await admin.req('GET', `/api/admin/audit?matchId=${live}&limit=1`)).body.entries;
    expect(update.after.playerId).toBe(other!.playerId);
    const home = snap.match.homeClub.name;
    expect(update.refs).toEqual({
      [`player:${scorer!.playerId}`]: `${scorer!.firstName} ${scorer!.lastName}`,
      [`player:${other!.playerId}`]: `${other!.firstName} ${other!.lastName}`,
      [`user:${opId}`]: update.actor.displayName,
      [`match:${live}`]: `${home} – ${snap.match.awayClub.name}`,
    });
    await ws.next('patch');
    const live2 = await ws.next('patch');
    expect((live2.changes[0] as { data: unknown }).data).toEqual(update);
    ws.close();
    await op.req('DELETE', `${url}/${created.body.event.id}`);
  });

  it('leaves no audit row for a refused write', async () => {
    const from = await lastAuditId();
    const { seq, stats } = await snapshot(s.app, live);
    expect(stats.away.saves).toBeLessThan(20);
    const stranger = (await snapshot(s.app, (await todaysMatches(s.app)).league[0]!.id)).lineups.home[0]!;
    const refused = [
      await op.req('POST', `/api/matches/${live}/events`, {
        type: 'goal',
        side: 'home',
        minute: 3,
        expectedSeq: seq + 1,
      }),
      await op.req('POST', `/api/matches/${live}/events`, {
        type: 'goal',
        side: 'home',
        minute: 3,
        playerId: stranger.playerId,
      }),
      await op.req('POST', `/api/matches/${live}/events`, { type: 'goal', side: 'home', minute: 0 }),
      await op.req('DELETE', `/api/matches/${live}/events/2147483647`),
      await op.req('POST', `/api/matches/${live}/stats`, {
        side: 'away',
        metric: 'saves',
        delta: -(stats.away.saves + 1),
      }),
    ];
    expect(refused.map((r) => r.status)).toEqual([409, 400, 400, 404, 400]);
    expect(await auditSince(from)).toEqual([]);
  });

  it('rolls the audit row back with a write that fails at commit, after the row was written', async () => {
    // A deferred trigger fails the transaction at COMMIT, after the engine has inserted the event and its audit row.
    await failWith('tl_test_fail');
    await s.database.db.execute(
      sql.raw(`create constraint trigger tl_test_fail_at_commit after insert on match_events
        deferrable initially deferred for each row when (new.minute = 77) execute function tl_test_fail()`),
    );
    const from = await lastAuditId();
    const { seq } = await snapshot(s.app, live);
    const clientEventId = randomUUID();
    const res = await op.req('POST', `/api/matches/${live}/events`, {
      type: 'goal',
      side: 'home',
      minute: 77,
      clientEventId,
    });
    expect(res.status).toBe(500);
    expect(await eventsOf(clientEventId)).toEqual([]);
    expect(await auditSince(from)).toEqual([]);
    expect((await snapshot(s.app, live)).seq).toBe(seq);
  });

  it('rolls the write back when its audit row cannot be written', async () => {
    await failWith('tl_test_fail');
    await s.database.db.execute(
      sql.raw(`create trigger tl_test_fail_audit before insert on audit_log
        for each row when (new.action = 'create' and new.entity = 'event') execute function tl_test_fail()`),
    );
    const from = await lastAuditId();
    const { seq, events } = await snapshot(s.app, live);
    const clientEventId = randomUUID();
    const res = await op.req('POST', `/api/matches/${live}/events`, {
      type: 'goal',
      side: 'away',
      minute: 61,
      clientEventId,
    });
    expect(res.status).toBe(500);
    expect(await eventsOf(clientEventId)).toEqual([]);
    expect(await auditSince(from)).toEqual([]);
    const after = await snapshot(s.app, live);
    expect({ seq: after.seq, events: after.events }).toEqual({ seq, events });
  });
});
