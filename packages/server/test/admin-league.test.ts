import { describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import * as t from '../src/db/schema.ts';
import { type Api, staff } from './api.ts';
import { adminServer, created, playMatch, setUpSeason, standings } from './admin-setup.ts';
import { dbKinds, type TestServer } from './helpers.ts';

describe.each(dbKinds)('league data through the admin API on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  adminServer(kind, (server, signedIn) => ([s, admin] = [server, signedIn]));

  const auditCount = async () => (await s.database.db.select({ n: count() }).from(t.auditLog))[0]!.n;

  it('lets only admins in, and reads ids and bodies before touching anything', async () => {
    const anonymous = await s.app.inject({ method: 'GET', url: '/api/admin/clubs' });
    expect(anonymous.statusCode).toBe(401);
    const op = await staff(s.app, admin, 'operator');
    expect((await op.api.req('GET', '/api/admin/clubs')).status).toBe(403);
    expect((await op.api.req('POST', '/api/admin/clubs', { name: 'X', shortName: 'X' })).status).toBe(403);

    const audits = await auditCount();
    const bad: [string, string, object?][] = [
      ['GET', '/api/admin/clubs/abc'],
      ['PATCH', '/api/admin/clubs/0', { name: 'X' }],
      ['GET', '/api/admin/players/1e3/transfers'],
      ['PUT', '/api/admin/seasons/1/participants/-1', {}],
      ['PUT', '/api/admin/matches/x/operators', { userIds: [] }],
    ];
    for (const [method, url, body] of bad) {
      const res = await admin.req(method as 'GET', url, body);
      expect([res.status, res.body.error.code], url).toEqual([400, 'invalid_id']);
    }
    for (const body of [
      { name: 'Long Name FC', shortName: 'TOOLONG' },
      { name: '', shortName: 'X' },
      { name: 'X', shortName: 'X', primaryColor: 'red' },
      { name: 'X', shortName: 'X', logoUrl: 'javascript:alert(1)' },
      { name: 'X', shortName: 'X', id: '5' },
    ]) {
      expect((await admin.req('POST', '/api/admin/clubs', body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await admin.req('PATCH', '/api/admin/clubs/99999', { name: 'X' })).status).toBe(404);
    expect(
      (await admin.req('POST', '/api/admin/seasons', { competitionId: '99999', name: 'X', format: 'knockout' })).status,
    ).toBe(404);
    expect(
      (await admin.req('POST', '/api/admin/players', { firstName: 'A', lastName: 'B', clubId: '99999' })).status,
    ).toBe(404);
    expect(await auditCount()).toBe(audits);
    expect((await admin.req('GET', '/api/admin/clubs')).body.clubs).toEqual([]);
  });

  it('keeps clubs, venues and referees, refusing to delete what is in use', async () => {
    const { club } = await created(
      admin.req('POST', '/api/admin/clubs', {
        name: 'Dinamo Moscow',
        shortName: 'DIN',
        logoUrl: 'https://example.org/din.png',
        primaryColor: '#003399',
        homeGround: 'VTB Arena',
      }),
    );
    expect(club).toMatchObject({ shortName: 'DIN', secondaryColor: null, homeGround: 'VTB Arena' });
    const patched = await admin.req('PATCH', `/api/admin/clubs/${club.id}`, {
      secondaryColor: '#FFFFFF',
      logoUrl: null,
    });
    expect(patched.body.club).toMatchObject({ secondaryColor: '#FFFFFF', logoUrl: null, name: 'Dinamo Moscow' });
    expect((await admin.req('GET', `/api/admin/clubs/${club.id}`)).body.club).toEqual(patched.body.club);
    const [audit] = await s.database.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entity, 'club'), eq(t.auditLog.action, 'update')));
    expect(audit).toMatchObject({ before: { secondaryColor: null }, after: { secondaryColor: '#FFFFFF' } });

    const { venue } = await created(admin.req('POST', '/api/admin/venues', { name: 'Central', address: 'Main St 1' }));
    const { referee } = await created(admin.req('POST', '/api/admin/referees', { name: 'Pierluigi Collina' }));
    expect(
      (await admin.req('PATCH', `/api/admin/venues/${venue.id}`, { address: null })).body.venue.address,
    ).toBeNull();
    expect((await admin.req('GET', '/api/admin/referees')).body.referees).toEqual([referee]);
    expect((await admin.req('DELETE', `/api/admin/referees/${referee.id}`)).status).toBe(204);
    expect((await admin.req('DELETE', `/api/admin/referees/${referee.id}`)).status).toBe(404);

    await created(admin.req('POST', '/api/admin/players', { firstName: 'Lev', lastName: 'Yashin', clubId: club.id }));
    const inUse = await admin.req('DELETE', `/api/admin/clubs/${club.id}`);
    expect([inUse.status, inUse.body.error.code]).toEqual([409, 'in_use']);
    expect((await admin.req('GET', `/api/admin/clubs/${club.id}`)).status).toBe(200);
  });

  it('edits competition rules and season participants, and the table follows', async () => {
    const { competition, season, clubs } = await setUpSeason(admin, { clubs: 3, format: 'round_robin' });
    const op = (await staff(s.app, admin, 'operator')).api;
    const { match } = await created(
      admin.req('POST', '/api/admin/matches', {
        seasonId: season.id,
        homeClubId: clubs[0]!.id,
        awayClubId: clubs[1]!.id,
        kickoffAt: '2026-05-01T15:00:00Z',
      }),
    );
    await playMatch(op, match.id, { home: 1, away: 0 });
    const points = async () =>
      Object.fromEntries(
        (await standings(s.app, season.id)).groups[0].rows.map((r: { club: { id: string }; points: number }) => [
          r.club.id,
          r.points,
        ]),
      );
    expect(await points()).toEqual({ [clubs[0]!.id]: 3, [clubs[1]!.id]: 0, [clubs[2]!.id]: 0 });

    const seasonFeed = async () =>
      (
        await s.database.db
          .select({ n: count() })
          .from(t.changeLog)
          .where(eq(t.changeLog.topic, `season:${season.id}`))
      )[0]!.n;
    const feed = await seasonFeed();
    const rules = await admin.req('PATCH', `/api/admin/competitions/${competition.id}`, {
      pointsWin: 2,
      yellowCardLimit: 3,
    });
    expect(rules.body.competition).toMatchObject({ pointsWin: 2, yellowCardLimit: 3, pointsDraw: 1 });
    expect(await seasonFeed()).toBe(feed + 1);
    await admin.req('PUT', `/api/admin/seasons/${season.id}/participants/${clubs[0]!.id}`, { pointsDeduction: 3 });
    expect(await points()).toEqual({ [clubs[0]!.id]: -1, [clubs[1]!.id]: 0, [clubs[2]!.id]: 0 });
    expect(await seasonFeed()).toBe(feed + 2);
    expect(
      (await admin.req('PATCH', `/api/admin/competitions/${competition.id}`, { tieBreakers: ['points', 'points'] }))
        .status,
    ).toBe(400);
    expect((await admin.req('DELETE', `/api/admin/competitions/${competition.id}`)).body.error.code).toBe('in_use');

    // Groups and seeds; a club with fixtures stays, one without leaves with its roster.
    const { group } = await created(admin.req('POST', `/api/admin/seasons/${season.id}/groups`, { label: 'A' }));
    const moved = await admin.req('PUT', `/api/admin/seasons/${season.id}/participants/${clubs[2]!.id}`, {
      groupId: group.id,
      seed: 9,
    });
    expect(moved.body.participant).toMatchObject({ groupId: group.id, seed: 9, pointsDeduction: 0 });
    const strange = await admin.req('PUT', `/api/admin/seasons/${season.id}/participants/${clubs[2]!.id}`, {
      groupId: '99999',
    });
    expect(strange.status).toBe(404);
    expect(
      (await admin.req('DELETE', `/api/admin/seasons/${season.id}/participants/${clubs[0]!.id}`)).body.error.code,
    ).toBe('in_use');
    const { player } = await created(
      admin.req('POST', '/api/admin/players', { firstName: 'A', lastName: 'B', clubId: clubs[2]!.id, shirtNumber: 5 }),
    );
    await admin.req('PUT', `/api/admin/seasons/${season.id}/roster/${player.id}`, {});
    expect((await admin.req('DELETE', `/api/admin/seasons/${season.id}/participants/${clubs[2]!.id}`)).status).toBe(
      204,
    );
    expect((await admin.req('GET', `/api/admin/seasons/${season.id}/roster`)).body.entries).toEqual([]);
    const detail = (await admin.req('GET', `/api/admin/seasons/${season.id}`)).body;
    expect(detail.participants.map((p: { club: { id: string } }) => p.club.id)).toEqual([clubs[0]!.id, clubs[1]!.id]);
    expect(detail.groups).toEqual([group]);

    // Activating a season retires the competition's other seasons.
    const { season: next } = await created(
      admin.req('POST', '/api/admin/seasons', {
        competitionId: competition.id,
        name: '2027',
        format: 'round_robin',
        startsOn: '2027-03-01',
      }),
    );
    expect(next).toMatchObject({ active: false, startsOn: '2027-03-01', endsOn: null });
    await admin.req('POST', `/api/admin/seasons/${next.id}/activate`);
    const list = (await admin.req('GET', `/api/admin/seasons?competitionId=${competition.id}`)).body.seasons;
    expect(list.map((x: { name: string; active: boolean }) => [x.name, x.active])).toEqual([
      ['2026', false],
      ['2027', true],
    ]);
    expect(
      (await admin.req('PATCH', `/api/admin/seasons/${next.id}`, { endsOn: '2027-11-30' })).body.season.endsOn,
    ).toBe('2027-11-30');
  });

  it('transfers a player with history, while past statistics stay with the old club', async () => {
    const { season, clubs } = await setUpSeason(admin, { clubs: 2, format: 'round_robin' });
    const [from, to] = clubs;
    const { player } = await created(
      admin.req('POST', '/api/admin/players', {
        firstName: 'Igor',
        lastName: 'Akinfeev',
        birthDate: '1986-04-08',
        position: 'GK',
        clubId: from!.id,
        shirtNumber: 35,
      }),
    );
    expect(player).toMatchObject({ club: { id: from!.id }, shirtNumber: 35, birthDate: '1986-04-08' });
    const entry = await admin.req('PUT', `/api/admin/seasons/${season.id}/roster/${player.id}`, {});
    expect([entry.status, entry.body.entry]).toEqual([
      201,
      { player: expect.objectContaining({ id: player.id }), clubId: from!.id, shirtNumber: 35 },
    ]);
    const op = (await staff(s.app, admin, 'operator')).api;
    const { match } = await created(
      admin.req('POST', '/api/admin/matches', {
        seasonId: season.id,
        homeClubId: from!.id,
        awayClubId: to!.id,
        kickoffAt: '2026-05-01T15:00:00Z',
      }),
    );
    await playMatch(op, match.id, { home: 1, away: 0, scorers: { home: [player.id] } });

    const moved = await created(
      admin.req('POST', `/api/admin/players/${player.id}/transfers`, { toClubId: to!.id, shirtNumber: 1 }),
    );
    expect(moved.player).toMatchObject({ club: { id: to!.id }, shirtNumber: 1 });
    expect(moved.transfer).toMatchObject({ from: { id: from!.id }, to: { id: to!.id } });
    expect(
      (await admin.req('POST', `/api/admin/players/${player.id}/transfers`, { toClubId: to!.id })).body.error.code,
    ).toBe('conflict');
    const history = (await admin.req('GET', `/api/admin/players/${player.id}/transfers`)).body.transfers;
    expect(
      history.map((h: { from: { id: string } | null; to: { id: string } }) => [h.from?.id ?? null, h.to.id]),
    ).toEqual([
      [null, from!.id],
      [from!.id, to!.id],
    ]);
    // Re-finalising the season (an admin re-confirming full time) keeps the goal with the club it was scored for.
    expect((await admin.req('POST', `/api/matches/${match.id}/state`, { status: 'finished' })).status).toBe(200);
    const stats = await s.database.db
      .select()
      .from(t.playerSeasonStats)
      .where(eq(t.playerSeasonStats.personId, Number(player.id)));
    expect(stats.map((r) => [String(r.clubId), r.goals])).toEqual([[from!.id, 1]]);

    // The roster follows only when told, and shirt numbers stay unique per club and season.
    const { player: other } = await created(
      admin.req('POST', '/api/admin/players', {
        firstName: 'Other',
        lastName: 'Keeper',
        clubId: to!.id,
        shirtNumber: 1,
      }),
    );
    await admin.req('PUT', `/api/admin/seasons/${season.id}/roster/${other.id}`, {});
    const clash = await admin.req('PUT', `/api/admin/seasons/${season.id}/roster/${player.id}`, { clubId: to!.id });
    expect([clash.status, clash.body.error.code]).toEqual([409, 'shirt_number_taken']);
    const ok = await admin.req('PUT', `/api/admin/seasons/${season.id}/roster/${player.id}`, {
      clubId: to!.id,
      shirtNumber: 12,
    });
    expect([ok.status, ok.body.entry.clubId, ok.body.entry.shirtNumber]).toEqual([200, to!.id, 12]);
    expect(
      (await admin.req('PUT', `/api/admin/seasons/${season.id}/roster/${player.id}`, { shirtNumber: 1 })).status,
    ).toBe(409);
    const stranger = await created(admin.req('POST', '/api/admin/clubs', { name: 'Outsiders', shortName: 'OUT' }));
    const outside = await admin.req('PUT', `/api/admin/seasons/${season.id}/roster/${player.id}`, {
      clubId: stranger.club.id,
    });
    expect(outside.body.error.code).toBe('not_a_participant');
    expect((await admin.req('DELETE', `/api/admin/seasons/${season.id}/roster/${player.id}`)).status).toBe(204);
    expect((await admin.req('DELETE', `/api/admin/seasons/${season.id}/roster/${player.id}`)).status).toBe(404);

    const edited = await admin.req('PATCH', `/api/admin/players/${player.id}`, { position: null, shirtNumber: 13 });
    expect(edited.body.player).toMatchObject({ position: null, shirtNumber: 13, lastName: 'Akinfeev' });
    const found = await admin.req('GET', `/api/admin/players?q=akinf&clubId=${to!.id}`);
    expect(found.body).toMatchObject({ total: 1, players: [{ id: player.id }] });
  });
});
