import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Side } from '@touchline/contract';
import { otherSide, type ShootoutCount, shootoutWinner } from '@touchline/domain';
import { type Api, signInAdmin } from './api.ts';
import { type DbKind, startTestServer, type TestServer } from './helpers.ts';

/** Shared steps of the admin tests: a league set up through /api/admin, and matches played through the match API. */

/** A server on a fresh database of `kind` for the enclosing describe block; `ready` gets it and its signed-in admin. */
export function adminServer(kind: DbKind, ready: (s: TestServer, admin: Api) => void) {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(kind);
    ready(server, await signInAdmin(server.app));
  });
  afterAll(() => server?.close());
}

export async function created(res: ReturnType<Api['req']>) {
  const r = await res;
  if (r.status !== 201) throw new Error(`expected 201, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A competition, `clubs` clubs seeded 1…n, and an active season with all of them taking part. */
export async function setUpSeason(
  admin: Api,
  opts: { clubs: number; format: string; type?: 'league' | 'cup'; competition?: object },
) {
  const { competition } = await created(
    admin.req('POST', '/api/admin/competitions', {
      name: `Competition ${Math.random().toString(36).slice(2, 7)}`,
      type: opts.type ?? 'league',
      ...opts.competition,
    }),
  );
  const clubs: { id: string; name: string; shortName: string }[] = [];
  for (let i = 0; i < opts.clubs; i++) {
    const letter = String.fromCharCode(65 + i);
    const { club } = await created(
      admin.req('POST', '/api/admin/clubs', { name: `Football Club ${letter}`, shortName: `FC${letter}` }),
    );
    clubs.push(club);
  }
  const { season } = await created(
    admin.req('POST', '/api/admin/seasons', { competitionId: competition.id, name: '2026', format: opts.format }),
  );
  expect((await admin.req('POST', `/api/admin/seasons/${season.id}/activate`)).status).toBe(200);
  for (const [i, club] of clubs.entries()) {
    const res = await admin.req('PUT', `/api/admin/seasons/${season.id}/participants/${club.id}`, { seed: i + 1 });
    expect(res.status).toBe(200);
  }
  return { competition, season, clubs };
}

/** A shootout's kicks in turn, home first, each side scoring until it reaches `target`, until it is decided. */
export function shootoutKicks(target: { home: number; away: number }) {
  if (target.home === target.away) throw new Error('a shootout has a winner');
  const count: ShootoutCount = { home: { taken: 0, scored: 0 }, away: { taken: 0, scored: 0 } };
  const kicks: { side: Side; scored: boolean }[] = [];
  for (let side: Side = 'home'; shootoutWinner(count) === null; side = otherSide(side)) {
    const scored = count[side].scored < target[side];
    count[side] = { taken: count[side].taken + 1, scored: count[side].scored + (scored ? 1 : 0) };
    kicks.push({ side, scored });
  }
  return kicks;
}

/** Plays a match start to finish: goals by side (scorer unknown unless given), then a shootout when asked for. */
export async function playMatch(
  api: Api,
  matchId: string,
  goals: { home: number; away: number; scorers?: { home?: string[]; away?: string[] } },
  shootout?: { home: number; away: number },
) {
  const ok = async (method: 'POST', url: string, body: object) => {
    const res = await api.req(method, url, body);
    if (res.status >= 300)
      throw new Error(`${url} ${JSON.stringify(body)} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const state = (body: object) => ok('POST', `/api/matches/${matchId}/state`, body);
  const event = (body: object) => ok('POST', `/api/matches/${matchId}/events`, body);
  await state({ status: 'live' });
  for (const side of ['home', 'away'] as const) {
    for (let g = 0; g < goals[side]; g++) {
      const playerId = goals.scorers?.[side]?.[g];
      await event({ type: 'goal', side, minute: 10 + g, ...(playerId ? { playerId } : {}) });
    }
  }
  await state({ period: 'half_time' });
  await state({ period: 'second_half' });
  if (shootout) {
    await state({ period: 'penalties' });
    for (const kick of shootoutKicks(shootout)) await event({ type: 'shootout_kick', minute: 90, ...kick });
  }
  return state({ status: 'finished' });
}

export async function standings(app: FastifyInstance, seasonId: string) {
  return (await app.inject({ method: 'GET', url: `/api/seasons/${seasonId}/standings` })).json();
}
