import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SideStats } from '@touchline/contract';
import { users } from '../src/db/schema.ts';
import { rawRows } from '../src/db/raw.ts';
import { writeDeps } from '../src/matches/deps.ts';
import { writeMatch } from '../src/matches/engine.ts';
import { changeStat } from '../src/matches/stats.ts';
import { type Api, signInAdmin, snapshot, todaysMatches } from './api.ts';
import { startTestServer, TEST_ADMIN, type TestServer } from './helpers.ts';

/**
 * A write that waits for the match's lock must see what the write holding it committed. PostgreSQL hands a waiting
 * `SELECT … FOR UPDATE` the locked row as it is now but every other row as its statement first saw it (READ COMMITTED),
 * so what the lock's statement reads beside the match row is stale after a wait (decision 053). Only PostgreSQL: the
 * embedded database runs one transaction at a time.
 */
describe('a match write that waited for the lock, on postgres', () => {
  let s: TestServer;
  let admin: Api;
  let matchId: string;
  let adminId: string;
  beforeAll(async () => {
    s = await startTestServer('postgres', { demo: true });
    admin = await signInAdmin(s.app);
    matchId = (await todaysMatches(s.app)).live[0]!.id;
    const [row] = await s.database.db.select({ id: users.id }).from(users).where(eq(users.login, TEST_ADMIN.login));
    adminId = String(row!.id);
  });
  afterAll(async () => {
    await s?.close();
  });

  /** Holds the match's lock with a committed-on-release +1 home corner, written by `clientWriteId` if given. */
  async function holdCorner(clientWriteId?: string) {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let holding!: () => void;
    const held = new Promise<void>((r) => (holding = r));
    const principal = { userId: adminId, role: 'admin' as const };
    const body = { side: 'home' as const, metric: 'corners' as const, delta: 1 };
    const write = writeMatch(
      writeDeps(s.app),
      Number(matchId),
      principal,
      { asked: { action: 'record' }, clientWriteId },
      async (ctx) => {
        const done = await changeStat(ctx, body);
        holding();
        await released;
        return done;
      },
    );
    await held;
    return { write, release };
  }

  /** Until a second statement waits for a lock: the write under test has read its snapshot and is blocked. */
  async function untilBlocked() {
    for (let i = 0; i < 500; i++) {
      const [row] = await rawRows<{ n: number }>(
        s.database.db,
        sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (row!.n > 0) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('the write never waited for the lock');
  }

  it('answers and patches the statistics the holder committed, on the other side too', async () => {
    const held = await holdCorner();
    const waiting = admin.req('POST', `/api/matches/${matchId}/stats`, { side: 'away', metric: 'corners', delta: 1 });
    await untilBlocked();
    held.release();
    const first = await held.write;
    const second = await waiting;
    expect(second.status).toBe(200);
    const stats = second.body.stats as SideStats;
    expect(stats.home.corners).toBe(first.result.stats.home.corners);
    expect(stats).toEqual((await snapshot(s.app, matchId)).stats);
  });

  it('counts a statistic once when its resend waited for the first copy', async () => {
    const clientEventId = randomUUID();
    const before = (await snapshot(s.app, matchId)).stats.home.corners;
    const held = await holdCorner(clientEventId);
    const body = { side: 'home', metric: 'corners', delta: 1, clientEventId };
    const waiting = admin.req('POST', `/api/matches/${matchId}/stats`, body);
    await untilBlocked();
    held.release();
    const first = await held.write;
    const again = await waiting;
    expect(again.status).toBe(200);
    expect(again.body.seq).toBe(first.seq);
    expect((await snapshot(s.app, matchId)).stats.home.corners).toBe(before + 1);
  });
});
