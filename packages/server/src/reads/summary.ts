import { and, asc, eq, gte, inArray, lte, or, type SQL } from 'drizzle-orm';
import { alias, type SelectedFields } from 'drizzle-orm/pg-core';
import type { MatchListQuery, MatchSummary, Score } from '@touchline/contract';
import { decidesTie, type MatchTally, type ReducibleEvent, reduceEvents, scoreOf, shootoutOf } from '@touchline/domain';
import type { Executor } from '../db/client.ts';
import { clubs, competitions, matchEvents, matches, referees, rounds, seasons, ties, venues } from '../db/schema.ts';
import { clubRef, roundRef } from './refs.ts';

const home = alias(clubs, 'home_club');
const away = alias(clubs, 'away_club');

const summaryFields = {
  m: matches,
  competition: { id: competitions.id, name: competitions.name, type: competitions.type },
  rules: { extraTime: competitions.extraTime, awayGoals: competitions.awayGoals },
  round: { id: rounds.id, label: rounds.label, stage: rounds.stage, number: rounds.number },
  tieKind: ties.kind,
  home: { id: home.id, name: home.name, shortName: home.shortName, logoUrl: home.logoUrl },
  away: { id: away.id, name: away.name, shortName: away.shortName, logoUrl: away.logoUrl },
  venue: venues.name,
  referee: referees.name,
};

/** What a summary is made of besides the events, with `extra` columns read in the same statement. */
export function summaryRows<E extends SelectedFields>(db: Executor, extra: E) {
  return db
    .select({ ...summaryFields, ...extra })
    .from(matches)
    .innerJoin(seasons, eq(seasons.id, matches.seasonId))
    .innerJoin(competitions, eq(competitions.id, seasons.competitionId))
    .innerJoin(home, eq(home.id, matches.homeClubId))
    .innerJoin(away, eq(away.id, matches.awayClubId))
    .leftJoin(rounds, eq(rounds.id, matches.roundId))
    .leftJoin(ties, eq(ties.id, matches.tieId))
    .leftJoin(venues, eq(venues.id, matches.venueId))
    .leftJoin(referees, eq(referees.id, matches.refereeId));
}

const baseQuery = (db: Executor) => summaryRows(db, {});

/** A match's row with the names and rules its summary shows. */
export type SummaryRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];
type Row = SummaryRow;

/** The reduced event log (score, shootout, cards) of each match, read in one query. */
export async function talliesOf(db: Executor, ids: number[]): Promise<Map<number, MatchTally>> {
  const byMatch = new Map<number, ReducibleEvent[]>();
  if (ids.length > 0) {
    const rows = await db
      .select({
        matchId: matchEvents.matchId,
        type: matchEvents.type,
        side: matchEvents.side,
        scored: matchEvents.scored,
      })
      .from(matchEvents)
      .where(inArray(matchEvents.matchId, ids))
      .orderBy(asc(matchEvents.id));
    for (const r of rows) byMatch.set(r.matchId, [...(byMatch.get(r.matchId) ?? []), r]);
  }
  return new Map(ids.map((id) => [id, reduceEvents(byMatch.get(id) ?? [])]));
}

const isSecondLeg = (r: Row) => r.tieKind === 'two_legged' && r.m.tieId !== null && r.m.leg === 2;

/** The score of each second leg's first leg (the finished match of its tie with the clubs swapped), for the aggregate. */
async function firstLegsOf(db: Executor, rows: Row[]): Promise<Map<number, Score>> {
  const legs = rows.filter(isSecondLeg);
  const found = new Map<number, Score>();
  if (legs.length === 0) return found;
  const firsts = await db
    .select({ id: matches.id, tieId: matches.tieId, homeClubId: matches.homeClubId })
    .from(matches)
    .where(
      and(
        inArray(
          matches.tieId,
          legs.map((r) => r.m.tieId!),
        ),
        eq(matches.status, 'finished'),
      ),
    );
  const tallies = await talliesOf(
    db,
    firsts.map((f) => f.id),
  );
  for (const r of legs) {
    const first = firsts.find((f) => f.tieId === r.m.tieId && f.id !== r.m.id && f.homeClubId === r.m.awayClubId);
    if (first) found.set(r.m.id, scoreOf(tallies.get(first.id)!));
  }
  return found;
}

