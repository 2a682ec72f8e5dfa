import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MatchList, MatchSnapshot, Standings } from '@touchline/contract';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';

describe.each(dbKinds)('public reads on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind, { demo: true });
  });
  afterAll(() => s.close());

  const get = (url: string, headers: Record<string, string> = {}) => s.app.inject({ method: 'GET', url, headers });

  it('lists matches in the MatchSummary shape, ordered by kick-off, with filters', async () => {
    const res = await get('/api/matches');
    expect(res.statusCode).toBe(200);
    const body = MatchList.parse(res.json());
    expect(body.matches.length).toBeGreaterThan(20);
    const kickoffs = body.matches.map((m) => m.kickoffAt);
    expect([...kickoffs].sort()).toEqual(kickoffs);
    const finished = MatchList.parse((await get('/api/matches?status=finished')).json());
    expect(finished.matches.length).toBeGreaterThan(0);
    expect(finished.matches.every((m) => m.status === 'finished')).toBe(true);
    const club = body.matches[0]!.homeClub.id;
    const byClub = MatchList.parse((await get(`/api/matches?clubId=${club}`)).json());
    expect(byClub.matches.every((m) => m.homeClub.id === club || m.awayClub.id === club)).toBe(true);
    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 6 * 3600_000).toISOString();
    const window = MatchList.parse(
      (await get(`/api/matches?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)).json(),
    );
    expect(window.matches.every((m) => m.kickoffAt >= from && m.kickoffAt <= to)).toBe(true);
  });

  it('returns a MatchSnapshot with epoch and seq', async () => {
    const list = MatchList.parse((await get('/api/matches?status=finished')).json());
    const res = await get(`/api/matches/${list.matches[0]!.id}`);
    expect(res.statusCode).toBe(200);
    const snap = MatchSnapshot.parse(res.json());
    expect(snap.epoch.length).toBeGreaterThan(0);
    expect(snap.seq).toBeGreaterThanOrEqual(0);
    const goals = snap.events.filter((e) => e.type === 'goal' || e.type === 'penalty_goal');
    expect(snap.match.score.home + snap.match.score.away).toBe(goals.length);
    expect(snap.lineups.home.length).toBeGreaterThanOrEqual(11);
  });

  it('returns standings in the contract shape', async () => {
    const list = MatchList.parse((await get('/api/matches?status=finished')).json());
    const res = await get(`/api/seasons/${list.matches[0]!.seasonId}/standings`);
    expect(res.statusCode).toBe(200);
    const st = Standings.parse(res.json());
    const rows = st.groups[0]!.rows;
    expect(rows.map((r) => r.position)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.some((r) => r.played > 0)).toBe(true);
  });

  it('answers If-None-Match with 304 and a changed tag with 200', async () => {
    for (const url of ['/api/matches', '/api/matches/1', '/api/seasons/1/standings']) {
      const first = await get(url);
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"/);
      expect(first.headers['cache-control']).toContain('max-age');
      const again = await get(url, { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect((await get(url, { 'if-none-match': '"stale"' })).statusCode).toBe(200);
    }
  });

  it.each([
    ['/api/matches/abc', 400, 'invalid_id'],
    ['/api/matches/0', 400, 'invalid_id'],
    ['/api/matches/1%27%20or%201=1', 400, 'invalid_id'],
    ['/api/matches/999999', 404, 'not_found'],
    ['/api/seasons/x/standings', 400, 'invalid_id'],
    ['/api/seasons/999999/standings', 404, 'not_found'],
    ['/api/matches?status=nonsense', 400, 'bad_request'],
    ['/api/matches?from=yesterday', 400, 'bad_request'],
    ['/api/matches?seasonId=-1', 400, 'invalid_id'],
    ['/api/nowhere', 404, 'not_found'],
  ])('GET %s → %i %s', async (url, status, code) => {
    const res = await get(url);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(typeof res.json().error.message).toBe('string');
  });
});
