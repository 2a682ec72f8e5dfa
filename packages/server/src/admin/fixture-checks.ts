import { and, eq, gte, inArray, lte, ne, or } from 'drizzle-orm';
import type { FixtureWarning, MatchSummary } from '@touchline/contract';
import { doubleBookings, MATCH_SLOT_MINUTES, outsideSeason, planStart, wallClockOf } from '@touchline/domain';
import type { Tx } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';

type Season = typeof t.seasons.$inferSelect;

/** The date a generation plans from: the one given, else the season's start; 400 first_date_required without both. */
export function firstDateOf(season: Season, requested: string | undefined): string {
  const date = planStart(season, requested);
  if (date === undefined) {
    throw new ApiError('first_date_required', 'The season has no start date: give firstDate', {
      issues: [{ path: '/firstDate', message: 'required: the season has no start date' }],
    });
  }
  return date;
}

/** 400 fixtures_outside_season when a planned kick-off falls, on the league's calendar, outside the season. */
export function assertInsideSeason(season: Season, kickoffs: readonly string[], timeZone: string) {
  const outside = outsideSeason(
    season,
    kickoffs.map((iso) => wallClockOf(iso, timeZone).date),
  );
  if (!outside) return;
  const side = outside.bound === 'startsOn' ? 'before the season starts' : 'after the season ends';
  throw new ApiError('fixtures_outside_season', `A round would be played on ${outside.date}, ${side}`, {
    ...outside,
    startsOn: season.startsOn,
    endsOn: season.endsOn,
  });
}

/** Each new match that puts a club on the pitch while it plays another one, new or booked in any competition. */
export async function doubleBookingWarnings(tx: Tx, created: readonly MatchSummary[]): Promise<FixtureWarning[]> {
  if (created.length === 0) return [];
  const clubIds = [...new Set(created.flatMap((m) => [Number(m.homeClub.id), Number(m.awayClub.id)]))];
  const times = created.map((m) => Date.parse(m.kickoffAt));
  const slot = MATCH_SLOT_MINUTES * 60_000;
  const others = await tx
    .select({
      id: t.matches.id,
      home: t.matches.homeClubId,
      away: t.matches.awayClubId,
      kickoffAt: t.matches.kickoffAt,
      seasonId: t.matches.seasonId,
      competition: t.competitions.name,
    })
    .from(t.matches)
    .innerJoin(t.seasons, eq(t.seasons.id, t.matches.seasonId))
    .innerJoin(t.competitions, eq(t.competitions.id, t.seasons.competitionId))
    .where(
      and(
        or(inArray(t.matches.homeClubId, clubIds), inArray(t.matches.awayClubId, clubIds)),
        gte(t.matches.kickoffAt, new Date(Math.min(...times) - slot)),
        lte(t.matches.kickoffAt, new Date(Math.max(...times) + slot)),
        ne(t.matches.status, 'cancelled'),
      ),
    );
  const createdIds = new Set(created.map((m) => m.id));
  const existing = others.filter((o) => !createdIds.has(String(o.id)));
  const clashes = doubleBookings(
    created.map((m) => ({ id: m.id, clubs: [m.homeClub.id, m.awayClub.id], kickoffAt: m.kickoffAt })),
    existing.map((o) => ({
      id: String(o.id),
      clubs: [String(o.home), String(o.away)],
      kickoffAt: o.kickoffAt.toISOString(),
    })),
  );
  const byId = new Map(created.map((m) => [m.id, m]));
  const otherOf = (id: string) => {
    const o = existing.find((x) => String(x.id) === id);
    if (o)
      return { id, kickoffAt: o.kickoffAt.toISOString(), seasonId: String(o.seasonId), competition: o.competition };
    const m = byId.get(id)!;
    return { id, kickoffAt: m.kickoffAt, seasonId: m.seasonId, competition: m.competition.name };
  };
  return clashes.map((c) => {
    const match = byId.get(c.matchId)!;
    return {
      code: 'club_double_booked' as const,
      club: match.homeClub.id === c.clubId ? match.homeClub : match.awayClub,
      match: { id: match.id, kickoffAt: match.kickoffAt },
      other: otherOf(c.otherMatchId),
    };
  });
}
