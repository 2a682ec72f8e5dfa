import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, count, eq } from 'drizzle-orm';
import type { Principal } from '../src/auth/keyring.ts';
import { ensureFirstAdmin } from '../src/auth/first-admin.ts';
import { seasonPatch } from '../src/changes/season-patch.ts';
import { unitOfWork } from '../src/changes/unit-of-work.ts';
import type { Database, Db } from '../src/db/client.ts';
import * as t from '../src/db/schema.ts';
import { seedDemoIfEmpty } from '../src/demo/seed.ts';
import { ApiError } from '../src/http/errors.ts';
import { type MatchWriteDeps, writeMatch } from '../src/matches/engine.ts';
import { createEvent } from '../src/matches/events.ts';
import { type BusMessage, InProcessBus } from '../src/realtime/bus.ts';
import { Fanout } from '../src/realtime/fanout.ts';
import { dbKinds, openTestDatabase, TEST_ADMIN } from './helpers.ts';

const HOUR = 3600_000;

/**
 * The change-log unit of work and the match engine on their own, with no Fastify app: a database, the real fan-out
 * (in-process bus) and the settings are all they are given (docs/decisions/025-changes-unit-of-work-and-gate.md).
 */
describe.each(dbKinds)('the match engine without the app, on %s', (kind) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let fanout: Fanout;
  let admin: Principal;
  let judge: Principal;
  /** What happened, in order: each transaction's end (`commit`, `rollback`) and each patch the fan-out carried. */
  let timeline: string[] = [];
  let carried: BusMessage[] = [];

  /** The real database, noting when a transaction has ended; the write is handed nothing else of it. */
  const tracked = (db: Db): Db =>
    new Proxy(db, {
      get(target, key, receiver) {
        if (key !== 'transaction') return Reflect.get(target, key, receiver);
        return (...args: Parameters<Db['transaction']>) =>
          target.transaction(...args).then(
            (result) => (timeline.push('commit'), result),
            (err: unknown) => {
              timeline.push('rollback');
              throw err;
            },
          );
      },
    });
  const deps = (judgeWindowHours = 48): MatchWriteDeps => ({
    db: tracked(database.db),
    fanout,
    settings: { judgeWindowHours },
  });
  const take = () => {
    const seen = { timeline, carried };
    timeline = [];
    carried = [];
    return seen;
  };

  beforeAll(async () => {
    ({ database, dispose } = await openTestDatabase(kind));
    const db = database.db;
    await ensureFirstAdmin(db, TEST_ADMIN.login, TEST_ADMIN.password);
    await seedDemoIfEmpty(db, { now: new Date(), timeZone: 'Europe/Moscow', adminLogin: TEST_ADMIN.login });
    const [a] = await db.select().from(t.users).where(eq(t.users.login, TEST_ADMIN.login));
    const [j] = await db
      .insert(t.users)
      .values({ login: 'judge-uow', displayName: 'Judge', role: 'judge' })
      .returning();
    admin = { userId: String(a!.id), role: 'admin' };
    judge = { userId: String(j!.id), role: 'judge' };
    fanout = new Fanout(new InProcessBus('unit-of-work-test'));
    fanout.onMessage((m) => {
      timeline.push(m.topic);
      carried.push(m);
    });
  });
  afterAll(() => dispose());

  const liveMatch = async () => {
    const [m] = await database.db
      .select()
      .from(t.matches)
      .where(eq(t.matches.status, 'live'))
      .orderBy(asc(t.matches.id))
      .limit(1);
    return m!;
  };
  const eventsOf = async (matchId: number) =>
    (await database.db.select({ n: count() }).from(t.matchEvents).where(eq(t.matchEvents.matchId, matchId)))[0]!.n;
  /** The change-log row of a patch the fan-out carried: the same changes, at the same seq and epoch. */
  const logged = async (p: BusMessage) =>
    (
      await database.db
        .select({ epoch: t.changeLog.epoch, changes: t.changeLog.changes })
        .from(t.changeLog)
        .where(and(eq(t.changeLog.topic, p.topic), eq(t.changeLog.seq, p.seq)))
    )[0];

  it('writes a goal in one transaction and sends its match and audit patches after commit', async () => {
    const m = await liveMatch();
    const out = await writeMatch(deps(), m.id, admin, { asked: { action: 'record' } }, (ctx) =>
      createEvent(ctx, { type: 'goal', side: 'home', minute: 10 }),
    );
    expect(out).toMatchObject({ seq: m.seq + 1, result: { created: true } });
    const { timeline, carried } = take();
    expect(timeline).toEqual(['commit', `match:${m.id}`, 'admin']);
    expect(carried[0]!.seq).toBe(out.seq);
    expect(await logged(carried[0]!)).toEqual({ epoch: m.epoch, changes: carried[0]!.changes });
  });

  it('keeps and sends nothing when a step fails after writing', async () => {
    const m = await liveMatch();
    const events = await eventsOf(m.id);
    const failing = writeMatch(deps(), m.id, admin, { asked: { action: 'record' } }, async (ctx) => {
      await createEvent(ctx, { type: 'goal', side: 'away', minute: 20 });
      throw new ApiError('conflict', 'the step gives up after writing');
    });
    await expect(failing).rejects.toMatchObject({ code: 'conflict' });
    expect(take().timeline).toEqual(['rollback']);
    expect(await eventsOf(m.id)).toBe(events);
    expect((await liveMatch()).seq).toBe(m.seq);
  });

  it('sends the extra patches a step returns after the write’s own', async () => {
    const m = await liveMatch();
    await writeMatch(deps(), m.id, admin, { asked: { action: 'record' } }, async (ctx) => {
      const done = await createEvent(ctx, { type: 'goal', side: 'away', minute: 30 });
      return { ...done, patches: [await seasonPatch(ctx.tx, ctx.match.seasonId, ctx.match.id)] };
    });
    const { timeline, carried } = take();
    expect(timeline).toEqual(['commit', `match:${m.id}`, 'admin', `season:${m.seasonId}`]);
    expect(await logged(carried[2]!)).toMatchObject({ changes: carried[2]!.changes });
  });

  it('takes the judge’s correction window from its settings', async () => {
    const m = await liveMatch();
    await database.db
      .update(t.matches)
      .set({ status: 'finished', finishedAt: new Date(Date.now() - 30 * HOUR) })
      .where(eq(t.matches.id, m.id));
    const correct = (hours: number) =>
      writeMatch(deps(hours), m.id, judge, { asked: { action: 'record' } }, (ctx) =>
        createEvent(ctx, { type: 'yellow_card', side: 'home', minute: 40 }),
      );
    await expect(correct(24)).rejects.toMatchObject({ code: 'correction_window_closed' });
    expect(take().timeline).toEqual(['rollback']);
    expect((await correct(48)).seq).toBe(m.seq + 1);
    // A correction of a finished match also sends the season's new standings (docs/rules.md §8).
    expect(take().timeline).toEqual(['commit', `match:${m.id}`, 'admin', `season:${m.seasonId}`]);
  });

  it('turns the audit rows of any write into admin patches, sent after commit and only then', async () => {
    const audit = { actorId: admin.userId, action: 'update', entity: 'club', entityId: 1 };
    const done = await unitOfWork(deps(), async (w) => {
      await w.audit(audit);
      return 'done';
    });
    expect(done).toBe('done');
    const { timeline, carried } = take();
    expect(timeline).toEqual(['commit', 'admin']);
    const [row] = await database.db.select().from(t.auditLog).where(eq(t.auditLog.id, carried[0]!.seq));
    expect(row).toMatchObject({ action: 'update', entity: 'club', entityId: '1' });
    const failing = unitOfWork(deps(), async (w) => {
      await w.audit(audit);
      throw new ApiError('conflict', 'rolled back');
    });
    await expect(failing).rejects.toMatchObject({ code: 'conflict' });
    expect(take().timeline).toEqual(['rollback']);
  });
});
