import { describe, expect, it } from 'vitest';
import { FixturesAnswer, type MatchSummary, Standings } from '@touchline/contract';
import { type Api, matches, snapshot, staff } from './api.ts';
import { adminServer, created, playMatch, setUpSeason, standings } from './admin-setup.ts';
import { dbKinds, type TestServer } from './helpers.ts';

const HOUR = 3600_000;

describe.each(dbKinds)('a season built through the admin API on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  adminServer(kind, (server, signedIn) => ([s, admin] = [server, signedIn]));

  it('is played through the match API, its table follows, and its playoff bracket progresses', async () => {
    const { season, clubs, competition } = await setUpSeason(admin, {
      clubs: 4,
      format: 'round_robin_playoff',
      competition: { tieBreakers: ['points', 'goal_difference', 'goals_for', 'name'] },
    });
    expect(competition).toMatchObject({ pointsWin: 3, shootoutPolicy: 'draw', timezone: 'Europe/Moscow' });
    const [a, b, c, d] = clubs as [(typeof clubs)[0], (typeof clubs)[0], (typeof clubs)[0], (typeof clubs)[0]];

    // Three players per club, by club id or short name, straight into the season roster.
    const csv = [
      'firstName,lastName,birthDate,position,club,shirtNumber',
      ...clubs.flatMap((club, i) =>
        [1, 2, 3].map(
          (n) => `Player${n},Of ${club.shortName},200${n}-01-1${n},FW,${i % 2 ? club.id : club.shortName},${n + 6}`,
        ),
      ),
    ].join('\n');
    const imported = await s.app.inject({
      method: 'POST',
      url: `/api/admin/players/import?seasonId=${season.id}`,
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ imported: 12 });
    const roster = (await admin.req('GET', `/api/admin/seasons/${season.id}/roster?clubId=${a.id}`)).body.entries;
    expect(roster.map((e: { shirtNumber: number }) => e.shirtNumber)).toEqual([7, 8, 9]);

    const fixtures = FixturesAnswer.parse(
      await created(
        admin.req('POST', `/api/admin/seasons/${season.id}/fixtures`, {
          kind: 'round_robin',
          firstDate: '2026-03-02',
          weekday: 0,
          time: '15:00',
        }),
      ),
    );
    expect(fixtures.rounds.map((r) => [r.label, r.number])).toEqual([
      ['Round 1', 1],
      ['Round 2', 2],
      ['Round 3', 3],
    ]);
    expect(fixtures.matches).toHaveLength(6);
    // Sundays at 15:00 in Moscow (UTC+3), a week apart.
    expect(new Set(fixtures.matches.map((m) => m.kickoffAt))).toEqual(
      new Set(['2026-03-08T12:00:00.000Z', '2026-03-15T12:00:00.000Z', '2026-03-22T12:00:00.000Z']),
    );
    expect(
      (
        await admin.req('POST', `/api/admin/seasons/${season.id}/fixtures`, {
          kind: 'round_robin',
          firstDate: '2026-03-02',
          weekday: 0,
          time: '15:00',
        })
      ).body.error.code,
    ).toBe('fixtures_exist');

    const operator = await staff(s.app, admin, 'operator');
    for (const m of fixtures.matches) {
      const res = await admin.req('PUT', `/api/admin/matches/${m.id}/operators`, { userIds: [operator.user.id] });
      expect(res.body.operators.map((u: { id: string }) => u.id)).toEqual([operator.user.id]);
    }

    // The better seed wins every table match 2–0, with named scorers from the imported roster.
    const seedOf = (id: string) => clubs.findIndex((club) => club.id === id);
    const scorer = async (clubId: string) =>
      (await admin.req('GET', `/api/admin/seasons/${season.id}/roster?clubId=${clubId}`)).body.entries[0].player.id;
    for (const m of fixtures.matches) {
      const homeWins = seedOf(m.homeClub.id) < seedOf(m.awayClub.id);
      const winner = homeWins ? m.homeClub.id : m.awayClub.id;
      const goalsFor = { home: homeWins ? 2 : 0, away: homeWins ? 0 : 2 };
      const ids = [await scorer(winner), await scorer(winner)];
      await playMatch(operator.api, m.id, { ...goalsFor, scorers: homeWins ? { home: ids } : { away: ids } });
    }
    const table = Standings.parse(await standings(s.app, season.id)).groups[0]!.rows;
    expect(table.map((r) => [r.club.id, r.played, r.points, r.goalDifference])).toEqual([
      [a.id, 3, 9, 6],
      [b.id, 3, 6, 2],
      [c.id, 3, 3, -2],
      [d.id, 3, 0, -6],
    ]);

    const playoffs = FixturesAnswer.parse(
      await created(
        admin.req('POST', `/api/admin/seasons/${season.id}/playoffs`, {
          qualifiers: 4,
          tieKind: 'single',
          firstDate: '2026-04-01',
          weekday: 6,
          time: '17:00',
        }),
      ),
    );
    expect(playoffs.rounds.filter((r) => r.stage === 'playoff').map((r) => [r.label, r.ordinal])).toEqual([
      ['Semi-finals', 4],
      ['Final', 5],
    ]);
    const semis = playoffs.matches.filter((m) => m.tieId);
    expect(semis.map((m) => [m.homeClub.id, m.awayClub.id])).toEqual([
      [a.id, d.id],
      [b.id, c.id],
    ]);
    expect(semis.every((m) => m.penaltiesAllowed && m.kickoffAt === '2026-04-04T14:00:00.000Z')).toBe(true);

    // 1 v 4 goes to penalties; the final waits for its second club.
    await playMatch(operator.api, semis[0]!.id, { home: 1, away: 1 }, { home: 3, away: 1 });
    const final = (all: MatchSummary[]) => all.filter((m) => m.tieId && !semis.some((x) => x.id === m.id));
    expect(final(await matches(s.app, `?seasonId=${season.id}`))).toEqual([]);
    await playMatch(operator.api, semis[1]!.id, { home: 2, away: 1 });
    const [theFinal] = final(await matches(s.app, `?seasonId=${season.id}`));
    expect(theFinal).toMatchObject({
      homeClub: { id: a.id },
      awayClub: { id: b.id },
      status: 'scheduled',
      penaltiesAllowed: true,
      round: { label: 'Final', stage: 'playoff', number: 2 },
      // A week after the semi-finals, at the same local time.
      kickoffAt: new Date(Date.parse(semis[0]!.kickoffAt) + 7 * 24 * HOUR).toISOString(),
    });
    // Playoff matches never count in the table.
    expect(Standings.parse(await standings(s.app, season.id)).groups[0]!.rows.map((r) => r.points)).toEqual([
      9, 6, 3, 0,
    ]);

    // A correction that changes a semi-final's winner moves the other club into the final, untouched as it is.
    const semi2 = await snapshot(s.app, semis[1]!.id);
    await admin.req('POST', `/api/matches/${semis[1]!.id}/events`, { type: 'goal', side: 'away', minute: 88 });
    await admin.req('POST', `/api/matches/${semis[1]!.id}/events`, { type: 'goal', side: 'away', minute: 89 });
    expect(semi2.match.score).toEqual({ home: 2, away: 1 });
    expect((await snapshot(s.app, theFinal!.id)).match.awayClub.id).toBe(c.id);
    expect(final(await matches(s.app, `?seasonId=${season.id}`))).toHaveLength(1);

    // Every admin step is in the audit log, with its actor.
    const audit = (await admin.req('GET', `/api/admin/audit?limit=200`)).body;
    const actions = new Set(audit.entries.map((e: { action: string; entity: string }) => `${e.action} ${e.entity}`));
    for (const step of [
      'create competition',
      'create club',
      'create season',
      'import player',
      'generate_fixtures season',
      'create_playoffs season',
      'assign_operators match',
    ]) {
      expect(actions, step).toContain(step);
    }
    expect(audit.entries[0].actor).toMatchObject({ login: 'chief', role: 'admin' });
  });

  it('refuses a non-assigned operator on an assigned match and accepts the assigned one', async () => {
    const { season, clubs } = await setUpSeason(admin, { clubs: 2, format: 'round_robin' });
    const { match } = await created(
      admin.req('POST', '/api/admin/matches', {
        seasonId: season.id,
        homeClubId: clubs[0]!.id,
        awayClubId: clubs[1]!.id,
        kickoffAt: new Date(Date.now() + HOUR).toISOString(),
      }),
    );
    const assigned = await staff(s.app, admin, 'operator');
    const other = await staff(s.app, admin, 'operator');
    const corner = (api: Api) =>
      api.req('POST', `/api/matches/${match.id}/stats`, { side: 'home', metric: 'corners', delta: 1 });
    // Unassigned, every operator may record it.
    expect((await other.api.req('POST', `/api/matches/${match.id}/state`, { status: 'live' })).status).toBe(200);
    await admin.req('PUT', `/api/admin/matches/${match.id}/operators`, { userIds: [assigned.user.id] });
    const refused = await corner(other.api);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await corner(assigned.api)).status).toBe(200);
    // An empty list opens the match to every operator again.
    await admin.req('PUT', `/api/admin/matches/${match.id}/operators`, { userIds: [] });
    expect((await corner(other.api)).status).toBe(200);
    // Only active operator accounts can be assigned.
    const judge = await staff(s.app, admin, 'judge');
    const wrong = await admin.req('PUT', `/api/admin/matches/${match.id}/operators`, { userIds: [judge.user.id] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'not_an_operator', details: { userIds: [judge.user.id] } });
    expect((await admin.req('PUT', `/api/admin/matches/${match.id}/operators`, { userIds: ['99999'] })).status).toBe(
      404,
    );
  });
});
