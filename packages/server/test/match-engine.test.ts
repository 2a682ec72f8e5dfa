import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { MatchSnapshot, Standings } from '@touchline/contract';
import * as t from '../src/db/schema.ts';
import { type Api, signInAdmin, snapshot, staff, todaysMatches } from './api.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';

describe.each(dbKinds)('the live match engine on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  let op: Api;
  let judge: Api;
  beforeAll(async () => {
    s = await startTestServer(kind, { demo: true });
    admin = await signInAdmin(s.app);
    op = (await staff(s.app, admin, 'operator')).api;
    judge = (await staff(s.app, admin, 'judge')).api;
  });
  afterAll(() => s.close());

  const standings = async (seasonId: string) =>
    Standings.parse((await s.app.inject({ method: 'GET', url: `/api/seasons/${seasonId}/standings` })).json())
      .groups[0]!.rows;
  const row = (rows: Awaited<ReturnType<typeof standings>>, clubId: string) => rows.find((r) => r.club.id === clubId)!;

  it('plays a whole league match through the API: snapshot, standings and player statistics follow', async () => {
    const { league } = await todaysMatches(s.app);
    const m = league[0]!;
    const before = await standings(m.seasonId);
    const playerStats = async (personId: string) => {
      const [r] = await s.database.db
        .select()
        .from(t.playerSeasonStats)
        .where(
          and(eq(t.playerSeasonStats.seasonId, Number(m.seasonId)), eq(t.playerSeasonStats.personId, Number(personId))),
        );
      return r ?? { goals: 0, assists: 0, appearances: 0 };
    };
    const snap0 = await snapshot(s.app, m.id);
    const [h1, h2, h3] = snap0.lineups.home.filter((p) => p.role === 'starter').slice(1);
    const awayStarter = snap0.lineups.away.find((p) => p.role === 'starter')!;
    const awaySub = snap0.lineups.away.find((p) => p.role === 'substitute')!;
    const ev = (body: object) => op.req('POST', `/api/matches/${m.id}/events`, body);
    const [scorer0, assister0, sub0] = [
      await playerStats(h1!.playerId),
      await playerStats(h2!.playerId),
      await playerStats(awaySub.playerId),
    ];

    expect((await ev({ type: 'goal', side: 'home', minute: 3 })).body.error.code).toBe('match_not_live');
    const kick = await op.req('POST', `/api/matches/${m.id}/state`, { status: 'live' });
    expect(kick.status).toBe(200);
    expect(kick.body.match).toMatchObject({ status: 'live', period: 'first_half' });
    const g1 = await ev({
      type: 'goal',
      side: 'home',
      minute: 12,
      playerId: h1!.playerId,
      relatedPlayerId: h2!.playerId,
    });
    expect(g1.status).toBe(201);
    expect(g1.body.seq).toBe(kick.body.seq + 1);
    expect((await ev({ type: 'own_goal', side: 'away', minute: 30, playerId: awayStarter.playerId })).status).toBe(201);
    expect((await ev({ type: 'yellow_card', side: 'home', minute: 33, playerId: h3!.playerId })).status).toBe(201);
    expect((await ev({ type: 'goal', side: 'home', minute: 35, playerId: awayStarter.playerId })).body.error.code).toBe(
      'player_not_in_lineup',
    );
    expect((await ev({ type: 'goal', side: 'home', minute: 0 })).body.error.code).toBe('invalid_minute');
    expect((await ev({ type: 'goal', side: 'home', minute: 131 })).body.error.code).toBe('invalid_minute');
    expect((await ev({ type: 'goal', side: 'home', minute: 90, addedTime: 31 })).body.error.code).toBe(
      'invalid_minute',
    );
    expect((await ev({ type: 'shootout_kick', side: 'home', minute: 40, scored: true })).body.error.code).toBe(
      'shootout_only_in_penalties',
    );
    await op.req('POST', `/api/matches/${m.id}/state`, { period: 'half_time' });
    await op.req('POST', `/api/matches/${m.id}/state`, { period: 'second_half' });
    expect(
      (
        await ev({
          type: 'substitution',
          side: 'away',
          minute: 60,
          playerId: awayStarter.playerId,
          relatedPlayerId: awaySub.playerId,
        })
      ).status,
    ).toBe(201);
    expect((await ev({ type: 'penalty_goal', side: 'away', minute: 77 })).status).toBe(201);
    const shots = await op.req('POST', `/api/matches/${m.id}/stats`, {
      side: 'home',
      metric: 'shots_on_target',
      delta: 3,
    });
    expect(shots.body.stats.home).toMatchObject({ shots: 3, shots_on_target: 3, yellow_cards: 1 });
    expect(
      (await op.req('POST', `/api/matches/${m.id}/stats`, { side: 'home', metric: 'shots', delta: -1 })).body.error
        .code,
    ).toBe('shots_below_on_target');
    expect(
      (await op.req('POST', `/api/matches/${m.id}/stats`, { side: 'away', metric: 'corners', delta: -1 })).body.error
        .code,
    ).toBe('stat_below_zero');
    expect(
      (await op.req('POST', `/api/matches/${m.id}/stats`, { side: 'away', metric: 'corners', delta: 21 })).body.error
        .code,
    ).toBe('delta_out_of_range');
    expect(
      (await op.req('POST', `/api/matches/${m.id}/stats`, { side: 'away', metric: 'goals', delta: 1 })).body.error.code,
    ).toBe('unknown_metric');
    expect((await op.req('POST', `/api/matches/${m.id}/state`, { period: 'penalties' })).body.error.code).toBe(
      'penalty_not_available',
    );
    const ft = await op.req('POST', `/api/matches/${m.id}/state`, { status: 'finished' });
    expect(ft.status).toBe(200);

    const snap = MatchSnapshot.parse(await snapshot(s.app, m.id));
    expect(snap.match).toMatchObject({ status: 'finished', score: { home: 2, away: 1 } });
    expect(snap.events.map((e) => e.type)).toEqual(['goal', 'own_goal', 'yellow_card', 'substitution', 'penalty_goal']);
    expect(snap.stats.home).toMatchObject({ shots: 3, shots_on_target: 3, yellow_cards: 1, red_cards: 0 });
    expect(snap.seq).toBe(ft.body.seq);

    const after = await standings(m.seasonId);
    expect(row(after, m.homeClub.id)).toMatchObject({
      played: row(before, m.homeClub.id).played + 1,
      won: row(before, m.homeClub.id).won + 1,
      points: row(before, m.homeClub.id).points + 3,
    });
    expect(row(after, m.awayClub.id).lost).toBe(row(before, m.awayClub.id).lost + 1);

    const scorer = await playerStats(h1!.playerId);
    expect(scorer.goals - scorer0.goals).toBe(1);
    expect(scorer.appearances - scorer0.appearances).toBe(1);
    expect((await playerStats(h2!.playerId)).assists - assister0.assists).toBe(1);
    expect((await playerStats(awaySub.playerId)).appearances - sub0.appearances).toBe(1);

    // The operator cannot touch a finished match; a judge inside the window can, and the table follows.
    expect((await ev({ type: 'goal', side: 'away', minute: 88 })).body.error.code).toBe('match_finished');
    const tableBefore = JSON.stringify(await standings(m.seasonId));
    const correction = await judge.req('POST', `/api/matches/${m.id}/events`, {
      type: 'goal',
      side: 'away',
      minute: 88,
    });
    expect(correction.status).toBe(201);
    const corrected = await standings(m.seasonId);
    expect(row(corrected, m.homeClub.id).points).toBe(row(before, m.homeClub.id).points + 1);
    expect(JSON.stringify(corrected)).not.toBe(tableBefore);
    // Re-finalising (an admin re-confirming full time) changes nothing.
    const stable = JSON.stringify(corrected);
    const playerRows = await s.database.db
      .select()
      .from(t.playerSeasonStats)
      .where(eq(t.playerSeasonStats.seasonId, Number(m.seasonId)));
    expect((await admin.req('POST', `/api/matches/${m.id}/state`, { status: 'finished' })).status).toBe(200);
    expect(JSON.stringify(await standings(m.seasonId))).toBe(stable);
    const playerRowsAgain = await s.database.db
      .select()
      .from(t.playerSeasonStats)
      .where(eq(t.playerSeasonStats.seasonId, Number(m.seasonId)));
    expect(playerRowsAgain).toEqual(expect.arrayContaining(playerRows));
    expect(playerRowsAgain).toHaveLength(playerRows.length);
    // A judge never changes the status.
    expect((await judge.req('POST', `/api/matches/${m.id}/state`, { status: 'live' })).status).toBe(403);
  });

  it('takes a knockout match to penalties, refusing a shootout until level and a level finish', async () => {
    const { cup } = await todaysMatches(s.app);
    const id = cup.id;
    expect(cup.penaltiesAllowed).toBe(true);
    const state = (body: object) => op.req('POST', `/api/matches/${id}/state`, body);
    const ev = (body: object) => op.req('POST', `/api/matches/${id}/events`, body);
    expect((await state({ period: 'penalties' })).body.error.code).toBe('match_not_live');
    await state({ status: 'live' });
    await ev({ type: 'goal', side: 'home', minute: 10 });
    await state({ period: 'half_time' });
    await state({ period: 'second_half' });
    const refused = await state({ period: 'penalties' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('penalty_requires_draw');
    await ev({ type: 'goal', side: 'away', minute: 80 });
    expect((await state({ period: 'penalties' })).status).toBe(200);
    await ev({ type: 'shootout_kick', side: 'home', minute: 120, scored: true });
    await ev({ type: 'shootout_kick', side: 'away', minute: 120, scored: true });
    const level = await state({ status: 'finished' });
    expect(level.status).toBe(409);
    expect(level.body.error.code).toBe('shootout_level');
    await ev({ type: 'shootout_kick', side: 'home', minute: 120, scored: true });
    await ev({ type: 'shootout_kick', side: 'away', minute: 120, scored: false });
    // 2:1 after two kicks each is not decided: three kicks each are still due.
    expect((await state({ status: 'finished' })).body.error.code).toBe('shootout_undecided');
    for (let round = 0; round < 3; round++)
      for (const side of ['home', 'away']) await ev({ type: 'shootout_kick', side, minute: 120, scored: false });
    expect((await state({ status: 'finished' })).status).toBe(200);
    const snap = await snapshot(s.app, id);
    expect(snap.match).toMatchObject({
      status: 'finished',
      score: { home: 1, away: 1 },
      shootout: { home: 2, away: 1 },
    });
    const [tie] = await s.database.db
      .select()
      .from(t.ties)
      .where(eq(t.ties.id, Number(snap.match.tieId)));
    expect(String(tie!.winnerClubId)).toBe(snap.match.homeClub.id);
    const [next] = await s.database.db.select().from(t.ties).where(eq(t.ties.id, tie!.nextTieId!));
    expect(String(next!.homeClubId)).toBe(snap.match.homeClub.id);
  });

  it('adds up 2 × 200 concurrent +1 shots to exactly 400', async () => {
    const { live } = await todaysMatches(s.app);
    const id = live[0]!.id;
    const op2 = (await staff(s.app, admin, 'operator')).api;
    const press = (api: Api) =>
      api.req('POST', `/api/matches/${id}/stats`, { side: 'away', metric: 'shots', delta: 1 });
    const results = await Promise.all(Array.from({ length: 400 }, (_, i) => press(i % 2 ? op : op2)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect((await snapshot(s.app, id)).stats.away.shots).toBe(400);
    const seqs = results.map((r) => r.body.seq as number).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(400);
  });

  it('creates one event for one clientEventId sent 5 times in parallel', async () => {
    const { live } = await todaysMatches(s.app);
    const id = live[0]!.id;
    const before = (await snapshot(s.app, id)).events.length;
    const clientEventId = randomUUID();
    const body = { clientEventId, type: 'goal', side: 'home', minute: 20 };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => op.req('POST', `/api/matches/${id}/events`, body)),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(4);
    expect(new Set(results.map((r) => r.body.event.id)).size).toBe(1);
    const after = await snapshot(s.app, id);
    expect(after.events.length).toBe(before + 1);
    expect(after.events.filter((e) => e.clientEventId === clientEventId)).toHaveLength(1);
  });

  it('applies a resent stats or state write once, by its clientEventId', async () => {
    const { live } = await todaysMatches(s.app);
    const id = live[0]!.id;
    const before = await snapshot(s.app, id);
    const body = { side: 'home', metric: 'fouls', delta: 2, clientEventId: randomUUID() };
    const first = await op.req('POST', `/api/matches/${id}/stats`, body);
    const again = await Promise.all([1, 2, 3].map(() => op.req('POST', `/api/matches/${id}/stats`, body)));
    expect(first.body.seq).toBe(before.seq + 1);
    for (const r of again) expect(r.body).toEqual({ stats: first.body.stats, seq: first.body.seq });
    const after = await snapshot(s.app, id);
    expect(after.stats.home.fouls).toBe(before.stats.home.fouls + 2);
    expect(after.seq).toBe(before.seq + 1);
    const other = await op.req('POST', `/api/matches/${id}/stats`, { ...body, clientEventId: randomUUID() });
    expect(other.body.stats.home.fouls).toBe(before.stats.home.fouls + 4);
  });

  it('answers a replayed write as the first did, for every write kind, even when its expectedSeq is stale', async () => {
    const { league } = await todaysMatches(s.app);
    const other = league[0]!;
    const made = await admin.req('POST', '/api/admin/matches', {
      seasonId: other.seasonId,
      homeClubId: other.homeClub.id,
      awayClubId: other.awayClub.id,
      kickoffAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const m = made.body.match as { id: string };
    const url = `/api/matches/${m.id}`;
    const seq = async () => (await snapshot(s.app, m.id)).seq;
    const once = async (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: object) => {
      const write = { clientEventId: randomUUID(), expectedSeq: await seq(), ...body };
      const asQuery = Object.fromEntries(Object.entries(write).map(([k, v]) => [k, String(v)]));
      const query = method === 'DELETE' ? `?${new URLSearchParams(asQuery)}` : '';
      const first = await op.req(method, `${url}${path}${query}`, method === 'DELETE' ? undefined : write);
      expect(first.status, JSON.stringify(first.body)).toBeLessThan(300);
      return { first, replay: () => op.req(method, `${url}${path}${query}`, method === 'DELETE' ? undefined : write) };
    };
    const lineup = await once('PUT', '/lineups/home', { entries: [] });
    const kickOff = await once('POST', '/state', { status: 'live' });
    const created = await once('POST', '/events', { type: 'goal', side: 'home', minute: 5 });
    const plain = async () =>
      (await op.req('POST', `${url}/events`, { type: 'yellow_card', side: 'away', minute: 6 })).body;
    const patched = await once('PATCH', `/events/${(await plain()).event.id}`, { minute: 7 });
    const deleted = await once('DELETE', `/events/${(await plain()).event.id}`);
    const stats = await once('POST', '/stats', { side: 'away', metric: 'corners', delta: 1 });
    for (const period of ['half_time', 'second_half']) await once('POST', '/state', { period });
    const fullTime = await once('POST', '/state', { status: 'finished' });

    const head = await seq();
    for (const w of [lineup, kickOff, created, patched, deleted, stats, fullTime]) {
      const again = await w.replay();
      expect(again.status, JSON.stringify(again.body)).toBe(200);
      // The seq the write was first applied at: a client that holds it already shows the write (decision 013).
      expect(again.body.seq).toBe(w.first.body.seq);
      for (const key of ['lineup', 'event', 'stats'] as const) expect(again.body[key]).toEqual(w.first.body[key]);
    }
    expect(await seq()).toBe(head);
    await admin.req('DELETE', `${url}/events/${created.first.body.event.id}`);
    const afterDelete = await created.replay();
    expect(afterDelete.status).toBe(200);
    expect(afterDelete.body.event).toEqual(created.first.body.event);
  });

  it('refuses an event of match B changed through match A, leaving it unchanged', async () => {
    const { live, league } = await todaysMatches(s.app);
    const a = league[1]!.id;
    const b = live[0]!.id;
    const created = await op.req('POST', `/api/matches/${b}/events`, { type: 'yellow_card', side: 'away', minute: 44 });
    const eventId = created.body.event.id;
    const before = await snapshot(s.app, b);
    const patched = await admin.req('PATCH', `/api/matches/${a}/events/${eventId}`, { minute: 45 });
    expect(patched.status).toBe(404);
    const deleted = await admin.req('DELETE', `/api/matches/${a}/events/${eventId}`);
    expect(deleted.status).toBe(404);
    expect(await snapshot(s.app, b)).toEqual(before);
  });

  it('refuses a stale expectedSeq with seq_conflict and the current seq', async () => {
    const { live } = await todaysMatches(s.app);
    const id = live[0]!.id;
    const seq = (await snapshot(s.app, id)).seq;
    const ok = await op.req('POST', `/api/matches/${id}/stats`, {
      side: 'home',
      metric: 'corners',
      delta: 1,
      expectedSeq: seq,
    });
    expect(ok.status).toBe(200);
    const stale = await op.req('POST', `/api/matches/${id}/stats`, {
      side: 'home',
      metric: 'corners',
      delta: 1,
      expectedSeq: seq,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'seq_conflict', details: { seq: seq + 1 } });
  });

  it('patches and deletes events, keeping the score derived', async () => {
    const { live } = await todaysMatches(s.app);
    const id = live[0]!.id;
    const start = (await snapshot(s.app, id)).match.score;
    const g = await op.req('POST', `/api/matches/${id}/events`, { type: 'goal', side: 'home', minute: 21 });
    const moved = await op.req('PATCH', `/api/matches/${id}/events/${g.body.event.id}`, { side: 'away', minute: 22 });
    expect(moved.body.event).toMatchObject({ side: 'away', minute: 22 });
    expect((await snapshot(s.app, id)).match.score).toEqual({ home: start.home, away: start.away + 1 });
    expect((await op.req('DELETE', `/api/matches/${id}/events/${g.body.event.id}`)).status).toBe(200);
    expect((await snapshot(s.app, id)).match.score).toEqual(start);
    expect((await op.req('DELETE', `/api/matches/${id}/events/${g.body.event.id}`)).status).toBe(404);
  });
});
