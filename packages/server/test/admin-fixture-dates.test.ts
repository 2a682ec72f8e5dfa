import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { FixturesAnswer } from '@touchline/contract';
import * as t from '../src/db/schema.ts';
import { type Api, matches, signInAdmin } from './api.ts';
import { created, setUpSeason } from './admin-setup.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';

/** Fixtures inside the season's dates, double bookings named, and rounds stored as a stage and a number. */
describe.each(dbKinds)('fixtures and the season’s dates on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  beforeAll(async () => {
    s = await startTestServer(kind);
    admin = await signInAdmin(s.app);
  });
  afterAll(() => s.close());

  const post = (seasonId: string, body: object) => admin.req('POST', `/api/admin/seasons/${seasonId}/fixtures`, body);
  /** A season of `clubs` clubs that runs from April to June 2026 (league zone: Moscow). */
  async function springSeason(
    clubs: number,
    format = 'round_robin',
    dates = { startsOn: '2026-04-01', endsOn: '2026-06-30' },
  ) {
    const setup = await setUpSeason(admin, { clubs, format, type: format === 'knockout' ? 'cup' : 'league' });
    const res = await admin.req('PATCH', `/api/admin/seasons/${setup.season.id}`, dates);
    expect(res.status).toBe(200);
    return setup;
  }
  const saturdays = { weekday: 6, time: '15:00' };

  it('starts at the season’s start when no first date is given', async () => {
    const { season } = await springSeason(4);
    const out = FixturesAnswer.parse(await created(post(season.id, { kind: 'round_robin', ...saturdays })));
    // 1 April 2026 is a Wednesday: the first Saturday is the 4th, 15:00 in Moscow is 12:00 UTC.
    expect([...new Set(out.matches.map((m) => m.kickoffAt))]).toEqual([
      '2026-04-04T12:00:00.000Z',
      '2026-04-11T12:00:00.000Z',
      '2026-04-18T12:00:00.000Z',
    ]);
    expect(out.warnings).toEqual([]);
  });

  it.each([
    [
      'a first date before the season',
      { startsOn: '2026-04-01', endsOn: '2026-06-30' },
      '2026-03-20',
      'startsOn',
      '2026-03-21',
    ],
    [
      'rounds that run past its end',
      { startsOn: '2026-06-01', endsOn: '2026-06-14' },
      undefined,
      'endsOn',
      '2026-06-20',
    ],
  ])('refuses %s with 400 fixtures_outside_season, creating nothing', async (_, dates, firstDate, bound, date) => {
    const { season } = await springSeason(4, 'round_robin', dates);
    const res = await post(season.id, { kind: 'round_robin', ...saturdays, ...(firstDate ? { firstDate } : {}) });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'fixtures_outside_season', details: { bound, date, ...dates } });
    expect(await matches(s.app, `?seasonId=${season.id}`)).toEqual([]);
    const rounds = await s.database.db
      .select()
      .from(t.rounds)
      .where(eq(t.rounds.seasonId, Number(season.id)));
    expect(rounds).toEqual([]);
  });

  it('refuses a knockout whose final would fall after the season', async () => {
    const { season } = await springSeason(8, 'knockout', { startsOn: '2026-06-01', endsOn: '2026-06-14' });
    const res = await post(season.id, { kind: 'knockout', ...saturdays });
    expect(res.body.error).toMatchObject({ code: 'fixtures_outside_season', details: { bound: 'endsOn' } });
  });

  it('asks for a first date when the season has no start', async () => {
    const { season } = await setUpSeason(admin, { clubs: 2, format: 'round_robin' });
    const res = await post(season.id, { kind: 'round_robin', ...saturdays });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('first_date_required');
  });

  it('warns when a club would play twice at once, also against its matches in other competitions', async () => {
    const { season, clubs } = await springSeason(4);
    // Club A already plays a cup match on the first Saturday, an hour after the planned kick-off.
    const { competition } = await created(
      admin.req('POST', '/api/admin/competitions', { name: 'Spring Cup', type: 'cup' }),
    );
    const cup = (
      await created(
        admin.req('POST', '/api/admin/seasons', { competitionId: competition.id, name: 'Cup', format: 'knockout' }),
      )
    ).season;
    for (const club of clubs.slice(0, 2)) {
      expect((await admin.req('PUT', `/api/admin/seasons/${cup.id}/participants/${club.id}`, {})).status).toBe(200);
    }
    const cupMatch = (
      await created(
        admin.req('POST', '/api/admin/matches', {
          seasonId: cup.id,
          homeClubId: clubs[0]!.id,
          awayClubId: clubs[1]!.id,
          kickoffAt: '2026-04-04T13:00:00.000Z',
        }),
      )
    ).match;
    const out = FixturesAnswer.parse(await created(post(season.id, { kind: 'round_robin', ...saturdays })));
    const firstRound = out.matches.filter((m) => m.kickoffAt === '2026-04-04T12:00:00.000Z');
    const clash = (clubId: string) => firstRound.find((m) => m.homeClub.id === clubId || m.awayClub.id === clubId)!;
    expect(out.warnings).toEqual(
      [clubs[0]!, clubs[1]!].map((club) => ({
        code: 'club_double_booked',
        club: expect.objectContaining({ id: club.id, name: club.name }),
        match: { id: clash(club.id).id, kickoffAt: '2026-04-04T12:00:00.000Z' },
        other: { id: cupMatch.id, kickoffAt: '2026-04-04T13:00:00.000Z', seasonId: cup.id, competition: 'Spring Cup' },
      })),
    );
  });

  it('stores rounds as a stage and a number, named in the league’s language for the API', async () => {
    const { season } = await springSeason(4);
    const out = FixturesAnswer.parse(
      await created(post(season.id, { kind: 'round_robin', ...saturdays, language: 'en' })),
    );
    expect(out.rounds.map((r) => [r.stage, r.number, r.label])).toEqual([
      ['league', 1, 'Round 1'],
      ['league', 2, 'Round 2'],
      ['league', 3, 'Round 3'],
    ]);
    expect(out.matches[0]!.round).toEqual({ id: out.rounds[0]!.id, label: 'Round 1', stage: 'league', number: 1 });
    const rows = await s.database.db
      .select()
      .from(t.rounds)
      .where(eq(t.rounds.seasonId, Number(season.id)));
    expect(rows.map((r) => r.label)).toEqual([null, null, null]);

    const cup = await springSeason(5, 'knockout');
    const bracket = FixturesAnswer.parse(await created(post(cup.season.id, { kind: 'knockout', ...saturdays })));
    expect(bracket.rounds.map((r) => [r.stage, r.number, r.label])).toEqual([
      ['playoff', 8, 'Quarter-finals'],
      ['playoff', 4, 'Semi-finals'],
      ['playoff', 2, 'Final'],
    ]);
    const page = (await s.app.inject({ method: 'GET', url: `/api/seasons/${cup.season.id}/bracket` })).json();
    expect(
      page.rounds.map((r: { number: number; stage: string; label: string }) => [r.stage, r.number, r.label]),
    ).toEqual([
      ['playoff', 8, 'Quarter-finals'],
      ['playoff', 4, 'Semi-finals'],
      ['playoff', 2, 'Final'],
    ]);
  });
});
