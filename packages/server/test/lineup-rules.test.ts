import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LineupOptionsAnswer, type MatchSummary } from '@touchline/contract';
import { type Api, signInAdmin, snapshot, staff, todaysMatches } from './api.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';

type Player = LineupOptionsAnswer['roster'][number];
const pick = (starters: Player[], subs: Player[] = []) => ({
  entries: [
    ...starters.map((p) => ({
      playerId: p.playerId,
      shirtNumber: p.shirtNumber,
      role: 'starter',
      position: p.position,
    })),
    ...subs.map((p) => ({
      playerId: p.playerId,
      shirtNumber: p.shirtNumber,
      role: 'substitute',
      position: p.position,
    })),
  ],
});

describe.each(dbKinds)('lineup rules per competition on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  let captain: Api;
  let operator: Api;
  let match: MatchSummary;
  let url: string;
  let keepers: Player[];
  let outfield: Player[];

  beforeAll(async () => {
    s = await startTestServer(kind, { demo: true });
    admin = await signInAdmin(s.app);
    match = (await todaysMatches(s.app)).league[0]!;
    url = `/api/matches/${match.id}/lineups/home`;
    captain = (await staff(s.app, admin, 'captain', { clubId: match.homeClub.id })).api;
    operator = (await staff(s.app, admin, 'operator')).api;
    const options = (await captain.req('GET', `/api/matches/${match.id}/lineup-options/home`)).body;
    const fit = (options as LineupOptionsAnswer).roster.filter((p) => !p.suspended);
    keepers = fit.filter((p) => p.position === 'GK');
    outfield = fit.filter((p) => p.position !== 'GK');
  });
  afterAll(() => s.close());

  /** A refusal changes nothing: the same lineup and seq as before. */
  async function refused(api: Api, body: object, code: string) {
    const before = await snapshot(s.app, match.id);
    const res = await api.req('PUT', url, body);
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 400, code });
    const after = await snapshot(s.app, match.id);
    expect({ seq: after.seq, lineup: after.lineups.home }).toEqual({ seq: before.seq, lineup: before.lineups.home });
    return res.body.error.details;
  }

  it('gives the captain the competition’s rules with the roster, with positions and birth years', async () => {
    const res = await captain.req('GET', `/api/matches/${match.id}/lineup-options/home`);
    expect(LineupOptionsAnswer.safeParse(res.body).success).toBe(true);
    expect(res.body.rules).toEqual({ lineupStarters: 11, lineupRequiresGoalkeeper: true, lineupMaxSubstitutes: 12 });
    expect(keepers.length).toBeGreaterThan(0);
    expect(res.body.roster.every((p: Player) => typeof p.birthYear === 'number' && p.position)).toBe(true);
  });

  it('refuses sixteen starters, and eleven without a goalkeeper, for the captain and the operator alike', async () => {
    const sixteen = [keepers[0]!, ...outfield.slice(0, 15)];
    expect(sixteen).toHaveLength(16);
    expect(await refused(captain, pick(sixteen), 'lineup_starters_count')).toMatchObject({
      problems: [{ code: 'lineup_starters_count', expected: 11, actual: 16 }],
    });
    expect(await refused(operator, pick(outfield.slice(0, 11)), 'lineup_goalkeeper_missing')).toMatchObject({
      problems: [{ code: 'lineup_goalkeeper_missing' }],
    });
    const ok = await captain.req('PUT', url, pick([keepers[0]!, ...outfield.slice(0, 10)], outfield.slice(10, 13)));
    expect(ok.status).toBe(200);
    expect(ok.body.lineup).toHaveLength(14);
  });

  it('follows the rules the admin sets for the competition', async () => {
    const id = match.competition.id;
    const set = await admin.req('PATCH', `/api/admin/competitions/${id}`, {
      lineupStarters: 7,
      lineupRequiresGoalkeeper: false,
      lineupMaxSubstitutes: 2,
    });
    expect(set.status).toBe(200);
    expect(set.body.competition).toMatchObject({ lineupStarters: 7, lineupRequiresGoalkeeper: false });
    expect((await admin.req('GET', `/api/admin/competitions/${id}`)).body.competition.lineupMaxSubstitutes).toBe(2);
    expect(
      await refused(admin, pick(outfield.slice(0, 7), outfield.slice(7, 10)), 'lineup_too_many_substitutes'),
    ).toMatchObject({ problems: [{ code: 'lineup_too_many_substitutes', max: 2, actual: 3 }] });
    const sevens = await captain.req('PUT', url, pick(outfield.slice(0, 7), outfield.slice(7, 9)));
    expect(sevens.status).toBe(200);
    const bad = await admin.req('PATCH', `/api/admin/competitions/${id}`, { lineupStarters: 12 });
    expect({ status: bad.status, code: bad.body.error.code }).toEqual({ status: 400, code: 'bad_request' });
  });
});
