import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { FixturesAnswer, type MatchSummary } from '@touchline/contract';
import * as t from '../src/db/schema.ts';
import { type Api, matches, signInAdmin, staff } from './api.ts';
import { created, playMatch, setUpSeason } from './admin-setup.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';

describe.each(dbKinds)('fixture generation on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  let op: Api;
  beforeAll(async () => {
    s = await startTestServer(kind, { config: { timezone: 'Europe/Berlin' } });
    admin = await signInAdmin(s.app);
    op = (await staff(s.app, admin, 'operator')).api;
  });
  afterAll(() => s.close());

  const generate = async (seasonId: string, body: object) =>
    FixturesAnswer.parse(await created(admin.req('POST', `/api/admin/seasons/${seasonId}/fixtures`, body)));
  const seasonMatches = (seasonId: string) => matches(s.app, `?seasonId=${seasonId}`);
  const pairs = (ms: MatchSummary[]) => ms.map((m) => [m.homeClub.shortName, m.awayClub.shortName]);
  const autumn = { firstDate: '2026-10-12', weekday: 0, time: '18:00' };

  it('keeps kick-offs at 18:00 Berlin time across the October clock change, in the table and in the bracket', async () => {
    const league = await setUpSeason(admin, { clubs: 4, format: 'round_robin' });
    const fixtures = await generate(league.season.id, { kind: 'round_robin', ...autumn });
    expect([...new Set(fixtures.matches.map((m) => m.kickoffAt))]).toEqual([
      '2026-10-18T16:00:00.000Z', // CEST, UTC+2
      '2026-10-25T17:00:00.000Z', // the last Sunday of October: CET, UTC+1
      '2026-11-01T17:00:00.000Z',
    ]);
    // Fans on season:{id} get the new fixtures in the same patch as the table.
    const [patch] = await s.database.db
      .select()
      .from(t.changeLog)
      .where(eq(t.changeLog.topic, `season:${league.season.id}`))
      .orderBy(desc(t.changeLog.seq))
      .limit(1);
    const changed = (patch!.changes as { entity: string; id?: string }[]).filter((c) => c.entity === 'match');
    expect(changed.map((c) => c.id).sort()).toEqual(fixtures.matches.map((m) => m.id).sort());

    // A three-club cup: the top seed has a bye, and the final is a week after the semi-final, still at 18:00.
    const cup = await setUpSeason(admin, { clubs: 3, format: 'knockout', type: 'cup' });
    const bracket = await generate(cup.season.id, { kind: 'knockout', ...autumn });
    expect(bracket.ties).toBe(3);
    expect(pairs(bracket.matches)).toEqual([['FCB', 'FCC']]);
    expect(bracket.matches[0]!.kickoffAt).toBe('2026-10-18T16:00:00.000Z');
    await playMatch(op, bracket.matches[0]!.id, { home: 0, away: 1 });
    const all = await seasonMatches(cup.season.id);
    expect(pairs(all)).toEqual([
      ['FCB', 'FCC'],
      ['FCA', 'FCC'],
    ]);
    expect(all[1]).toMatchObject({
      kickoffAt: '2026-10-25T17:00:00.000Z',
      round: { label: 'Final', stage: 'playoff', number: 2 },
    });
  });

  it('gives byes to the top seeds and schedules a round reached through byes alone', async () => {
    const cup = await setUpSeason(admin, { clubs: 5, format: 'knockout', type: 'cup' });
    const bracket = await generate(cup.season.id, { kind: 'knockout', ...autumn });
    expect(bracket.rounds.map((r) => r.label)).toEqual(['Quarter-finals', 'Semi-finals', 'Final']);
    expect(bracket.ties).toBe(7);
    // Seeds 4 v 5 play; 2 and 3 both had byes, so their semi-final is already set, a week later.
    expect(pairs(bracket.matches)).toEqual([
      ['FCD', 'FCE'],
      ['FCB', 'FCC'],
    ]);
    expect(bracket.matches.map((m) => m.kickoffAt)).toEqual(['2026-10-18T16:00:00.000Z', '2026-10-25T17:00:00.000Z']);
    await playMatch(op, bracket.matches[0]!.id, { home: 2, away: 0 });
    expect(pairs(await seasonMatches(cup.season.id))).toContainEqual(['FCA', 'FCD']);
    // Generating twice is refused, and leaves the bracket as it was.
    const again = await admin.req('POST', `/api/admin/seasons/${cup.season.id}/fixtures`, {
      kind: 'knockout',
      ...autumn,
    });
    expect(again.body.error.code).toBe('fixtures_exist');
    expect(await seasonMatches(cup.season.id)).toHaveLength(3);
  });

  it('plays a two-legged tie on aggregate, with penalties only in the second leg', async () => {
    const cup = await setUpSeason(admin, { clubs: 2, format: 'knockout', type: 'cup' });
    const bracket = await generate(cup.season.id, { kind: 'knockout', tieKind: 'two_legged', ...autumn });
    const [leg1, leg2] = bracket.matches;
    expect(pairs(bracket.matches)).toEqual([
      ['FCB', 'FCA'],
      ['FCA', 'FCB'],
    ]);
    expect([leg1!.penaltiesAllowed, leg2!.penaltiesAllowed]).toEqual([false, true]);
    await playMatch(op, leg1!.id, { home: 2, away: 0 });
    await playMatch(op, leg2!.id, { home: 2, away: 0 }, { home: 3, away: 2 });
    expect(bracket.matches.map((m) => m.kickoffAt)).toEqual(['2026-10-18T16:00:00.000Z', '2026-10-25T17:00:00.000Z']);
    // 2–2 on aggregate; FCA won the second leg's shootout.
    const [tie] = await s.database.db
      .select()
      .from(t.ties)
      .where(eq(t.ties.seasonId, Number(cup.season.id)));
    expect(String(tie!.winnerClubId)).toBe(cup.clubs[0]!.id);
  });

  it('adds a deciding game to a best-of-3 series only when it is level', async () => {
    const cup = await setUpSeason(admin, { clubs: 2, format: 'knockout', type: 'cup' });
    const bracket = await generate(cup.season.id, { kind: 'knockout', tieKind: 'best_of', bestOf: 3, ...autumn });
    expect(pairs(bracket.matches)).toEqual([
      ['FCA', 'FCB'],
      ['FCB', 'FCA'],
    ]);
    await playMatch(op, bracket.matches[0]!.id, { home: 1, away: 0 });
    expect(await seasonMatches(cup.season.id)).toHaveLength(2);
    await playMatch(op, bracket.matches[1]!.id, { home: 1, away: 0 });
    const three = await seasonMatches(cup.season.id);
    expect(pairs(three)).toEqual([
      ['FCA', 'FCB'],
      ['FCB', 'FCA'],
      ['FCA', 'FCB'],
    ]);
    expect(three[2]!.kickoffAt).toBe('2026-11-01T17:00:00.000Z');
    await playMatch(op, three[2]!.id, { home: 0, away: 0 }, { home: 3, away: 1 });
    expect(await seasonMatches(cup.season.id)).toHaveLength(3);
  });

  it('draws groups by seed, plays them, and crosses the group tables into a playoff', async () => {
    const season = await setUpSeason(admin, { clubs: 8, format: 'groups_knockout' });
    const fixtures = await generate(season.season.id, { kind: 'groups', groupCount: 2, ...autumn });
    expect(fixtures.groups.map((g) => g.label)).toEqual(['A', 'B']);
    expect(fixtures.rounds.map((r) => [r.label, r.stage])).toEqual([
      ['Matchday 1', 'group'],
      ['Matchday 2', 'group'],
      ['Matchday 3', 'group'],
    ]);
    expect(fixtures.matches).toHaveLength(12);
    const early = await admin.req('POST', `/api/admin/seasons/${season.season.id}/playoffs`, {
      qualifiers: 2,
      tieKind: 'single',
      ...autumn,
    });
    expect(early.body.error.code).toBe('standings_not_final');
    // The better seed wins every group match.
    const seed = (id: string) => season.clubs.findIndex((c) => c.id === id);
    for (const m of fixtures.matches) {
      const homeWins = seed(m.homeClub.id) < seed(m.awayClub.id);
      await playMatch(op, m.id, { home: homeWins ? 1 : 0, away: homeWins ? 0 : 1 });
    }
    // Snake draw: A = seeds 1, 4, 5, 8 and B = 2, 3, 6, 7; winners meet the other group's runner-up.
    const playoffs = FixturesAnswer.parse(
      await created(
        admin.req('POST', `/api/admin/seasons/${season.season.id}/playoffs`, {
          qualifiers: 2,
          tieKind: 'single',
          firstDate: '2026-11-09',
          weekday: 6,
          time: '14:00',
          language: 'ru',
        }),
      ),
    );
    expect(pairs(playoffs.matches.filter((m) => m.tieId))).toEqual([
      ['FCA', 'FCC'],
      ['FCB', 'FCD'],
    ]);
    // Rounds are data; the API names them in English whatever language the admin wrote in.
    expect(playoffs.rounds.filter((r) => r.stage === 'playoff').map((r) => r.label)).toEqual(['Semi-finals', 'Final']);
    expect(playoffs.rounds.at(-1)).toMatchObject({ ordinal: 5, stage: 'playoff', number: 2 });
    const twice = await admin.req('POST', `/api/admin/seasons/${season.season.id}/playoffs`, {
      qualifiers: 2,
      tieKind: 'single',
      ...autumn,
    });
    expect(twice.body.error.code).toBe('playoffs_exist');
  });

  it('refuses what a season cannot be built from', async () => {
    const league = await setUpSeason(admin, { clubs: 2, format: 'round_robin' });
    const post = (body: object) => admin.req('POST', `/api/admin/seasons/${league.season.id}/fixtures`, body);
    expect((await post({ kind: 'knockout', ...autumn })).body.error.code).toBe('conflict');
    expect((await post({ kind: 'round_robin', ...autumn, time: '25:00' })).status).toBe(400);
    expect((await post({ kind: 'round_robin', ...autumn, firstDate: '2026-02-30' })).status).toBe(400);
    expect((await post({ kind: 'round_robin', ...autumn, tieKind: 'best_of' })).status).toBe(400);
    expect(
      (await admin.req('POST', '/api/admin/seasons/x/fixtures', { kind: 'round_robin', ...autumn })).body.error.code,
    ).toBe('invalid_id');
    expect(
      (await admin.req('POST', '/api/admin/seasons/99999/fixtures', { kind: 'round_robin', ...autumn })).status,
    ).toBe(404);
    const empty = await created(
      admin.req('POST', '/api/admin/seasons', {
        competitionId: league.competition.id,
        name: 'Empty',
        format: 'round_robin',
      }),
    );
    const none = await admin.req('POST', `/api/admin/seasons/${empty.season.id}/fixtures`, {
      kind: 'round_robin',
      ...autumn,
    });
    expect(none.body.error.code).toBe('not_enough_clubs');
    expect(await seasonMatches(league.season.id)).toEqual([]);
    // Only admins generate fixtures.
    const judge = await staff(s.app, admin, 'judge');
    expect(
      (
        await judge.api.req('POST', `/api/admin/seasons/${league.season.id}/fixtures`, {
          kind: 'round_robin',
          ...autumn,
        })
      ).status,
    ).toBe(403);
  });
});
