import { describe, expect, it } from 'vitest';
import { count, eq, like } from 'drizzle-orm';
import * as t from '../src/db/schema.ts';
import { type Api, staff } from './api.ts';
import { adminServer, created, playMatch, setUpSeason } from './admin-setup.ts';
import { dbKinds, type TestServer } from './helpers.ts';
import { RawSocket } from './raw-socket.ts';

const autumn = { firstDate: '2026-10-12', weekday: 0, time: '18:00' };

describe.each(dbKinds)('taking back what an admin set up by mistake on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  adminServer(kind, (server, signedIn) => ([s, admin] = [server, signedIn]));

  const rows = async (table: typeof t.matches | typeof t.rounds | typeof t.ties, seasonId: string) =>
    (
      await s.database.db
        .select({ n: count() })
        .from(table)
        .where(eq(table.seasonId, Number(seasonId)))
    )[0]!.n;
  const audit = async (action: string, entity: string, entityId: string) =>
    s.database.db
      .select()
      .from(t.auditLog)
      .where(eq(t.auditLog.entityId, entityId))
      .then((list) => list.filter((a) => a.action === action && a.entity === entity));

  it('deletes a player registered by mistake, with his club history, but not one in a roster', async () => {
    const { season, clubs } = await setUpSeason(admin, { clubs: 2, format: 'round_robin' });
    const register = async () =>
      (
        await created(
          admin.req('POST', '/api/admin/players', {
            firstName: 'Wrong',
            lastName: 'Entry',
            clubId: clubs[0]!.id,
            shirtNumber: 30,
          }),
        )
      ).player as { id: string };
    const mistake = await register();
    await created(admin.req('POST', `/api/admin/players/${mistake.id}/transfers`, { toClubId: clubs[1]!.id }));
    expect((await admin.req('DELETE', `/api/admin/players/${mistake.id}`)).status).toBe(204);
    expect((await admin.req('GET', `/api/admin/players/${mistake.id}`)).status).toBe(404);
    expect(await audit('delete', 'player', mistake.id)).toEqual([
      expect.objectContaining({ before: expect.objectContaining({ id: mistake.id }), after: null }),
    ]);
    expect((await admin.req('DELETE', `/api/admin/players/${mistake.id}`)).status).toBe(404);

    const rostered = await register();
    await admin.req('PUT', `/api/admin/seasons/${season.id}/roster/${rostered.id}`, {});
    const refused = await admin.req('DELETE', `/api/admin/players/${rostered.id}`);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'in_use']);
    // Nothing of him went: the refusal rolled the whole write back.
    expect((await admin.req('GET', `/api/admin/players/${rostered.id}/transfers`)).body.transfers).toHaveLength(1);
    expect((await admin.req('GET', `/api/admin/players/${rostered.id}`)).body.player).toMatchObject({
      club: { id: clubs[0]!.id },
    });
  });

  it('takes back unplayed fixtures so they can be generated again, telling season followers', async () => {
    const { season } = await setUpSeason(admin, { clubs: 4, format: 'round_robin' });
    const first = await created(
      admin.req('POST', `/api/admin/seasons/${season.id}/fixtures`, { kind: 'round_robin', ...autumn }),
    );
    const ids = (first.matches as { id: string }[]).map((m) => m.id).sort();
    const generate = () =>
      admin.req('POST', `/api/admin/seasons/${season.id}/fixtures`, { kind: 'round_robin', ...autumn });
    expect((await generate()).body.error.code).toBe('fixtures_exist');
    const fan = await RawSocket.welcomed(s.url);
    fan.send({ type: 'subscribe', topic: `season:${season.id}` });
    await fan.next('subscribed');
    await fan.next('snapshot');
    // A match the notification planner has seen (its lineups published) and a fan follows (decision 034).
    const planned = Number(ids[0]);
    const [recipient] = await s.database.db
      .insert(t.notifyRecipients)
      .values({ channel: 'push', endpoint: `https://push.example/${planned}`, kinds: ['lineups'] })
      .returning();
    await s.database.db.insert(t.matchNotifyState).values({ matchId: planned, plannedSeq: 1 });
    await s.database.db.insert(t.follows).values({ recipientId: recipient!.id, target: 'match', targetId: planned });
    await s.database.db.insert(t.notifications).values({
      recipientId: recipient!.id,
      channel: 'push',
      noticeKey: `match:${planned}:w:1`,
      matchId: planned,
      kind: 'lineups',
      payload: {},
      committedAt: new Date(),
    });
    // A fan's pick, made before kick-off (decision 041).
    const [someone] = await s.database.db.select({ id: t.users.id }).from(t.users).limit(1);
    await s.database.db.insert(t.predictions).values({ userId: someone!.id, matchId: planned, result: 'home' });

    expect((await admin.req('DELETE', `/api/admin/seasons/${season.id}/fixtures`)).status).toBe(204);
    for (const table of [t.matchNotifyState, t.notifications, t.predictions]) {
      expect(await s.database.db.select().from(table).where(eq(table.matchId, planned))).toEqual([]);
    }
    expect(await s.database.db.select().from(t.follows).where(eq(t.follows.recipientId, recipient!.id))).toEqual([]);
    const patch = await fan.next('patch');
    const gone = patch.changes.filter((c) => c.entity === 'match' && c.op === 'deleted').map((c) => c.id);
    expect(gone.sort()).toEqual(ids);
    fan.close();
    expect([await rows(t.matches, season.id), await rows(t.rounds, season.id)]).toEqual([0, 0]);
    const topics = await s.database.db
      .select({ n: count() })
      .from(t.changeLog)
      .where(like(t.changeLog.topic, `match:${ids[0]}`));
    expect(topics[0]!.n).toBe(0);
    expect(await audit('delete_fixtures', 'season', season.id)).toEqual([
      expect.objectContaining({ before: { rounds: 3, matches: 6 } }),
    ]);

    // Generation is open again.
    await created(generate());
    expect(await rows(t.matches, season.id)).toBe(6);
  });

  it('keeps fixtures once a match is played, and a season until its fixtures are gone', async () => {
    const { season } = await setUpSeason(admin, { clubs: 2, format: 'knockout', type: 'cup' });
    const op = (await staff(s.app, admin, 'operator')).api;
    const { matches } = await created(
      admin.req('POST', `/api/admin/seasons/${season.id}/fixtures`, { kind: 'knockout', ...autumn }),
    );
    const busy = await admin.req('DELETE', `/api/admin/seasons/${season.id}`);
    expect([busy.status, busy.body.error.code]).toEqual([409, 'fixtures_exist']);
    await playMatch(op, matches[0].id, { home: 1, away: 0 });
    const played = await admin.req('DELETE', `/api/admin/seasons/${season.id}/fixtures`);
    expect([played.status, played.body.error]).toEqual([409, expect.objectContaining({ code: 'in_use' })]);
    expect(played.body.error.details).toEqual({ matchId: matches[0].id });
    expect([await rows(t.matches, season.id), await rows(t.ties, season.id)]).toEqual([1, 1]);
    expect((await admin.req('GET', `/api/seasons/${season.id}/bracket`)).status).toBe(200);
  });

  it('keeps the fixtures of a match called off after kick-off: its events are a record', async () => {
    const { season } = await setUpSeason(admin, { clubs: 2, format: 'round_robin' });
    const op = (await staff(s.app, admin, 'operator')).api;
    const { matches } = await created(
      admin.req('POST', `/api/admin/seasons/${season.id}/fixtures`, { kind: 'round_robin', ...autumn }),
    );
    const id = matches[0].id as string;
    expect((await op.req('POST', `/api/matches/${id}/state`, { status: 'live' })).status).toBe(200);
    expect((await op.req('POST', `/api/matches/${id}/events`, { type: 'goal', side: 'home', minute: 3 })).status).toBe(
      201,
    );
    expect((await admin.req('POST', `/api/admin/matches/${id}/status`, { status: 'cancelled' })).status).toBe(200);
    const refused = await admin.req('DELETE', `/api/admin/seasons/${season.id}/fixtures`);
    expect([refused.status, refused.body.error.code, refused.body.error.details]).toEqual([
      409,
      'in_use',
      { matchId: id },
    ]);
    expect(await rows(t.matches, season.id)).toBe(1);
  });

  it('deletes a season without fixtures, with its participants, groups and rosters', async () => {
    const { season, clubs } = await setUpSeason(admin, { clubs: 2, format: 'round_robin' });
    const { player } = await created(
      admin.req('POST', '/api/admin/players', { firstName: 'Kept', lastName: 'Player', clubId: clubs[0]!.id }),
    );
    await admin.req('PUT', `/api/admin/seasons/${season.id}/roster/${player.id}`, {});
    expect((await admin.req('DELETE', `/api/admin/seasons/${season.id}`)).status).toBe(204);
    expect((await admin.req('GET', `/api/admin/seasons/${season.id}`)).status).toBe(404);
    const left = await s.database.db
      .select({ n: count() })
      .from(t.seasonParticipants)
      .where(eq(t.seasonParticipants.seasonId, Number(season.id)));
    expect(left[0]!.n).toBe(0);
    // The player and the clubs belong to the league, not to the season.
    expect((await admin.req('GET', `/api/admin/players/${player.id}`)).status).toBe(200);
    expect((await admin.req('GET', `/api/admin/clubs/${clubs[0]!.id}`)).status).toBe(200);
    expect(await audit('delete', 'season', season.id)).toHaveLength(1);
  });

  it('deletes a group made by mistake, its clubs back in no group, but not one with matches', async () => {
    const { season, clubs } = await setUpSeason(admin, { clubs: 4, format: 'groups_knockout' });
    const group = async (label: string) =>
      (await created(admin.req('POST', `/api/admin/seasons/${season.id}/groups`, { label }))).group as { id: string };
    const [a, b, mistake] = [await group('A'), await group('B'), await group('Z')];
    const place = (club: { id: string }, g: { id: string }) =>
      admin.req('PUT', `/api/admin/seasons/${season.id}/participants/${club.id}`, { groupId: g.id });
    await place(clubs[3]!, mistake);
    expect((await admin.req('DELETE', `/api/admin/seasons/${season.id}/groups/${mistake.id}`)).status).toBe(204);
    const detail = (await admin.req('GET', `/api/admin/seasons/${season.id}`)).body;
    expect(detail.groups.map((g: { label: string }) => g.label)).toEqual(['A', 'B']);
    const placed = detail.participants.find((p: { club: { id: string } }) => p.club.id === clubs[3]!.id);
    expect(placed.groupId).toBeNull();
    expect(await audit('delete', 'group', mistake.id)).toHaveLength(1);

    // Another season's group is not this season's to delete.
    const other = await setUpSeason(admin, { clubs: 2, format: 'groups_knockout' });
    expect((await admin.req('DELETE', `/api/admin/seasons/${other.season.id}/groups/${a.id}`)).status).toBe(404);

    for (const [i, club] of clubs.entries()) await place(club, i % 2 ? b : a);
    await created(admin.req('POST', `/api/admin/seasons/${season.id}/fixtures`, { kind: 'groups', ...autumn }));
    const busy = await admin.req('DELETE', `/api/admin/seasons/${season.id}/groups/${a.id}`);
    expect([busy.status, busy.body.error.code]).toEqual([409, 'in_use']);
    expect((await admin.req('GET', `/api/admin/seasons/${season.id}`)).body.groups).toHaveLength(2);
  });

  it('refuses removals from anyone but an admin', async () => {
    const op = (await staff(s.app, admin, 'operator')).api;
    const { season } = await setUpSeason(admin, { clubs: 2, format: 'round_robin' });
    for (const url of [`/api/admin/seasons/${season.id}`, `/api/admin/seasons/${season.id}/fixtures`]) {
      expect((await op.req('DELETE', url)).status).toBe(403);
    }
    expect((await admin.req('GET', `/api/admin/seasons/${season.id}`)).status).toBe(200);
  });
});