function toSummary(row: Row, tally: MatchTally, firstLeg: Score | undefined): MatchSummary {
  const { m } = row;
  const shootout = shootoutOf(tally);
  const decides = decidesTie({
    competitionType: row.competition.type,
    stage: row.round?.stage,
    tieKind: row.tieKind ?? undefined,
    leg: m.leg ?? undefined,
  });
  return {
    id: String(m.id),
    seasonId: String(m.seasonId),
    competition: { id: String(row.competition.id), name: row.competition.name, type: row.competition.type },
    ...(row.round ? { round: roundRef(row.round) } : {}),
    kickoffAt: m.kickoffAt.toISOString(),
    status: m.status,
    ...(m.period && m.status === 'live' ? { period: m.period } : {}),
    ...(m.periodStartedAt && m.status === 'live' ? { periodStartedAt: m.periodStartedAt.toISOString() } : {}),
    homeClub: clubRef(row.home),
    awayClub: clubRef(row.away),
    score: scoreOf(tally),
    ...(shootout ? { shootout } : {}),
    penaltiesAllowed: decides,
    ...(decides ? { knockout: { ...row.rules, ...(firstLeg ? { firstLeg } : {}) } } : {}),
    ...(row.venue ? { venue: row.venue } : {}),
    ...(row.referee ? { referee: row.referee } : {}),
    ...(m.tieId ? { tieId: String(m.tieId) } : {}),
    ...(m.finishedAt ? { finishedAt: m.finishedAt.toISOString() } : {}),
    ...(m.streamUrl ? { streamUrl: m.streamUrl } : {}),
  };
}

export async function listSummaries(db: Executor, q: MatchListQuery & { ids?: number[] }): Promise<MatchSummary[]> {
  const where: SQL[] = [];
  if (q.status) where.push(eq(matches.status, q.status));
  if (q.from) where.push(gte(matches.kickoffAt, new Date(q.from)));
  if (q.to) where.push(lte(matches.kickoffAt, new Date(q.to)));
  if (q.seasonId) where.push(eq(matches.seasonId, Number(q.seasonId)));
  if (q.clubId) {
    const club = Number(q.clubId);
    where.push(or(eq(matches.homeClubId, club), eq(matches.awayClubId, club))!);
  }
  if (q.ids) where.push(inArray(matches.id, q.ids.length ? q.ids : [0]));
  const rows = await baseQuery(db)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(matches.kickoffAt), asc(matches.id));
  const tallies = await talliesOf(
    db,
    rows.map((r) => r.m.id),
  );
  const firstLegs = await firstLegsOf(db, rows);
  return rows.map((r) => toSummary(r, tallies.get(r.m.id)!, firstLegs.get(r.m.id)));
}

/**
 * One match's summary from its events as the caller already read them (a write reads them once for two uses), and
 * from its summary row when the caller read that too (a write reads it with the match's lock, decision 052).
 */
export async function summaryFromEvents(
  db: Executor,
  id: number,
  events: readonly ReducibleEvent[],
  known?: SummaryRow,
): Promise<MatchSummary | undefined> {
  const rows = known ? [known] : await baseQuery(db).where(eq(matches.id, id));
  const firstLegs = await firstLegsOf(db, rows);
  return rows[0] && toSummary(rows[0], reduceEvents(events), firstLegs.get(id));
}

export async function getSummary(db: Executor, id: number): Promise<MatchSummary | undefined> {
  const [summary] = await listSummaries(db, { ids: [id] });
  return summary;
}
