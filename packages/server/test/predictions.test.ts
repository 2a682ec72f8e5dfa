import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  ErrorCode,
  LeaderboardAnswer,
  type MatchSummary,
  MyPredictionsAnswer,
  PredictionAnswer,
  PredictionBody,
} from '@touchline/contract';
import { leaderboard, settle } from '@touchline/domain';
import { auditLog, matches as matchesTable, predictions } from '../src/db/schema.ts';
import { type Api, signInAdmin, snapshot, staff, todaysMatches } from './api.ts';
import { BOT_TOKEN, telegramFan } from './follows-fixture.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';
import { RawSocket } from './raw-socket.ts';

const inMinutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

/** Match predictions through the API (docs/rules.md §9, decision 041). */
describe.each(dbKinds)('predictions on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  let op: Api;
  let judge: Api;
  let league: MatchSummary[];
  const fans: Record<string, string>[] = [];
  beforeAll(async () => {
    s = await startTestServer(kind, { demo: true, config: { telegramBotToken: BOT_TOKEN } });
    admin = await signInAdmin(s.app);
    op = (await staff(s.app, admin, 'operator')).api;
    judge = (await staff(s.app, admin, 'judge')).api;
    league = (await todaysMatches(s.app)).league;
    for (const id of [7001, 7002, 7003]) fans.push({ authorization: `Bearer ${await telegramFan(s.app, id)}` });
    // The demo's kick-offs may have passed by the evening: the matches used here start in the future.
    for (const m of league.slice(0, 3)) {
      expect((await admin.req('PATCH', `/api/admin/matches/${m.id}`, { kickoffAt: inMinutes(60) })).status).toBe(200);
    }
  });
  afterAll(() => s.close());

  const call = (method: 'GET' | 'PUT', url: string, headers: Record<string, string> = {}, body?: object) =>
    s.app.inject({ method, url, headers, ...(body ? { payload: body } : {}) });
  const pick = (fan: number, matchId: string, body: object) =>
    call('PUT', `/api/matches/${matchId}/prediction`, fans[fan], body);
  const rows = () => s.app.db.select().from(predictions);
  const rowsOf = (matchId: string) => s.app.db.select().from(predictions).where(eq(predictions.matchId, +matchId));
  const play = async (id: string, goals: ('home' | 'away')[]) => {
    expect((await op.req('POST', `/api/matches/${id}/state`, { status: 'live' })).status).toBe(200);
    for (const side of goals) {
      expect((await op.req('POST', `/api/matches/${id}/events`, { type: 'goal', side, minute: 20 })).status).toBe(201);
    }
    for (const period of ['half_time', 'second_half'])
      expect((await op.req('POST', `/api/matches/${id}/state`, { period })).status).toBe(200);
    expect((await op.req('POST', `/api/matches/${id}/state`, { status: 'finished' })).status).toBe(200);
  };

  it('shows anyone the line, the points and whether picks are open', async () => {
    const res = await call('GET', `/api/matches/${league[0]!.id}/prediction`);
    expect(res.statusCode).toBe(200);
    expect(PredictionAnswer.parse(res.json())).toMatchObject({
      line: 2.5,
      open: true,
      points: { result: 3, total: 1, bothScore: 1 },
      prediction: null,
    });
  });

  it('upserts the fan’s own pick, idempotently, with the line the fan saw', async () => {
    const id = league[0]!.id;
    const first = await pick(0, id, { result: 'home' });
    expect(first.statusCode).toBe(200);
    expect(first.json().prediction).toMatchObject({ result: 'home', total: null, bothScore: null, points: null });
    await pick(0, id, { total: 'over', bothScore: true });
    const again = await pick(0, id, { total: 'over', bothScore: true });
    expect(again.json().prediction).toMatchObject({ result: 'home', total: 'over', totalLine: 2.5, bothScore: true });
    expect(await rowsOf(id)).toHaveLength(1);
    const read = await call('GET', `/api/matches/${id}/prediction`, fans[0]);
    expect(read.json().prediction).toEqual(again.json().prediction);
    expect((await call('GET', `/api/matches/${id}/prediction`, fans[1])).json().prediction).toBeNull();
  });

  it('refuses staff with 403 and anonymous callers with 401', async () => {
    const before = await rows();
    const res = await admin.req('PUT', `/api/matches/${league[0]!.id}/prediction`, { result: 'away' });
    expect([res.status, res.body.error.code]).toEqual([403, 'forbidden']);
    const anonymous = await call('PUT', `/api/matches/${league[0]!.id}/prediction`, {}, { result: 'away' });
    expect([anonymous.statusCode, anonymous.json().error.code]).toEqual([401, 'unauthorized']);
    expect((await admin.req('GET', '/api/me/predictions')).status).toBe(403);
    expect(await rows()).toEqual(before);
  });

  it('answers bad input with a 400 and changes nothing', async () => {
    const before = await rows();
    const id = league[0]!.id;
    for (const bad of [{}, { result: 'win' }, { total: 'lots' }, { bothScore: 'yes' }, { result: 'home', extra: 1 }]) {
      const res = await pick(0, id, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.code).toBeTruthy();
    }
    expect((await pick(0, 'abc', { result: 'home' })).json().error.code).toBe('invalid_id');
    expect((await pick(0, '999999', { result: 'home' })).statusCode).toBe(404);
    expect((await call('GET', '/api/seasons/999999/predictions/leaderboard')).statusCode).toBe(404);
    expect(await rows()).toEqual(before);
  });

  it('answers any body the contract refuses with a 4xx and a known code, and never stores it', async () => {
    const before = await rows();
    const id = league[0]!.id;
    const junk = fc.oneof(
      fc.anything({ maxDepth: 2 }),
      fc.record({ result: fc.anything(), total: fc.anything(), bothScore: fc.anything() }, { requiredKeys: [] }),
    );
    await fc.assert(
      fc.asyncProperty(junk, async (body) => {
        fc.pre(!PredictionBody.safeParse(JSON.parse(JSON.stringify(body) ?? 'null')).success);
        const res = await s.app.inject({
          method: 'PUT',
          url: `/api/matches/${id}/prediction`,
          headers: { ...fans[0], 'content-type': 'application/json' },
          payload: JSON.stringify(body) ?? 'null',
        });
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        expect(Object.values(ErrorCode)).toContain(res.json().error.code);
      }),
      { numRuns: 80 },
    );
    expect(await rows()).toEqual(before);
  });

  it('sets the line through the admin’s match route, audited, only while picks are open', async () => {
    const id = league[1]!.id;
    const set = await admin.req('PATCH', `/api/admin/matches/${id}`, { predictionLine: 3.5 });
    expect(set.status).toBe(200);
    expect((await call('GET', `/api/matches/${id}/prediction`)).json().line).toBe(3.5);
    const audits = await s.app.db.select().from(auditLog).where(eq(auditLog.matchId, +id));
    expect(audits.some((a) => (a.after as { predictionLine?: number } | null)?.predictionLine === 3.5)).toBe(true);
    for (const bad of [3, 0, 12.5]) {
      expect((await admin.req('PATCH', `/api/admin/matches/${id}`, { predictionLine: bad })).status).toBe(400);
    }
    expect((await call('GET', `/api/matches/${id}/prediction`)).json().line).toBe(3.5);
  });

  it('is 409 prediction_closed right after the admin moved the kick-off into the past, and once live', async () => {
    const id = league[2]!.id;
    expect((await pick(1, id, { result: 'draw' })).statusCode).toBe(200);
    const before = await rowsOf(id);
    // The reschedule commits first; the very next pick is refused by the server's time, whatever the client thinks.
    expect((await admin.req('PATCH', `/api/admin/matches/${id}`, { kickoffAt: inMinutes(-0.01) })).status).toBe(200);
    const late = await pick(1, id, { result: 'home' });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'prediction_closed']);
    expect((await pick(2, id, { total: 'under' })).statusCode).toBe(409);
    expect((await call('GET', `/api/matches/${id}/prediction`)).json().open).toBe(false);
    expect((await admin.req('PATCH', `/api/admin/matches/${id}`, { predictionLine: 1.5 })).body.error.code).toBe(
      'prediction_closed',
    );
    // Back in the future but already live: still closed.
    expect((await admin.req('PATCH', `/api/admin/matches/${id}`, { kickoffAt: inMinutes(30) })).status).toBe(200);
    expect((await op.req('POST', `/api/matches/${id}/state`, { status: 'live' })).status).toBe(200);
    expect((await pick(1, id, { result: 'home' })).json().error.code).toBe('prediction_closed');
    expect(await rowsOf(id)).toEqual(before);
  });

  it('refuses a pick sent while a reschedule into the past is committing: the locked match row decides', async () => {
    const id = league[0]!.id;
    const before = await rowsOf(id);
    let sent: ReturnType<typeof pick> | undefined;
    // The reschedule holds the match row when the pick arrives, with the old kick-off still an hour away.
    await s.app.db.transaction(async (tx) => {
      await tx.select().from(matchesTable).where(eq(matchesTable.id, +id)).for('update');
      await tx
        .update(matchesTable)
        .set({ kickoffAt: new Date(Date.now() - 1000) })
        .where(eq(matchesTable.id, +id));
      sent = pick(2, id, { result: 'away' });
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    const late = await sent!;
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'prediction_closed']);
    expect(await rowsOf(id)).toEqual(before);
  });

  it('settles at full time, again on a judge’s correction: the leaderboard equals a fresh computation', async () => {
    const id = league[1]!.id;
    const { seasonId } = league[1]!;
    await pick(0, id, { result: 'home', total: 'under', bothScore: false });
    await pick(1, id, { result: 'draw', total: 'over', bothScore: true });
    await pick(2, id, { result: 'away' });
    const socket = await RawSocket.welcomed(s.url);
    socket.send({ type: 'subscribe', topic: `season:${seasonId}` });
    await socket.next('subscribed');
    await socket.next('snapshot');

    await play(id, ['home']);
    const settledChange = async () => {
      for (;;) {
        const frame = await socket.next('patch');
        const change = frame.changes.find((c) => c.entity === 'predictions');
        if (change) return change;
      }
    };
    expect(await settledChange()).toMatchObject({ entity: 'predictions', id, data: { matchId: id, settled: 3 } });
    const byFan = async () => (await rowsOf(id)).sort((a, b) => a.userId - b.userId).map((r) => r.points);
    // 1:0 under the fan's line 3.5: fan 0 has every market, fan 1 none, fan 2 a wrong result.
    expect(await byFan()).toEqual([5, 0, 0]);

    // The judge adds a missed away goal: 1:1, a draw with both teams scoring.
    const fix = await judge.req('POST', `/api/matches/${id}/events`, { type: 'goal', side: 'away', minute: 80 });
    expect(fix.status).toBe(201);
    expect(await settledChange()).toMatchObject({ data: { matchId: id, settled: 3 } });
    expect(await byFan()).toEqual([1, 4, 0]);
    socket.close();

    const board = LeaderboardAnswer.parse(
      (await call('GET', `/api/seasons/${seasonId}/predictions/leaderboard`, fans[1])).json(),
    );
    const score = (await snapshot(s.app, id)).match.score;
    const fresh = leaderboard(
      (await rows())
        .filter((r) => r.settledAt)
        .map((r) => ({ fanId: String(r.userId), matchId: String(r.matchId), ...settle(r, r.totalLine ?? 3.5, score) })),
    );
    expect(board.entries.map((e) => [e.fan.id, e.rank, e.points, e.correct])).toEqual(
      fresh.map((r) => [r.fanId, r.rank, r.points, r.correct]),
    );
    expect(board.entries[0]).toMatchObject({ rank: 1, points: 4, fan: { name: 'Fan' } });
    expect(board.me).toEqual(board.entries[0]);
    expect((await call('GET', `/api/seasons/${seasonId}/predictions/leaderboard`)).json().me).toBeNull();

    // Settling again changes nothing: a no-op correction leaves every row as it was.
    const before = await rowsOf(id);
    const stats = await judge.req('POST', `/api/matches/${id}/stats`, { side: 'home', metric: 'corners', delta: 1 });
    expect(stats.status).toBe(200);
    expect((await rowsOf(id)).map(({ settledAt: _s, ...r }) => r)).toEqual(before.map(({ settledAt: _s, ...r }) => r));
  });

  it('settles again under the competition’s new points, audited, and refuses bad points', async () => {
    const id = league[1]!.id;
    const competitionId = league[1]!.competition.id;
    const url = `/api/admin/competitions/${competitionId}`;
    for (const bad of [
      { result: -1, total: 1, bothScore: 1 },
      { result: 3, total: 1 },
      { result: 3.5, total: 1, bothScore: 1 },
    ]) {
      expect((await admin.req('PATCH', url, { predictionPoints: bad })).status).toBe(400);
    }
    const set = await admin.req('PATCH', url, { predictionPoints: { result: 5, total: 2, bothScore: 2 } });
    expect(set.status).toBe(200);
    expect(set.body.competition.predictionPoints).toEqual({ result: 5, total: 2, bothScore: 2 });
    // 1:1 after the correction: fan 0 has only the total right (under 3.5), fan 1 the result and both teams scoring.
    expect((await rowsOf(id)).sort((a, b) => a.userId - b.userId).map((r) => r.points)).toEqual([2, 7, 0]);
    expect((await call('GET', `/api/matches/${id}/prediction`)).json().points).toEqual({
      result: 5,
      total: 2,
      bothScore: 2,
    });
    expect((await admin.req('PATCH', url, { predictionPoints: null })).status).toBe(200);
    expect((await rowsOf(id)).sort((a, b) => a.userId - b.userId).map((r) => r.points)).toEqual([1, 4, 0]);
  });

  it('gives the fan a history with totals, streak and achievements', async () => {
    const res = await call('GET', '/api/me/predictions', fans[1]);
    expect(res.statusCode).toBe(200);
    const me = MyPredictionsAnswer.parse(res.json());
    expect(me.totals).toEqual({ points: 4, correct: 2, predicted: 2, settled: 1 });
    expect(me.streak).toEqual({ current: 1, best: 1 });
    expect(me.achievements).toEqual([{ kind: 'firstCorrect', matchId: league[1]!.id }]);
    expect(me.history.map((h) => h.match.id).sort()).toEqual([league[1]!.id, league[2]!.id].sort());
  });

  it('unsettles the predictions of a reopened match', async () => {
    const id = league[1]!.id;
    const reopened = await admin.req('POST', `/api/admin/matches/${id}/status`, {
      status: 'live',
      reason: 'the report shows a later goal',
    });
    expect(reopened.status).toBe(200);
    expect((await rowsOf(id)).every((r) => r.points === null && r.settledAt === null && r.outcome === null)).toBe(true);
    const board = (await call('GET', `/api/seasons/${league[1]!.seasonId}/predictions/leaderboard`)).json();
    expect(board.entries).toEqual([]);
  });
});
