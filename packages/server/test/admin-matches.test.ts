import { describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import * as t from '../src/db/schema.ts';
import { type Api, signIn, snapshot, staff } from './api.ts';
import { adminServer, created, playMatch, setUpSeason } from './admin-setup.ts';
import { dbKinds, TEST_ADMIN, type TestServer } from './helpers.ts';

describe.each(dbKinds)('staff, match management and the audit log on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  adminServer(kind, (server, signedIn) => ([s, admin] = [server, signedIn]));

  it('lists staff, resets a password, deactivates and reactivates an account', async () => {
    const judge = await staff(s.app, admin, 'judge');
    const list = (await admin.req('GET', '/api/admin/users?role=judge')).body.users;
    expect(list).toEqual([expect.objectContaining({ id: judge.user.id, role: 'judge', active: true })]);
    const login = list[0].login as string;

    const beforeReset = await signIn(s.app, login, `pw-${login}-long`);
    const weak = await admin.req('POST', `/api/admin/users/${judge.user.id}/password`, { password: 'short' });
    expect([weak.status, weak.body.error.code]).toEqual([400, 'weak_password']);
    expect(
      (await admin.req('POST', `/api/admin/users/${judge.user.id}/password`, { password: 'a-new-long-password' }))
        .status,
    ).toBe(200);
    await expect(signIn(s.app, login, `pw-${login}-long`)).rejects.toThrow();
    // A reset ends the sessions signed before it (the password may have leaked), not the ones after it.
    const ended = await beforeReset.req('GET', '/api/auth/me');
    expect([ended.status, ended.body.error.code]).toEqual([401, 'invalid_token']);
    const again = await signIn(s.app, login, 'a-new-long-password');
    expect((await again.req('GET', '/api/auth/me')).status).toBe(200);

    const off = await admin.req('POST', `/api/admin/users/${judge.user.id}/deactivate`);
    expect(off.body.user).toMatchObject({ active: false });
    expect((await again.req('GET', '/api/auth/me')).status).toBe(401);
    await expect(signIn(s.app, login, 'a-new-long-password')).rejects.toThrow();
    expect(
      (await admin.req('GET', '/api/admin/users?active=false')).body.users.map((u: { id: string }) => u.id),
    ).toEqual([judge.user.id]);
    expect((await admin.req('POST', `/api/admin/users/${judge.user.id}/reactivate`)).body.user.active).toBe(true);
    expect((await again.req('GET', '/api/auth/me')).status).toBe(200);

    const me = (await admin.req('GET', '/api/auth/me')).body.user;
    expect((await admin.req('POST', `/api/admin/users/${me.id}/deactivate`)).body.error.code).toBe('conflict');
    expect((await admin.req('POST', '/api/admin/users/99999/deactivate')).status).toBe(404);
    const audit = await s.database.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entity, 'user'), eq(t.auditLog.entityId, judge.user.id)))
      .orderBy(asc(t.auditLog.id));
    // Each sign-in is audited too, with its address (docs/decisions/029).
    expect(audit.map((a) => a.action)).toEqual([
      'create',
      'sign_in',
      'sign_in',
      'reset_password',
      'sign_in',
      'deactivate',
      'reactivate',
    ]);
    expect(JSON.stringify(audit)).not.toContain('scrypt');
  });

  it('creates, reschedules, postpones, cancels and reopens matches, always through the match log', async () => {
    const { season, clubs } = await setUpSeason(admin, { clubs: 2, format: 'round_robin' });
    const { venue } = await created(admin.req('POST', '/api/admin/venues', { name: 'Luzhniki' }));
    const { referee } = await created(admin.req('POST', '/api/admin/referees', { name: 'Sergei Karasev' }));
    const body = {
      seasonId: season.id,
      homeClubId: clubs[0]!.id,
      awayClubId: clubs[1]!.id,
      kickoffAt: '2026-06-01T15:00:00Z',
    };
    expect((await admin.req('POST', '/api/admin/matches', { ...body, awayClubId: clubs[0]!.id })).status).toBe(400);
    const outsider = await created(admin.req('POST', '/api/admin/clubs', { name: 'Outsiders', shortName: 'OUT' }));
    expect(
      (await admin.req('POST', '/api/admin/matches', { ...body, awayClubId: outsider.club.id })).body.error.code,
    ).toBe('not_a_participant');
    const { match, seq } = await created(admin.req('POST', '/api/admin/matches', { ...body, venueId: venue.id }));
    expect([match.status, match.venue, seq]).toEqual(['scheduled', 'Luzhniki', 0]);

    const seasonLog = async () =>
      s.database.db
        .select()
        .from(t.changeLog)
        .where(eq(t.changeLog.topic, `season:${season.id}`))
        .orderBy(asc(t.changeLog.seq));
    const logged = (await seasonLog()).length;
    const moved = await admin.req('PATCH', `/api/admin/matches/${match.id}`, {
      kickoffAt: '2026-06-02T16:30:00Z',
      refereeId: referee.id,
      reason: 'pitch booked',
    });
    expect(moved.body).toMatchObject({
      seq: 1,
      match: { kickoffAt: '2026-06-02T16:30:00.000Z', referee: 'Sergei Karasev' },
    });
    const log = await seasonLog();
    expect(log).toHaveLength(logged + 1);
    expect(JSON.stringify(log.at(-1)!.changes)).toContain('2026-06-02T16:30:00.000Z');
    const matchLog = await s.database.db
      .select()
      .from(t.changeLog)
      .where(eq(t.changeLog.topic, `match:${match.id}`));
    expect(matchLog.map((c) => c.seq)).toEqual([1]);
    const before = await snapshot(s.app, match.id);
    expect((await admin.req('PATCH', `/api/admin/matches/${match.id}`, { venueId: '99999' })).status).toBe(404);
    expect((await admin.req('PATCH', `/api/admin/matches/${match.id}`, {})).status).toBe(400);
    expect(await snapshot(s.app, match.id)).toEqual(before);

    const status = (st: string, reason?: string) =>
      admin.req('POST', `/api/admin/matches/${match.id}/status`, { status: st, ...(reason ? { reason } : {}) });
    expect((await status('postponed', 'snow')).body.match.status).toBe('postponed');
    expect((await status('scheduled')).body.match.status).toBe('scheduled');
    const op = (await staff(s.app, admin, 'operator')).api;
    await playMatch(op, match.id, { home: 2, away: 0 });
    const reopenBare = await status('live');
    expect([reopenBare.status, reopenBare.body.error.code]).toEqual([400, 'reason_required']);
    const reopened = await status('live', 'the referee report shows a goal was missed');
    expect(reopened.body.match).toMatchObject({ status: 'live', period: 'second_half', score: { home: 2, away: 0 } });
    expect(
      (await op.req('POST', `/api/matches/${match.id}/events`, { type: 'goal', side: 'away', minute: 70 })).status,
    ).toBe(201);
    expect((await status('finished', 'corrected')).body.match.score).toEqual({ home: 2, away: 1 });
    const [reason] = await s.database.db
      .select()
      .from(t.auditLog)
      .where(
        and(
          eq(t.auditLog.matchId, Number(match.id)),
          eq(t.auditLog.action, 'state'),
          eq(t.auditLog.reason, 'the referee report shows a goal was missed'),
        ),
      );
    expect(reason).toMatchObject({ before: { status: 'finished' }, after: { status: 'live' } });

    const { match: other } = await created(admin.req('POST', '/api/admin/matches', body));
    const cancelled = await admin.req('POST', `/api/admin/matches/${other.id}/status`, {
      status: 'cancelled',
      reason: 'club withdrew',
    });
    expect(cancelled.body.match.status).toBe('cancelled');
    expect((await op.req('POST', `/api/matches/${other.id}/state`, { status: 'live' })).body.error.code).toBe(
      'status_transition_invalid',
    );
  });

  it('pages through the audit log, newest first, by match, actor and time', async () => {
    const { season, clubs } = await setUpSeason(admin, { clubs: 2, format: 'round_robin' });
    const { match } = await created(
      admin.req('POST', '/api/admin/matches', {
        seasonId: season.id,
        homeClubId: clubs[0]!.id,
        awayClubId: clubs[1]!.id,
        kickoffAt: '2026-06-01T15:00:00Z',
      }),
    );
    const op = await staff(s.app, admin, 'operator');
    await op.api.req('POST', `/api/matches/${match.id}/state`, { status: 'live' });
    await op.api.req('POST', `/api/matches/${match.id}/events`, { type: 'goal', side: 'home', minute: 5 });
    await admin.req('PATCH', `/api/admin/matches/${match.id}`, {
      kickoffAt: '2026-06-01T15:05:00Z',
      reason: 'late start',
    });

    const byMatch = (await admin.req('GET', `/api/admin/audit?matchId=${match.id}`)).body;
    expect(byMatch.entries.map((e: { action: string; entity: string }) => `${e.action} ${e.entity}`)).toEqual([
      'reschedule match',
      'create event',
      'state match',
      'create match',
    ]);
    expect(byMatch.entries[0]).toMatchObject({
      actor: { login: TEST_ADMIN.login, role: 'admin' },
      matchId: match.id,
      reason: 'late start',
      before: { kickoffAt: '2026-06-01T15:00:00.000Z' },
    });
    expect(byMatch.nextCursor).toBeNull();
    const byOperator = (await admin.req('GET', `/api/admin/audit?userId=${op.user.id}`)).body.entries;
    expect(byOperator.map((e: { actor: { id: string } }) => e.actor.id)).toEqual([op.user.id, op.user.id, op.user.id]);
    expect(byOperator.map((e: { action: string; entity: string }) => `${e.action} ${e.entity}`)).toEqual([
      'create event',
      'state match',
      'sign_in user',
    ]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { entries: { id: string }[]; nextCursor: string | null } = (
        await admin.req('GET', `/api/admin/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).body;
      expect(page.entries.length).toBeLessThanOrEqual(3);
      seen.push(...page.entries.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await admin.req('GET', '/api/admin/audit?limit=200')).body.entries.map((e: { id: string }) => e.id);
    expect(seen).toEqual(all);
    expect(all.map(Number)).toEqual([...all.map(Number)].sort((a, b) => b - a));

    const future = (await admin.req('GET', `/api/admin/audit?from=${encodeURIComponent('2999-01-01T00:00:00Z')}`)).body;
    expect(future.entries).toEqual([]);
    const past = (await admin.req('GET', `/api/admin/audit?to=${encodeURIComponent('2000-01-01T00:00:00Z')}`)).body;
    expect(past.entries).toEqual([]);
    expect((await admin.req('GET', '/api/admin/audit?limit=201')).status).toBe(400);
    expect((await admin.req('GET', '/api/admin/audit?from=yesterday')).status).toBe(400);
    expect((await op.api.req('GET', '/api/admin/audit')).status).toBe(403);
  });
});
