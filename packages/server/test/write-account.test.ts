import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, signIn, signInAdmin, snapshot, staff, todaysMatches } from './api.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';

/**
 * A match write checks the caller's account inside its transaction (decision 054): a token whose account was
 * deactivated or whose password was reset since is refused with 401 before anything else is said about the match,
 * and changes nothing.
 */
describe.each(dbKinds)('a match write by an account that no longer holds on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  let matchId: string;
  beforeAll(async () => {
    s = await startTestServer(kind, { demo: true });
    admin = await signInAdmin(s.app);
    matchId = (await todaysMatches(s.app)).live[0]!.id;
  });
  afterAll(async () => {
    await s?.close();
  });

  const writes = (id: string) =>
    [
      ['POST', `/api/matches/${id}/events`, { type: 'goal', side: 'home', minute: 30 }],
      ['POST', `/api/matches/${id}/stats`, { side: 'home', metric: 'corners', delta: 1 }],
      ['POST', `/api/matches/${id}/state`, { period: 'second_half' }],
    ] as const;

  async function expectRefused(api: Api) {
    const before = await snapshot(s.app, matchId);
    for (const [method, url, body] of [...writes(matchId), ...writes('999999')]) {
      const res = await api.req(method, url, body);
      expect([url, res.status, res.body.error?.code]).toEqual([url, 401, 'invalid_token']);
    }
    expect(await snapshot(s.app, matchId)).toEqual(before);
  }

  it('refuses a deactivated operator, and a judge asking for what only an operator may do', async () => {
    const op = await staff(s.app, admin, 'operator');
    const judge = await staff(s.app, admin, 'judge');
    expect((await op.api.req('POST', `/api/matches/${matchId}/stats`, writes(matchId)[1][2])).status).toBe(200);
    for (const who of [op, judge]) {
      expect((await admin.req('POST', `/api/admin/users/${who.user.id}/deactivate`)).status).toBe(200);
      await expectRefused(who.api);
    }
  });

  it('refuses a token signed before a password reset, and takes the one signed after', async () => {
    const op = await staff(s.app, admin, 'operator');
    const password = 'a-new-long-password';
    expect((await admin.req('POST', `/api/admin/users/${op.user.id}/password`, { password })).status).toBe(200);
    await expectRefused(op.api);
    const again = await signIn(s.app, op.user.login, password);
    expect((await again.req('POST', `/api/matches/${matchId}/stats`, writes(matchId)[1][2])).status).toBe(200);
    expect((await again.req('POST', '/api/matches/999999/stats', writes(matchId)[1][2])).status).toBe(404);
  });
});
