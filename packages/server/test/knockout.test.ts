import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { FixturesAnswer } from '@touchline/contract';
import * as t from '../src/db/schema.ts';
import { type Api, snapshot, staff } from './api.ts';
import { adminServer, created, playMatch, setUpSeason, shootoutKicks } from './admin-setup.ts';
import type { TestServer } from './helpers.ts';
import { dbKinds } from './helpers.ts';

describe.each(dbKinds)('knockout rules through the match API on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  let op: Api;
  adminServer(kind, (server, a) => {
    s = server;
    admin = a;
  });

  /** A four-club cup bracket: two semi-finals today and a final. */
  const bracket = async (competition: object = {}, tieKind = 'single') => {
    op ??= (await staff(s.app, admin, 'operator')).api;
    const cup = await setUpSeason(admin, { clubs: 4, format: 'knockout', type: 'cup', competition });
    const body = { kind: 'knockout', tieKind, firstDate: '2026-10-12', weekday: 0, time: '18:00' };
    const fixtures = FixturesAnswer.parse(
      await created(admin.req('POST', `/api/admin/seasons/${cup.season.id}/fixtures`, body)),
    );
    return { ...cup, matches: fixtures.matches };
  };
  const match = (id: string) => ({
    state: (body: object) => op.req('POST', `/api/matches/${id}/state`, body),
    event: (body: object) => op.req('POST', `/api/matches/${id}/events`, body),
    kick: (side: 'home' | 'away', scored: boolean) =>
      op.req('POST', `/api/matches/${id}/events`, { type: 'shootout_kick', side, scored, minute: 90 }),
  });
  const tieOf = async (matchId: string) => {
    const { match: m } = await snapshot(s.app, matchId);
    const [tie] = await s.database.db
      .select()
      .from(t.ties)
      .where(eq(t.ties.id, Number(m.tieId)));
    return tie!;
  };
  const code = (res: { status: number; body: { error?: { code: string } } }) => [res.status, res.body.error?.code];

  it('refuses a level finish and a shootout finished before it is decided, then fills the final from the penalties', async () => {
    const cup = await bracket();
    const semi = cup.matches[0]!;
    const m = match(semi.id);
    expect(semi.knockout).toEqual({ extraTime: false, awayGoals: false });
    await m.state({ status: 'live' });
    await m.state({ period: 'half_time' });
    await m.state({ period: 'second_half' });
    // Defect 3: a cup match finished level at 0:0.
    expect(code(await m.state({ status: 'finished' }))).toEqual([409, 'tie_undecided']);
    expect(code(await m.state({ period: 'extra_time_first' }))).toEqual([409, 'extra_time_not_available']);
    expect((await m.state({ period: 'penalties' })).status).toBe(200);
    expect((await m.kick('home', true)).status).toBe(201);
    // Defect 4: the shootout finished at 1:0 after one kick.
    expect(code(await m.state({ status: 'finished' }))).toEqual([409, 'shootout_undecided']);
    expect(code(await m.kick('home', true))).toEqual([409, 'shootout_out_of_turn']);
    for (const [side, scored] of [
      ['away', false],
      ['home', true],
      ['away', false],
      ['home', true],
    ] as const)
      expect((await m.kick(side, scored)).status).toBe(201);
    expect(code(await m.state({ status: 'finished' }))).toEqual([409, 'shootout_undecided']);
    expect((await m.kick('away', false)).status).toBe(201);
    // 3:0 after three kicks each: decided early, and no kick after that.
    expect(code(await m.kick('home', true))).toEqual([409, 'shootout_decided']);
    const finished = await m.state({ status: 'finished' });
    expect(finished.status).toBe(200);
    expect(finished.body.match).toMatchObject({ score: { home: 0, away: 0 }, shootout: { home: 3, away: 0 } });
    const tie = await tieOf(semi.id);
    expect(String(tie.winnerClubId)).toBe(semi.homeClub.id);
    const [final] = await s.database.db.select().from(t.ties).where(eq(t.ties.id, tie.nextTieId!));
    expect(String(final![tie.nextSlot === 'away' ? 'awayClubId' : 'homeClubId'])).toBe(semi.homeClub.id);
  });

  it('plays extra time before penalties where the competition chooses it', async () => {
    const cup = await bracket({ extraTime: true });
    expect((await admin.req('GET', `/api/admin/competitions/${cup.competition.id}`)).body.competition).toMatchObject({
      extraTime: true,
    });
    const [semi1, semi2] = cup.matches;
    const m = match(semi1!.id);
    await m.state({ status: 'live' });
    await m.event({ type: 'goal', side: 'home', minute: 20 });
    await m.state({ period: 'half_time' });
    await m.state({ period: 'second_half' });
    expect(code(await m.state({ period: 'extra_time_first' }))).toEqual([409, 'extra_time_requires_draw']);
    await m.event({ type: 'goal', side: 'away', minute: 80 });
    expect(code(await m.state({ period: 'penalties' }))).toEqual([409, 'extra_time_required']);
    expect(code(await m.state({ status: 'finished' }))).toEqual([409, 'tie_undecided']);
    for (const period of ['extra_time_first', 'extra_time_break', 'extra_time_second'])
      expect((await m.state({ period })).status).toBe(200);
    expect(code(await m.state({ status: 'finished' }))).toEqual([409, 'tie_undecided']);
    expect((await m.state({ period: 'penalties' })).status).toBe(200);
    for (const kick of shootoutKicks({ home: 4, away: 5 })) await m.kick(kick.side, kick.scored);
    expect((await m.state({ status: 'finished' })).body.match.shootout).toEqual({ home: 4, away: 5 });
    expect(String((await tieOf(semi1!.id)).winnerClubId)).toBe(semi1!.awayClub.id);

    // A goal in extra time decides the other semi-final without penalties.
    const other = match(semi2!.id);
    await other.state({ status: 'live' });
    for (const period of ['half_time', 'second_half', 'extra_time_first'])
      expect((await other.state({ period })).status).toBe(200);
    await other.event({ type: 'goal', side: 'away', minute: 101 });
    for (const period of ['extra_time_break', 'extra_time_second'])
      expect((await other.state({ period })).status).toBe(200);
    expect((await other.state({ status: 'finished' })).status).toBe(200);
    expect(String((await tieOf(semi2!.id)).winnerClubId)).toBe(semi2!.awayClub.id);
  });

  it('decides a second leg on aggregate and away goals, and only a level tie goes on', async () => {
    const cup = await bracket({ awayGoals: true }, 'two_legged');
    const [leg1, leg2] = cup.matches.filter((x) => x.tieId === cup.matches[0]!.tieId);
    await playMatch(op, leg1!.id, { home: 2, away: 1 });
    const second = (await snapshot(s.app, leg2!.id)).match;
    expect(second.knockout).toEqual({ extraTime: false, awayGoals: true, firstLeg: { home: 2, away: 1 } });
    const m = match(leg2!.id);
    await m.state({ status: 'live' });
    await m.event({ type: 'goal', side: 'home', minute: 30 });
    await m.state({ period: 'half_time' });
    await m.state({ period: 'second_half' });
    // 2:2 on aggregate, but the second leg's hosts scored away in the first: decided.
    expect(code(await m.state({ period: 'penalties' }))).toEqual([409, 'penalty_requires_draw']);
    await m.event({ type: 'goal', side: 'away', minute: 60 });
    await m.event({ type: 'goal', side: 'home', minute: 70 });
    // 2:1 on the day: 3:3 on aggregate and one away goal each.
    expect(code(await m.state({ status: 'finished' }))).toEqual([409, 'tie_undecided']);
    expect((await m.state({ period: 'penalties' })).status).toBe(200);
  });
});
