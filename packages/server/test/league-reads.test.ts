import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BracketAnswer,
  ClubsAnswer,
  CompetitionsAnswer,
  ConfigAnswer,
  PublicClubAnswer,
  SeasonPlayers,
} from '@touchline/contract';
import { type Api, matches, signInAdmin, snapshot, staff, todaysMatches } from './api.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';

describe.each(dbKinds)('league reads, calendars and captain lineups on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  beforeAll(async () => {
    s = await startTestServer(kind, { demo: true });
    admin = await signInAdmin(s.app);
  });
  afterAll(() => s.close());
  const get = async (url: string) => (await s.app.inject({ method: 'GET', url })).json();

  it('lists competitions with their seasons', async () => {
    const { competitions } = await get('/api/competitions');
    expect(competitions.map((c: { type: string }) => c.type).sort()).toEqual(['cup', 'league']);
    expect(competitions[0].seasons[0]).toMatchObject({ name: '2026' });
  });

  it('serves the cup bracket with ties, clubs and matches, and the next round waiting', async () => {
    const { cup } = await todaysMatches(s.app);
    const bracket = await get(`/api/seasons/${cup.seasonId}/bracket`);
    expect(bracket.rounds.map((r: { ties: unknown[] }) => r.ties.length)).toEqual([4, 2, 1]);
    const first = bracket.rounds[0].ties.find((tie: { matches: { id: string }[] }) =>
      tie.matches.some((m) => m.id === cup.id),
    );
    expect(first.homeClub.name).toBe(cup.homeClub.name);
    expect(bracket.rounds[2].ties[0].homeClub).toBeUndefined();
  });

  it('answers the league reads exactly in the contract’s shapes, the judge’s window in the config', async () => {
    const { cup } = await todaysMatches(s.app);
    // parse drops what a schema does not name, so equality fails on any field the contract misses.
    const same = async (schema: { parse: (x: unknown) => unknown }, url: string) => {
      const body = await get(url);
      expect(schema.parse(body), url).toEqual(body);
      return body;
    };
    expect((await same(ConfigAnswer, '/api/config')).judgeWindowHours).toBe(48);
    await same(CompetitionsAnswer, '/api/competitions');
    const bracket = await same(BracketAnswer, `/api/seasons/${cup.seasonId}/bracket`);
    expect(bracket.rounds[0].ties[0].nextTieId).toBeDefined();
    await same(ClubsAnswer, '/api/clubs');
    await same(PublicClubAnswer, `/api/clubs/${cup.homeClub.id}`);
  });

  it('serves the season’s scorers and bans, as the finished matches say, and follows a new result', async () => {
    const { live } = await todaysMatches(s.app);
    const m = live[0]!;
    const read = async () => SeasonPlayers.parse(await get(`/api/seasons/${m.seasonId}/players`));
    const before = await read();
    // Scorers first, then assists: no line is ahead of one with more goals, or as many goals and more assists.
    for (const [a, b] of before.players.slice(1).map((p, i) => [before.players[i]!, p] as const)) {
      expect(a.goals > b.goals || (a.goals === b.goals && a.assists >= b.assists)).toBe(true);
    }
    // The totals are what the finished matches' events say.
    const finished = await matches(s.app, `?seasonId=${m.seasonId}&status=finished`);
    const scored = new Map<string, number>();
    for (const f of finished) {
      for (const e of (await snapshot(s.app, f.id)).events) {
        if ((e.type === 'goal' || e.type === 'penalty_goal') && e.playerId)
          scored.set(e.playerId, (scored.get(e.playerId) ?? 0) + 1);
      }
    }
    expect(new Map(before.players.filter((p) => p.goals > 0).map((p) => [p.playerId, p.goals]))).toEqual(scored);
    expect(before.suspensions.length).toBeGreaterThan(0);
    expect(before.suspensions.every((b) => b.matchesRemaining > 0)).toBe(true);

    const op = (await staff(s.app, admin, 'operator')).api;
    const scorer = (await snapshot(s.app, m.id)).lineups.home[0]!.playerId;
    const ok = async (body: object, path = 'state') =>
      expect((await op.req('POST', `/api/matches/${m.id}/${path}`, body)).status).toBeLessThan(300);
    await ok({ type: 'goal', side: 'home', minute: 20, playerId: scorer }, 'events');
    await ok({ period: 'half_time' });
    await ok({ period: 'second_half' });
    await ok({ status: 'finished' });
    const after = await read();
    const goalsOf = (list: SeasonPlayers) => list.players.find((p) => p.playerId === scorer)?.goals ?? 0;
    expect(goalsOf(after)).toBe(goalsOf(before) + 1);
    expect((await s.app.inject({ method: 'GET', url: '/api/seasons/999999/players' })).statusCode).toBe(404);
    expect((await s.app.inject({ method: 'GET', url: '/api/seasons/x/players' })).statusCode).toBe(400);
  });

  it('serves a club page with its squad', async () => {
    const { cup } = await todaysMatches(s.app);
    const page = await get(`/api/clubs/${cup.homeClub.id}`);
    expect(page.club.name).toBe(cup.homeClub.name);
    expect(page.squad.length).toBeGreaterThanOrEqual(16);
  });

  it('publishes iCal feeds that parse back with one event per match, UTC times and stable UIDs', async () => {
    const { cup } = await todaysMatches(s.app);
    const clubId = cup.homeClub.id;
    const res = await s.app.inject({ method: 'GET', url: `/api/clubs/${clubId}/calendar.ics` });
    expect(res.headers['content-type']).toContain('text/calendar');
    const matches = (await get(`/api/matches?clubId=${clubId}`)).matches as { id: string; kickoffAt: string }[];
    const events = Object.values(ical.sync.parseICS(res.body)).filter((e) => e?.type === 'VEVENT') as ical.VEvent[];
    expect(events).toHaveLength(matches.length);
    expect(res.body).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    for (const m of matches) {
      const e = events.find((x) => x.uid.startsWith(`match-${m.id}@`));
      expect(e).toBeDefined();
      expect(e!.start.toISOString()).toBe(new Date(m.kickoffAt).toISOString());
    }
    const again = await s.app.inject({ method: 'GET', url: `/api/clubs/${clubId}/calendar.ics` });
    const uids = (body: string) => [...body.matchAll(/^UID:(.*)$/gm)].map((x) => x[1]);
    expect(uids(again.body)).toEqual(uids(res.body));
    const season = await s.app.inject({ method: 'GET', url: `/api/seasons/${cup.seasonId}/calendar.ics` });
    const seasonEvents = Object.values(ical.sync.parseICS(season.body)).filter((e) => e?.type === 'VEVENT');
    expect(seasonEvents).toHaveLength((await get(`/api/matches?seasonId=${cup.seasonId}`)).matches.length);
  });

  it('shows a captain the suspended players and refuses them in a lineup', async () => {
    const { league } = await todaysMatches(s.app);
    let found:
      | {
          matchId: string;
          side: 'home' | 'away';
          clubId: string;
          roster: { playerId: string; shirtNumber: number; position?: string; suspended?: object }[];
        }
      | undefined;
    for (const m of league) {
      for (const side of ['home', 'away'] as const) {
        const { roster } = (await admin.req('GET', `/api/matches/${m.id}/lineup-options/${side}`)).body;
        if (roster.some((r: { suspended?: object }) => r.suspended)) {
          found = { matchId: m.id, side, clubId: side === 'home' ? m.homeClub.id : m.awayClub.id, roster };
        }
      }
    }
    expect(found).toBeDefined();
    const captain = (await staff(s.app, admin, 'captain', { clubId: found!.clubId })).api;
    expect(
      (await captain.req('GET', '/api/captain/matches')).body.matches.some(
        (m: { id: string }) => m.id === found!.matchId,
      ),
    ).toBe(true);
    const banned = found!.roster.find((r) => r.suspended)!;
    const fit = found!.roster.filter((r) => !r.suspended).slice(0, 11);
    const entries = (list: typeof fit) =>
      list.map((r) => ({ playerId: r.playerId, shirtNumber: r.shirtNumber, role: 'starter', position: r.position }));
    const refused = await captain.req('PUT', `/api/matches/${found!.matchId}/lineups/${found!.side}`, {
      entries: entries([...fit.slice(0, 10), banned]),
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('player_suspended');
    expect(refused.body.error.details.players[0]).toMatchObject({
      playerId: banned.playerId,
      reason: 'red_card',
      matchesRemaining: 1,
    });
    const ok = await captain.req('PUT', `/api/matches/${found!.matchId}/lineups/${found!.side}`, {
      entries: entries(fit),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.lineup).toHaveLength(11);
    const other = found!.side === 'home' ? 'away' : 'home';
    expect((await captain.req('PUT', `/api/matches/${found!.matchId}/lineups/${other}`, { entries: [] })).status).toBe(
      403,
    );
  });
});
