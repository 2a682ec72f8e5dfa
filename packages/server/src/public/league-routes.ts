import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BracketAnswer,
  CalendarText,
  ClubsAnswer,
  CompetitionsAnswer,
  ConfigAnswer,
  Id,
  PublicClubAnswer,
  SeasonPlayers,
} from '@touchline/contract';
import { resolveTie } from '@touchline/domain';
import * as t from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { sendCached } from '../http/etag.ts';
import { clubRef, roundRef } from '../reads/refs.ts';
import { listSummaries } from '../reads/summary.ts';
import { seasonPlayers } from '../league/season-players.ts';
import { sendCalendar } from './calendar.ts';

const IdParams = z.object({ id: Id });
const tags = ['public'];
const calendar = { 200: { content: { 'text/calendar': { schema: CalendarText } } } };

/** Public league reads (docs/protocol.md §4): competitions, brackets, player totals, clubs and iCal feeds. */
export const leagueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/config', { schema: { tags, response: { 200: ConfigAnswer } } }, async (req, reply) =>
    sendCached(
      req,
      reply,
      {
        timezone: app.config.timezone,
        telegram: Boolean(app.config.telegramBotToken),
        judgeWindowHours: app.config.judgeWindowHours,
        vapidPublicKey: app.vapid?.publicKey ?? null,
      },
      60,
    ),
  );

  app.get('/competitions', { schema: { tags, response: { 200: CompetitionsAnswer } } }, async (req, reply) => {
    const comps = await app.db.select().from(t.competitions).orderBy(asc(t.competitions.id));
    const seasons = await app.db.select().from(t.seasons).orderBy(asc(t.seasons.id));
    const competitions = comps.map((c) => ({
      id: String(c.id),
      name: c.name,
      type: c.type,
      seasons: seasons
        .filter((s) => s.competitionId === c.id)
        .map((s) => ({ id: String(s.id), name: s.name, format: s.format, active: s.active })),
    }));
    return sendCached(req, reply, { competitions }, 30);
  });

  app.get(
    '/seasons/:id/players',
    { schema: { params: IdParams, tags, response: { 200: SeasonPlayers } } },
    async (req, reply) => {
      const players = await seasonPlayers(app.db, Number(req.params.id));
      if (!players) throw new ApiError('not_found', 'No such season');
      // Revalidated every time (a 304 is cheap): the season page reads it again the moment a result arrives.
      return sendCached(req, reply, players, 0);
    },
  );

  app.get(
    '/seasons/:id/bracket',
    { schema: { params: IdParams, tags, response: { 200: BracketAnswer } } },
    async (req, reply) => {
      const seasonId = Number(req.params.id);
      const [season] = await app.db
        .select({ awayGoals: t.competitions.awayGoals })
        .from(t.seasons)
        .innerJoin(t.competitions, eq(t.competitions.id, t.seasons.competitionId))
        .where(eq(t.seasons.id, seasonId));
      if (!season) throw new ApiError('not_found', 'No such season');
      const rounds = await app.db
        .select()
        .from(t.rounds)
        .where(eq(t.rounds.seasonId, seasonId))
        .orderBy(asc(t.rounds.ordinal));
      const ties = await app.db
        .select()
        .from(t.ties)
        .where(eq(t.ties.seasonId, seasonId))
        .orderBy(asc(t.ties.bracketPosition), asc(t.ties.id));
      const matches = await listSummaries(app.db, { seasonId: String(seasonId) });
      const clubRows = await app.db.select().from(t.clubs);
      const clubs = new Map(clubRows.map((c) => [String(c.id), clubRef(c)]));
      const body = {
        seasonId: String(seasonId),
        rounds: rounds
          .filter((r) => ties.some((tie) => tie.roundId === r.id))
          .map((r) => ({
            ...roundRef(r),
            ties: ties
              .filter((tie) => tie.roundId === r.id)
              .map((tie) => {
                const games = matches.filter((m) => m.tieId === String(tie.id));
                const finished = games.filter((m) => m.status === 'finished');
                const home = tie.homeClubId ? String(tie.homeClubId) : undefined;
                const away = tie.awayClubId ? String(tie.awayClubId) : undefined;
                const outcome =
                  home && away
                    ? resolveTie(
                        {
                          kind: tie.kind,
                          ...(tie.bestOf ? { bestOf: tie.bestOf } : {}),
                          awayGoals: season.awayGoals,
                          clubA: home,
                          clubB: away,
                        },
                        finished.map((m) => ({
                          homeClubId: m.homeClub.id,
                          awayClubId: m.awayClub.id,
                          homeGoals: m.score.home,
                          awayGoals: m.score.away,
                          ...(m.shootout ? { shootout: m.shootout } : {}),
                          finished: true,
                        })),
                      )
                    : undefined;
                return {
                  id: String(tie.id),
                  kind: tie.kind,
                  ...(tie.bestOf ? { bestOf: tie.bestOf } : {}),
                  ...(home ? { homeClub: clubs.get(home) } : {}),
                  ...(away ? { awayClub: clubs.get(away) } : {}),
                  ...(tie.winnerClubId ? { winnerClubId: String(tie.winnerClubId) } : {}),
                  ...(outcome && finished.length && home && away
                    ? {
                        aggregate: { home: outcome.aggregate[home] ?? 0, away: outcome.aggregate[away] ?? 0 },
                        wins: outcome.wins,
                      }
                    : {}),
                  ...(tie.nextTieId ? { nextTieId: String(tie.nextTieId) } : {}),
                  matches: games,
                };
              }),
          })),
      };
      return sendCached(req, reply, body, 5);
    },
  );

  app.get('/clubs', { schema: { tags, response: { 200: ClubsAnswer } } }, async (req, reply) => {
    const rows = await app.db.select().from(t.clubs).orderBy(asc(t.clubs.name));
    return sendCached(req, reply, { clubs: rows.map(clubBody) }, 30);
  });

  app.get(
    '/clubs/:id',
    { schema: { params: IdParams, tags, response: { 200: PublicClubAnswer } } },
    async (req, reply) => {
      const [club] = await app.db
        .select()
        .from(t.clubs)
        .where(eq(t.clubs.id, Number(req.params.id)));
      if (!club) throw new ApiError('not_found', 'No such club');
      const squad = await app.db
        .select({ p: t.persons, s: t.squadMembers })
        .from(t.squadMembers)
        .innerJoin(t.persons, eq(t.persons.id, t.squadMembers.personId))
        .where(eq(t.squadMembers.clubId, club.id))
        .orderBy(asc(t.squadMembers.shirtNumber));
      return sendCached(
        req,
        reply,
        {
          club: clubBody(club),
          squad: squad
            .filter(({ s }) => s.leftAt === null)
            .map(({ p, s }) => ({
              playerId: String(p.id),
              firstName: p.firstName,
              lastName: p.lastName,
              ...(s.shirtNumber !== null ? { shirtNumber: s.shirtNumber } : {}),
              ...(p.position ? { position: p.position } : {}),
            })),
        },
        30,
      );
    },
  );

  app.get('/clubs/:id/calendar.ics', { schema: { params: IdParams, tags, response: calendar } }, async (req, reply) => {
    const [club] = await app.db
      .select()
      .from(t.clubs)
      .where(eq(t.clubs.id, Number(req.params.id)));
    if (!club) throw new ApiError('not_found', 'No such club');
    return sendCalendar(req, reply, club.name, await listSummaries(app.db, { clubId: String(club.id) }));
  });

  app.get(
    '/seasons/:id/calendar.ics',
    { schema: { params: IdParams, tags, response: calendar } },
    async (req, reply) => {
      const [season] = await app.db
        .select({ name: t.seasons.name, competition: t.competitions.name })
        .from(t.seasons)
        .innerJoin(t.competitions, eq(t.competitions.id, t.seasons.competitionId))
        .where(eq(t.seasons.id, Number(req.params.id)));
      if (!season) throw new ApiError('not_found', 'No such season');
      const name = `${season.competition} ${season.name}`;
      return sendCalendar(req, reply, name, await listSummaries(app.db, { seasonId: req.params.id }));
    },
  );
};

const clubBody = (c: typeof t.clubs.$inferSelect) => ({
  ...clubRef(c),
  ...(c.primaryColor ? { primaryColor: c.primaryColor } : {}),
  ...(c.secondaryColor ? { secondaryColor: c.secondaryColor } : {}),
  ...(c.homeGround ? { homeGround: c.homeGround } : {}),
});
