import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { COMMENT_MAX_LENGTH, COMMENTS_PER_MINUTE, type MatchSummary } from '@touchline/contract';
import { type Api, signInAdmin, snapshot, staff, todaysMatches } from './api.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';
import { MatchFollower } from './match-follower.ts';
import { until } from './two-instances.ts';

/** The live ticker's comments through the API (docs/rules.md §1.1, decision 037). */
describe.each(dbKinds)('comments on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  let op: Api;
  let judge: Api;
  let league: MatchSummary[];
  const followers: MatchFollower[] = [];
  beforeAll(async () => {
    s = await startTestServer(kind, { demo: true });
    admin = await signInAdmin(s.app);
    op = (await staff(s.app, admin, 'operator')).api;
    judge = (await staff(s.app, admin, 'judge')).api;
    league = (await todaysMatches(s.app)).league;
  });
  afterAll(async () => {
    for (const f of followers) f.close();
    await s.close();
  });

  /** Today's league matches put live, each once. */
  const started = new Set<string>();
  async function liveMatch(i: number) {
    const m = league[i]!;
    if (!started.has(m.id))
      expect((await op.req('POST', `/api/matches/${m.id}/state`, { status: 'live' })).status).toBe(200);
    started.add(m.id);
    return m.id;
  }
  /** The match most tests share; its rate window is emptied before each test, so none is held back by another. */
  const shared = () => liveMatch(0);
  const post = (who: Api, matchId: string, body: object) => who.req('POST', `/api/matches/${matchId}/events`, body);
  const comment = (text: string, extra: object = {}) => ({ type: 'comment', side: 'home', minute: 12, text, ...extra });
  /** What a comment must never change: the score, the statistics, the lineups. */
  const counted = async (matchId: string) => {
    const snap = await snapshot(s.app, matchId);
    return { score: snap.match.score, stats: snap.stats };
  };
  /** Every comment of the match is written `seconds` earlier than it was: the rate window's clock, moved on. */
  const age = (matchId: string, seconds: number) =>
    s.database.db.execute(
      sql.raw(
        `update match_events set created_at = created_at - interval '${seconds} seconds' where match_id = ${Number(matchId)} and type = 'comment'`,
      ),
    );

  beforeEach(async () => {
    if (started.size) for (const id of started) await age(id, 61);
  });

  it('is created, echoed with its text, kept in the snapshot and counted nowhere', async () => {
    const id = await shared();
    const before = await counted(id);
    const [scorer] = (await snapshot(s.app, id)).lineups.home;
    const res = await post(op, id, comment('  What a save by the keeper!  ', { playerId: scorer!.playerId }));
    expect(res.status).toBe(201);
    expect(res.body.event).toMatchObject({ type: 'comment', text: 'What a save by the keeper!', minute: 12 });
    const snap = await snapshot(s.app, id);
    expect(snap.events.find((e) => e.id === res.body.event.id)?.text).toBe('What a save by the keeper!');
    expect(await counted(id)).toEqual(before);
  });

  it('is edited (text and minute) and deleted like any event, each in the audit log', async () => {
    const id = await shared();
    const created = (await post(op, id, comment('Kick-off delayed'))).body.event;
    const url = `/api/matches/${id}/events/${created.id}`;
    const edited = await op.req('PATCH', url, { text: 'Kick-off delayed by rain', minute: 3 });
    expect(edited.status).toBe(200);
    expect(edited.body.event).toMatchObject({ text: 'Kick-off delayed by rain', minute: 3 });
    // An edit of another field keeps the text.
    expect((await op.req('PATCH', url, { minute: 4 })).body.event.text).toBe('Kick-off delayed by rain');
    expect((await op.req('PATCH', url, { text: '   ' })).status).toBe(400);
    expect((await op.req('DELETE', url)).status).toBe(200);
    expect((await snapshot(s.app, id)).events.some((e) => e.id === created.id)).toBe(false);

    const entries = (await admin.req('GET', `/api/admin/audit?matchId=${id}&limit=10`)).body.entries as {
      action: string;
      entity: string;
      entityId: string;
      before: { text?: string } | null;
      after: { text?: string } | null;
    }[];
    const texts = entries
      .filter((e) => e.entity === 'event' && e.entityId === created.id)
      .map((e) => [e.action, e.before?.text, e.after?.text]);
    expect(texts).toEqual([
      ['delete', 'Kick-off delayed by rain', undefined],
      ['update', 'Kick-off delayed by rain', 'Kick-off delayed by rain'],
      ['update', 'Kick-off delayed', 'Kick-off delayed by rain'],
      ['create', undefined, 'Kick-off delayed'],
    ]);
  });

  it('needs its text, within the length limit, and no other event takes text', async () => {
    const id = await shared();
    const before = (await snapshot(s.app, id)).seq;
    const code = async (body: object) => (await post(op, id, body)).body.error?.code;
    expect(await code({ type: 'comment', side: 'home', minute: 5 })).toBe('text_missing');
    expect(await code(comment(''))).toBe('bad_request');
    expect(await code(comment('x'.repeat(COMMENT_MAX_LENGTH + 1)))).toBe('bad_request');
    expect(await code(comment('<b>two</b>\nlines'))).toBe('control_characters');
    expect(await code({ type: 'goal', side: 'home', minute: 5, text: 'A goal with words' })).toBe('text_not_allowed');
    expect((await snapshot(s.app, id)).seq).toBe(before);

    const longest = await post(op, id, comment('x'.repeat(COMMENT_MAX_LENGTH)));
    expect(longest.status).toBe(201);
    const goal = (await post(op, id, { type: 'goal', side: 'home', minute: 6 })).body.event;
    const patched = await op.req('PATCH', `/api/matches/${id}/events/${goal.id}`, { text: 'Now a comment?' });
    expect(patched.body.error?.code).toBe('text_not_allowed');
    // A comment made a goal by a correction leaves its text behind.
    const turned = await op.req('PATCH', `/api/matches/${id}/events/${longest.body.event.id}`, { type: 'goal' });
    expect(turned.status).toBe(200);
    expect(turned.body.event.text).toBeUndefined();
  });

  it(`takes at most ${COMMENTS_PER_MINUTE} a minute per match from all its operators, and again a minute later`, async () => {
    const id = await liveMatch(1);
    const other = (await staff(s.app, admin, 'operator')).api;
    const first = await post(op, id, comment('First', { clientEventId: crypto.randomUUID() }));
    // Sent together by two operators: the match row's lock counts them one at a time.
    const burst = await Promise.all(
      Array.from({ length: COMMENTS_PER_MINUTE + 3 }, (_, i) => post(i % 2 ? op : other, id, comment(`Line ${i}`))),
    );
    const statuses = [first.status, ...burst.map((r) => r.status)];
    expect(statuses.filter((x) => x === 201)).toHaveLength(COMMENTS_PER_MINUTE);
    const refused = burst.filter((r) => r.status === 429);
    expect(refused).toHaveLength(4);
    expect(refused[0]!.body.error).toMatchObject({ code: 'comment_rate_limited', details: { limit: 6 } });
    expect(refused[0]!.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused[0]!.body.error.details.retryAfterSeconds).toBeLessThanOrEqual(60);

    // Other events, other matches and a comment already taken (sent again from an outbox) are not held back.
    expect((await post(op, id, { type: 'yellow_card', side: 'away', minute: 13 })).status).toBe(201);
    expect((await post(op, await shared(), comment('Elsewhere'))).status).toBe(201);
    const again = await post(op, id, comment('First', { clientEventId: first.body.event.clientEventId }));
    expect(again.status).toBe(200);

    await age(id, 61);
    expect((await post(other, id, comment('A minute later'))).status).toBe(201);
  });

  it('is for the match staff only: a captain may not comment', async () => {
    const id = await shared();
    const home = (await snapshot(s.app, id)).match.homeClub.id;
    const captain = (await staff(s.app, admin, 'captain', { clubId: home })).api;
    const before = (await snapshot(s.app, id)).seq;
    const res = await post(captain, id, comment('From the captain'));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect((await snapshot(s.app, id)).seq).toBe(before);
  });

  it('reaches a fan live, and after a dropped connection by resume', async () => {
    const id = await shared();
    const fan = new MatchFollower(() => s.url, `match:${id}`);
    followers.push(fan);
    await until('the fan has the match', () => fan.seq >= 0);
    const live = (await post(op, id, comment('Teams are out'))).body.event;
    await until('the comment reaches the fan', () => fan.state?.events.some((e) => e.id === live.id) ?? false);
    expect(fan.state!.events.find((e) => e.id === live.id)?.text).toBe('Teams are out');

    fan.drop();
    const missed = (await post(op, id, comment('Missed while away'))).body.event;
    await op.req('PATCH', `/api/matches/${id}/events/${live.id}`, { text: 'Teams are out, in the rain' });
    await until('the fan resumes', () => fan.state?.events.some((e) => e.id === missed.id) ?? false);
    await until(
      'the edit reaches the fan',
      () => fan.state!.events.find((e) => e.id === live.id)?.text === 'Teams are out, in the rain',
    );
    expect(fan.state).toEqual(await snapshot(s.app, id));
    expect(fan.violations).toEqual([]);
  });

  it('leaves the standings and the players’ totals as they were once the match is over', async () => {
    const id = await liveMatch(2);
    const { seasonId } = (await snapshot(s.app, id)).match;
    const [scorer] = (await snapshot(s.app, id)).lineups.home;
    expect((await post(op, id, { type: 'goal', side: 'home', minute: 20, playerId: scorer!.playerId })).status).toBe(
      201,
    );
    for (const period of ['half_time', 'second_half'])
      expect((await op.req('POST', `/api/matches/${id}/state`, { period })).status).toBe(200);
    expect((await op.req('POST', `/api/matches/${id}/state`, { status: 'finished' })).status).toBe(200);
    const read = async () => ({
      standings: (await admin.req('GET', `/api/seasons/${seasonId}/standings`)).body,
      players: (await admin.req('GET', `/api/seasons/${seasonId}/players`)).body,
      counted: await counted(id),
    });
    const before = await read();
    // The judge's correction window is open after full time: a comment naming the scorer counts nowhere.
    const late = await post(judge, id, comment('Man of the match', { minute: 90, playerId: scorer!.playerId }));
    expect(late.status).toBe(201);
    expect(await read()).toEqual(before);
  });
});
