import { and, eq, inArray, isNull, max, notInArray, or } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AdminIdParams, FixturesAnswer, PlayoffsBody } from '@touchline/contract';
import { knockoutFromGroups, scheduleRounds } from '@touchline/domain';
import type { Tx } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { createBracket } from '../league/bracket.ts';
import { computeStandings } from '../league/standings.ts';
import { announceFixtures, planningZone } from './fixtures.ts';
import { loadSeason } from './season-data.ts';
import { adminWrite } from './write.ts';

const WITH_PLAYOFF: (typeof t.seasons.$inferSelect)['format'][] = ['round_robin_playoff', 'groups_knockout'];

/** The playoff's clubs, best seed first: the top of the final table, or the top of each group, crossed. */
async function qualifiers(tx: Tx, seasonId: number, perTable: number): Promise<number[]> {
  const [unfinished] = await tx
    .select({ id: t.matches.id })
    .from(t.matches)
    .leftJoin(t.rounds, eq(t.rounds.id, t.matches.roundId))
    .where(
      and(
        eq(t.matches.seasonId, seasonId),
        isNull(t.matches.tieId),
        or(isNull(t.rounds.stage), inArray(t.rounds.stage, ['league', 'group'])),
        notInArray(t.matches.status, ['finished', 'cancelled']),
      ),
    )
    .limit(1);
  if (unfinished) {
    throw new ApiError('standings_not_final', 'Table matches are still to be played', {
      matchId: String(unfinished.id),
    });
  }
  const tables = (await computeStandings(tx, seasonId))!.groups.map((g) => g.rows.map((r) => Number(r.club.id)));
  if (tables.some((rows) => rows.length < perTable)) {
    throw new ApiError('bad_request', `A table has fewer than ${perTable} clubs`);
  }
  const seeded =
    tables.length > 1
      ? knockoutFromGroups(
          tables.map((rows) => rows.map(String)),
          perTable,
        ).map(Number)
      : tables[0]!.slice(0, perTable);
  if (seeded.length < 2) throw new ApiError('not_enough_clubs', 'A playoff needs at least two clubs');
  return seeded;
}

/** Playoffs from the final standings: a bracket in new playoff rounds after the table rounds. */
export const playoffRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/seasons/:id/playoffs',
    { schema: { params: AdminIdParams, body: PlayoffsBody, tags: ['admin'], response: { 201: FixturesAnswer } } },
    async (req, reply) => {
      const b = req.body;
      const out = await adminWrite(req, async (w) => {
        const season = await loadSeason(w.tx, req.params.id, true);
        if (!WITH_PLAYOFF.includes(season.format)) {
          throw new ApiError('conflict', `A ${season.format} season has no playoff`);
        }
        const [playoff] = await w.tx
          .select({ id: t.rounds.id })
          .from(t.rounds)
          .where(and(eq(t.rounds.seasonId, season.id), eq(t.rounds.stage, 'playoff')))
          .limit(1);
        if (playoff) throw new ApiError('playoffs_exist', 'The season has a playoff already');
        const seeded = await qualifiers(w.tx, season.id, b.qualifiers);
        const timeZone = await planningZone(w.tx, season, app.config.timezone);
        const [first] = scheduleRounds({ ...b, timeZone, rounds: 1 });
        const [last] = await w.tx
          .select({ n: max(t.rounds.ordinal) })
          .from(t.rounds)
          .where(eq(t.rounds.seasonId, season.id));
        const table = await w.tx.select({ id: t.matches.id }).from(t.matches).where(eq(t.matches.seasonId, season.id));
        const { ties, roundStarts } = await createBracket(w.tx, {
          seasonId: season.id,
          seeded,
          kind: b.tieKind,
          bestOf: b.bestOf ?? null,
          firstKickoff: new Date(first!),
          timeZone,
          firstOrdinal: (last?.n ?? 0) + 1,
        });
        const known = new Set(table.map((m) => String(m.id)));
        return announceFixtures(
          w,
          season,
          { ties, kickoffs: roundStarts, timeZone, known },
          { action: 'create_playoffs', after: () => ({ ...b, seeded: seeded.map(String), ties }) },
        );
      });
      return reply.code(201).send(out);
    },
  );
};
