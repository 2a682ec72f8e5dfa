import { and, asc, eq, gte, inArray, or } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id, LineupOptionsAnswer, MatchList, Side } from '@touchline/contract';
import * as t from '../db/schema.ts';
import { admit, clubOfSide, gatedMatch } from '../matches/gate.ts';
import { lineupRulesOf, suspensionsOf } from '../matches/lineups.ts';
import { listSummaries } from '../reads/summary.ts';

const LineupParams = z.object({ id: Id, side: Side });
const tags = ['captain'];

/** What a captain needs to submit a lineup: their club's next matches and the roster with suspensions. */
export const captainRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/captain/matches', { schema: { tags, response: { 200: MatchList } } }, async (req) => {
    const p = await admit(req, 'clubMatches');
    if (!p.clubId) return { matches: [] };
    const club = Number(p.clubId);
    const rows = await app.db
      .select({ id: t.matches.id })
      .from(t.matches)
      .where(
        and(
          or(eq(t.matches.homeClubId, club), eq(t.matches.awayClubId, club)),
          inArray(t.matches.status, ['scheduled', 'live']),
          gte(t.matches.kickoffAt, new Date(Date.now() - 6 * 3600_000)),
        ),
      )
      .orderBy(asc(t.matches.kickoffAt))
      .limit(10);
    return { matches: await listSummaries(app.db, { ids: rows.map((r) => r.id) }) };
  });

  const options = { params: LineupParams, tags, response: { 200: LineupOptionsAnswer } };
  app.get('/matches/:id/lineup-options/:side', { schema: options }, async (req) => {
    const { side } = req.params;
    const p = await admit(req, 'lineupOptions');
    const match = await gatedMatch(app.db, p, Number(req.params.id), { action: 'lineupOptions', side });
    const clubId = clubOfSide(match, side);
    const roster = await app.db
      .select({ r: t.seasonRosters, p: t.persons })
      .from(t.seasonRosters)
      .innerJoin(t.persons, eq(t.persons.id, t.seasonRosters.personId))
      .where(and(eq(t.seasonRosters.seasonId, match.seasonId), eq(t.seasonRosters.clubId, clubId)))
      .orderBy(asc(t.seasonRosters.shirtNumber));
    const banned = await suspensionsOf(
      app.db,
      match.seasonId,
      roster.map((r) => r.p.id),
    );
    return {
      rules: await lineupRulesOf(app.db, match.seasonId),
      roster: roster.map(({ r, p: person }) => {
        const ban = banned.find((b) => b.personId === person.id);
        return {
          playerId: String(person.id),
          firstName: person.firstName,
          lastName: person.lastName,
          shirtNumber: r.shirtNumber,
          ...(person.position ? { position: person.position } : {}),
          ...(person.birthDate ? { birthYear: Number(person.birthDate.slice(0, 4)) } : {}),
          ...(ban ? { suspended: { reason: ban.reason, matchesRemaining: ban.matchesRemaining } } : {}),
        };
      }),
    };
  });
};
