import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { MotmAnswer, type MatchSummary, SeasonPlayers } from '@touchline/contract';
import { type Api, signInAdmin, snapshot, staff, todaysMatches } from './api.ts';
import { BOT_TOKEN, telegramFan } from './follows-fixture.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';
import { RawSocket } from './raw-socket.ts';

/** The player-of-the-match vote through the API (docs/rules.md §10, decision 042). */
describe.each(dbKinds)('player of the match on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  let op: Api;
  let league: MatchSummary[];
  let fanId = 7100;
  beforeAll(async () => {
    s = await startTestServer(kind, { demo: true, config: { telegramBotToken: BOT_TOKEN } });
    admin = await signInAdmin(s.app);
    op = (await staff(s.app, admin, 'operator')).api;
    league = (await todaysMatches(s.app)).league;
  });
  afterAll(() => s.close());

  /** A new Telegram fan's bearer header. */
  const newFan = async () => ({ authorization: `Bearer ${await telegramFan(s.app, fanId++)}` });
  const vote = (matchId: string, who: Record<string, string>, playerId: string) =>
    s.app.inject({ method: 'POST', url: `/api/matches/${matchId}/motm-vote`, headers: who, payload: { playerId } });
  const tally = async (matchId: string, who: Record<string, string> = {}) =>
    MotmAnswer.parse((await s.app.inject({ method: 'GET', url: `/api/matches/${matchId}/motm`, headers: who })).json());
  const code = (res: { statusCode: number; json(): { error?: { code: string } } }) => [
    res.statusCode,
    res.json().error?.code,
  ];

  /** Plays league match `i` to full time, a home substitute coming on for a starter; who played and who did not. */
  async function finished(i: number) {
    const id = league[i]!.id;
    const { lineups } = await snapshot(s.app, id);
    const starter = lineups.home.find((l) => l.role === 'starter')!;
    const [cameOn, stayedOn] = lineups.home.filter((l) => l.role === 'substitute');
    const away = lineups.away.find((l) => l.role === 'starter')!;
    const state = (body: object) => op.req('POST', `/api/matches/${id}/state`, body);
    expect((await state({ status: 'live' })).status).toBe(200);
    const sub = { type: 'substitution', side: 'home', minute: 60, playerId: starter.playerId };
    expect(
      (await op.req('POST', `/api/matches/${id}/events`, { ...sub, relatedPlayerId: cameOn!.playerId })).status,
    ).toBe(201);
    return {
      id,
      seasonId: league[i]!.seasonId,
      starter,
      cameOn: cameOn!,
      benched: stayedOn!,
      away,
      finish: async () => {
        for (const period of ['half_time', 'second_half']) expect((await state({ period })).status).toBe(200);
        expect((await state({ status: 'finished' })).status).toBe(200);
      },
    };
  }
  /** Moves full time `hours` into the past: the vote's clock, moved on. */
  const age = (matchId: string, hours: number) =>
    s.database.db.execute(
      sql.raw(`update matches set finished_at = finished_at - interval '${hours} hours' where id = ${Number(matchId)}`),
    );

  /** The match of the first test, its vote closed with one vote for the substitute who came on. */
  let closed: Awaited<ReturnType<typeof finished>>;
  it('opens at full time for the competition’s hours, for players who played, one vote per fan', async () => {
    const m = (closed = await finished(0));
    const fan = await newFan();
    // Before full time: closed, and nobody is shown as winner.
    expect(code(await vote(m.id, fan, m.starter.playerId))).toEqual([409, 'motm_closed']);
    expect(await tally(m.id)).toMatchObject({ open: false, total: 0, winners: [] });
    await m.finish();

    const open = await tally(m.id, fan);
    expect(open.open).toBe(true);
    expect(Date.parse(open.closesAt!) - Date.parse((await snapshot(s.app, m.id)).match.finishedAt!)).toBe(
      24 * 3600_000,
    );
    const shown = open.players.map((p) => p.playerId);
    expect(shown).toContain(m.starter.playerId);
    expect(shown).toContain(m.cameOn.playerId);
    expect(shown).toContain(m.away.playerId);
    expect(shown).not.toContain(m.benched.playerId);
    expect(open.myVote).toBeUndefined();

    // A substitute who never came on, or someone not in the lineup at all: 400, nothing stored.
    expect(code(await vote(m.id, fan, m.benched.playerId))).toEqual([400, 'player_not_in_lineup']);
    expect(code(await vote(m.id, fan, '999999'))).toEqual([400, 'player_not_in_lineup']);
    expect((await tally(m.id)).total).toBe(0);

    const first = await vote(m.id, fan, m.cameOn.playerId);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ total: 1, myVote: m.cameOn.playerId });
    // The same vote again is answered as it stands; another player is refused.
    const again = await vote(m.id, fan, m.cameOn.playerId);
    expect([again.statusCode, again.json().total]).toEqual([200, 1]);
    expect(code(await vote(m.id, fan, m.starter.playerId))).toEqual([409, 'motm_already_voted']);
    expect((await tally(m.id, fan)).myVote).toBe(m.cameOn.playerId);
    // Anonymous readers see the count, not anyone's vote.
    expect((await tally(m.id)).myVote).toBeUndefined();

    await age(m.id, 24);
    expect(code(await vote(m.id, await newFan(), m.starter.playerId))).toEqual([409, 'motm_closed']);
    expect(await tally(m.id)).toMatchObject({ open: false, total: 1, winners: [m.cameOn.playerId] });
  });

  it('counts only votes for players who still played after a judge’s correction', async () => {
    const m = closed;
    const wins = async () =>
      SeasonPlayers.parse(
        (await s.app.inject({ method: 'GET', url: `/api/seasons/${m.seasonId}/players` })).json(),
      ).players.find((p) => p.playerId === m.cameOn.playerId);
    expect((await wins())?.playerOfMatch).toBe(1);
    // The substitution was a mistake: the substitute never came on, so his vote no longer counts anywhere.
    const judge = (await staff(s.app, admin, 'judge')).api;
    // A goal of his keeps his season line, so it can show what his vote is worth.
    const goal = { type: 'goal', side: 'home', minute: 70, playerId: m.cameOn.playerId };
    expect((await judge.req('POST', `/api/matches/${m.id}/events`, goal)).status).toBe(201);
    const sub = (await snapshot(s.app, m.id)).events.find((e) => e.type === 'substitution')!;
    expect((await judge.req('DELETE', `/api/matches/${m.id}/events/${sub.id}`)).status).toBe(200);
    const t = await tally(m.id);
    expect(t).toMatchObject({ open: false, total: 0, winners: [] });
    expect(t.players.map((p) => p.playerId)).not.toContain(m.cameOn.playerId);
    expect(await wins()).toMatchObject({ goals: 1, appearances: 0, playerOfMatch: 0 });
  });

  it('keeps one vote when the same fan sends many at once', async () => {
    const m = await finished(1);
    await m.finish();
    const fan = await newFan();
    const sent = await Promise.all(
      Array.from({ length: 8 }, (_, i) => vote(m.id, fan, i % 2 ? m.starter.playerId : m.away.playerId)),
    );
    const statuses = sent.map((r) => r.statusCode);
    expect(statuses.filter((x) => x === 201)).toHaveLength(1);
    expect(statuses.every((x) => [200, 201, 409].includes(x))).toBe(true);
    const t = await tally(m.id, fan);
    expect(t.total).toBe(1);
    expect(t.players.find((p) => p.playerId === t.myVote)?.votes).toBe(1);
  });

  it('is for signed-in fans only: anonymous 401, staff 403', async () => {
    const m = league[1]!;
    const { lineups } = await snapshot(s.app, m.id);
    const playerId = lineups.home[0]!.playerId;
    expect(code(await vote(m.id, {}, playerId))).toEqual([401, 'unauthorized']);
    for (const who of [admin, op]) {
      expect(code(await vote(m.id, { authorization: `Bearer ${who.token}` }, playerId))).toEqual([403, 'forbidden']);
    }
    expect(code(await vote('999999', await newFan(), playerId))).toEqual([404, 'not_found']);
  });

  /** The match of the last two tests: voted on live, then closed. */
  let voted: Awaited<ReturnType<typeof finished>>;
  it('sends the tallies live on the match topic, votes coalesced into few patches', async () => {
    const m = (voted = await finished(2));
    await m.finish();
    const socket = await RawSocket.welcomed(s.url);
    socket.send({ type: 'subscribe', topic: `match:${m.id}` });
    await socket.next('subscribed');
    await socket.next('snapshot');
    const fans = await Promise.all([newFan(), newFan(), newFan()]);
    for (const [i, fan] of fans.entries())
      expect((await vote(m.id, fan, i < 2 ? m.away.playerId : m.starter.playerId)).statusCode).toBe(201);
    const patch = await socket.next('patch', 5000);
    const change = patch.changes.find((c) => c.entity === 'motm');
    expect(change?.data).toMatchObject({ open: true, total: 3 });
    expect(change?.data?.players.find((p) => p.playerId === m.away.playerId)?.votes).toBe(2);
    // Three votes in quick succession: one patch, not three.
    await new Promise((r) => setTimeout(r, 1500));
    expect(socket.drain().filter((f) => f.type === 'patch')).toHaveLength(0);
    socket.close();
  });

  it('shows the winners on their season lines once the vote has closed, a tie shared', async () => {
    const m = voted;
    const line = async (playerId: string) =>
      SeasonPlayers.parse(
        (await s.app.inject({ method: 'GET', url: `/api/seasons/${m.seasonId}/players` })).json(),
      ).players.find((p) => p.playerId === playerId);
    const before = {
      starter: (await line(m.starter.playerId))!.playerOfMatch,
      away: (await line(m.away.playerId))!.playerOfMatch,
      cameOn: (await line(m.cameOn.playerId))!.playerOfMatch,
    };
    expect(before).toEqual({ starter: 0, away: 0, cameOn: 0 });
    // Away 2 and starter 1 so far: the starter draws level, one more for the substitute.
    for (const playerId of [m.starter.playerId, m.cameOn.playerId])
      expect((await vote(m.id, await newFan(), playerId)).statusCode).toBe(201);
    // Open: nobody has won yet.
    expect((await line(m.starter.playerId))!.playerOfMatch).toBe(before.starter);
    await age(m.id, 25);
    expect((await tally(m.id)).winners.sort()).toEqual([m.starter.playerId, m.away.playerId].sort());
    expect((await line(m.starter.playerId))!.playerOfMatch).toBe(before.starter + 1);
    expect((await line(m.away.playerId))!.playerOfMatch).toBe(before.away + 1);
    expect((await line(m.cameOn.playerId))!.playerOfMatch).toBe(before.cameOn);
  });
});
