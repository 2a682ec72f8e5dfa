import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import * as t from '../src/db/schema.ts';
import { finalizeAfterWrite } from '../src/matches/finalize.ts';
import { type Api, signInAdmin, staff, todaysMatches } from './api.ts';
import { startTestServer, type TestServer } from './helpers.ts';

const EventArb = fc.record({
  type: fc.constantFrom('goal', 'penalty_goal', 'own_goal', 'yellow_card', 'second_yellow', 'red_card'),
  side: fc.constantFrom('home', 'away'),
  minute: fc.integer({ min: 1, max: 90 }),
  player: fc.integer({ min: 0, max: 15 }),
  named: fc.boolean(),
});

type Ev = { type: string; side: 'home' | 'away'; minute: number; player: number; named: boolean };

/**
 * Finalisation is a rebuild: running it again, or correcting a finished match and undoing the
 * correction, leaves standings, player totals, suspensions and ties exactly as they were.
 */
describe('finalisation is idempotent (property, embedded database)', () => {
  let s: TestServer;
  let admin: Api;
  let judge: Api;
  beforeAll(async () => {
    s = await startTestServer('pglite', { demo: true });
    admin = await signInAdmin(s.app);
    judge = (await staff(s.app, admin, 'judge')).api;
  });
  afterAll(() => s.close());

  async function derived(seasonId: string) {
    const db = s.database.db;
    const standings = (await s.app.inject({ method: 'GET', url: `/api/seasons/${seasonId}/standings` })).body;
    const players = await db
      .select()
      .from(t.playerSeasonStats)
      .where(eq(t.playerSeasonStats.seasonId, Number(seasonId)))
      .orderBy(asc(t.playerSeasonStats.personId), asc(t.playerSeasonStats.clubId));
    const bans = (
      await db
        .select()
        .from(t.suspensions)
        .where(eq(t.suspensions.seasonId, Number(seasonId)))
    ).map(({ id: _id, ...rest }) => rest);
    const ties = await db.select().from(t.ties).orderBy(asc(t.ties.id));
    return JSON.stringify({ standings, players, bans, ties });
  }

  it('finalising twice equals finalising once, and a reverted correction changes nothing', async () => {
    const { league } = await todaysMatches(s.app);
    const base = league[0]!;
    await fc.assert(
      fc.asyncProperty(fc.array(EventArb, { maxLength: 8 }), EventArb, async (events, correction) => {
        const created = await admin.req('POST', '/api/admin/matches', {
          seasonId: base.seasonId,
          homeClubId: base.homeClub.id,
          awayClubId: base.awayClub.id,
          kickoffAt: new Date().toISOString(),
        });
        expect(created.status).toBe(201);
        const id = created.body.match.id as string;
        const roster = async (side: 'home' | 'away') =>
          (await admin.req('GET', `/api/matches/${id}/lineup-options/${side}`)).body.roster as { playerId: string }[];
        const players = { home: await roster('home'), away: await roster('away') };
        const body = (e: Ev) => ({
          type: e.type,
          side: e.side,
          minute: e.minute,
          ...(e.named ? { playerId: players[e.side][e.player % players[e.side].length]!.playerId } : {}),
        });
        expect((await admin.req('POST', `/api/matches/${id}/state`, { status: 'live' })).status).toBe(200);
        for (const e of events)
          expect((await admin.req('POST', `/api/matches/${id}/events`, body(e))).status).toBe(201);
        expect((await admin.req('POST', `/api/matches/${id}/state`, { status: 'finished' })).status).toBe(200);
        const once = await derived(base.seasonId);

        await s.database.db.transaction((tx) => finalizeAfterWrite(tx, Number(id), true));
        expect(await derived(base.seasonId)).toBe(once);

        const fix = await judge.req('POST', `/api/matches/${id}/events`, body(correction));
        expect(fix.status).toBe(201);
        expect((await judge.req('DELETE', `/api/matches/${id}/events/${fix.body.event.id}`)).status).toBe(200);
        expect(await derived(base.seasonId)).toBe(once);
      }),
      { numRuns: 12 },
    );
  });
});
