import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, changeLog } from '../src/db/schema.ts';
import { countStatements } from '../src/db/statements.ts';
import { type Api, signInAdmin, snapshot, staff, todaysMatches } from './api.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';

/**
 * The statements one event write sends through the whole route (decisions 047, 052, 054): BEGIN, the locked match row
 * with its summary's names and the caller's account, the event with the match's events and statistics it found, one statement
 * for the seq, change log, client write id, audit rows and their names, COMMIT; an operator's scorer adds the lineup
 * read and a client event id the check for an earlier copy. Raise these only with a reason written in a decision.
 */
const MAX_ADMIN_GOAL = 5;
const MAX_OPERATOR_GOAL = 7;
/** A statistic: the counters come with the lock, and their upsert returns the events the cards are counted from. */
const MAX_STAT = 5;

describe.each(dbKinds)('the event write path on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  let op: Api;
  let matchId: string;
  beforeAll(async () => {
    s = await startTestServer(kind, { demo: true });
    admin = await signInAdmin(s.app);
    op = (await staff(s.app, admin, 'operator')).api;
    matchId = (await todaysMatches(s.app)).live[0]!.id;
  });
  afterAll(async () => {
    await s?.close();
  });

  const goal = (api: Api, extra: object = {}) =>
    countStatements(() =>
      api.req('POST', `/api/matches/${matchId}/events`, { type: 'goal', side: 'home', minute: 30, ...extra }),
    );

  it(`sends at most ${MAX_ADMIN_GOAL} statements for an admin's goal`, async () => {
    await goal(admin);
    const { result, statements } = await goal(admin);
    expect(result.status).toBe(201);
    console.log(`${kind}: an admin's goal takes ${statements} statements`);
    expect(statements).toBeLessThanOrEqual(MAX_ADMIN_GOAL);
  });

  it(`sends at most ${MAX_OPERATOR_GOAL} statements for an operator's goal with a scorer and a client id`, async () => {
    const scorer = (await snapshot(s.app, matchId)).lineups.home[0]?.playerId;
    const { result, statements } = await goal(op, { clientEventId: randomUUID(), playerId: scorer });
    expect(result.status).toBe(201);
    console.log(`${kind}: an operator's goal with a scorer and a client id takes ${statements} statements`);
    expect(statements).toBeLessThanOrEqual(MAX_OPERATOR_GOAL);
  });

  it(`sends at most ${MAX_STAT} statements for a statistic, and adds it to what the lock read`, async () => {
    const shots = async () => (await snapshot(s.app, matchId)).stats.away.shots;
    const before = await shots();
    const { result, statements } = await countStatements(() =>
      admin.req('POST', `/api/matches/${matchId}/stats`, { side: 'away', metric: 'shots', delta: 1 }),
    );
    expect(result.status).toBe(200);
    expect(result.body.stats.away.shots).toBe(before + 1);
    expect(await shots()).toBe(before + 1);
    console.log(`${kind}: a statistic takes ${statements} statements`);
    expect(statements).toBeLessThanOrEqual(MAX_STAT);
  });

  it('leaves exactly one change-log row and one audit row per write, at contiguous seqs', async () => {
    const id = Number(matchId);
    const rows = async () => {
      const db = s.database.db;
      const [log] = await db
        .select({ n: count() })
        .from(changeLog)
        .where(eq(changeLog.topic, `match:${id}`));
      const [audit] = await db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.matchId, id), eq(auditLog.entity, 'event')));
      return { log: log!.n, audit: audit!.n };
    };
    const before = await rows();
    const start = (await snapshot(s.app, matchId)).seq;
    const K = 12;
    const seqs: number[] = [];
    for (let i = 0; i < K; i++) {
      const r = await (i % 2 ? op : admin).req('POST', `/api/matches/${matchId}/events`, {
        type: i % 3 ? 'penalty_missed' : 'goal',
        side: i % 2 ? 'away' : 'home',
        minute: 40 + i,
        clientEventId: randomUUID(),
      });
      expect(r.status).toBe(201);
      seqs.push(r.body.seq);
    }
    expect(seqs).toEqual(Array.from({ length: K }, (_, i) => start + 1 + i));
    const after = await rows();
    expect(after.log - before.log).toBe(K);
    expect(after.audit - before.audit).toBe(K);
  });
});
