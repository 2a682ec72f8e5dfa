import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Standings } from '@touchline/contract';
import { computeTable, type MatchResult, scoreOf, shootoutOf, type TableRules } from '@touchline/domain';
import type { Executor } from '../db/client.ts';
import { clubRef } from '../reads/refs.ts';
import { talliesOf } from '../reads/summary.ts';
import { clubs, competitions, groups, matches, rounds, seasonParticipants, seasons } from '../db/schema.ts';

/** Finished table matches of a season (league and group stages, not playoff ties) with results derived from events. */
async function seasonResults(db: Executor, seasonId: number) {
  const rows = await db
    .select({ m: matches })
    .from(matches)
    .leftJoin(rounds, eq(rounds.id, matches.roundId))
    .where(
      and(
        eq(matches.seasonId, seasonId),
        eq(matches.status, 'finished'),
        isNull(matches.tieId),
        or(isNull(rounds.stage), inArray(rounds.stage, ['league', 'group'])),
      ),
    );
  const tallies = await talliesOf(
    db,
    rows.map((r) => r.m.id),
  );
  return rows.map(({ m }): MatchResult & { groupId: number | null } => {
    const tally = tallies.get(m.id)!;
    const score = scoreOf(tally);
    return {
      groupId: m.groupId,
      homeClubId: String(m.homeClubId),
      awayClubId: String(m.awayClubId),
      homeGoals: score.home,
      awayGoals: score.away,
      shootout: shootoutOf(tally),
      homeCards: tally.home.yellowCards + 3 * tally.home.redCards,
      awayCards: tally.away.yellowCards + 3 * tally.away.redCards,
    };
  });
}

async function tableRulesFor(db: Executor, seasonId: number): Promise<TableRules | undefined> {
  const [c] = await db
    .select({ c: competitions })
    .from(seasons)
    .innerJoin(competitions, eq(competitions.id, seasons.competitionId))
    .where(eq(seasons.id, seasonId));
  if (!c) return undefined;
  return {
    pointsWin: c.c.pointsWin,
    pointsDraw: c.c.pointsDraw,
    pointsLoss: c.c.pointsLoss,
    shootoutPolicy: c.c.shootoutPolicy,
    pointsShootoutWin: c.c.pointsShootoutWin,
    pointsShootoutLoss: c.c.pointsShootoutLoss,
    tieBreakers: c.c.tieBreakers,
  };
}

/** The one standings computation every screen and topic uses. */
export async function computeStandings(db: Executor, seasonId: number): Promise<Standings | undefined> {
  const rules = await tableRulesFor(db, seasonId);
  if (!rules) return undefined;
  const participants = await db
    .select({ p: seasonParticipants, club: clubs })
    .from(seasonParticipants)
    .innerJoin(clubs, eq(clubs.id, seasonParticipants.clubId))
    .where(eq(seasonParticipants.seasonId, seasonId));
  const groupRows = await db.select().from(groups).where(eq(groups.seasonId, seasonId)).orderBy(asc(groups.label));
  const results = await seasonResults(db, seasonId);
  const clubById = new Map(participants.map((p) => [String(p.club.id), p.club]));
  const buckets: { groupId: number | null; label?: string }[] = groupRows.length
    ? groupRows.map((g) => ({ groupId: g.id, label: g.label }))
    : [{ groupId: null }];
  return {
    seasonId: String(seasonId),
    tieBreakers: rules.tieBreakers,
    groups: buckets.map((b) => {
      const members = participants.filter((p) => b.groupId === null || p.p.groupId === b.groupId);
      const table = computeTable(
        members.map((p) => ({ id: String(p.club.id), name: p.club.name, deduction: p.p.pointsDeduction })),
        results.filter((r) => b.groupId === null || r.groupId === b.groupId),
        rules,
      );
      return {
        ...(b.groupId !== null ? { groupId: String(b.groupId), label: b.label } : {}),
        rows: table.map((r) => {
          const club = clubById.get(r.clubId)!;
          return {
            position: r.position,
            club: clubRef(club),
            played: r.played,
            won: r.won,
            drawn: r.drawn,
            lost: r.lost,
            goalsFor: r.goalsFor,
            goalsAgainst: r.goalsAgainst,
            goalDifference: r.goalDifference,
            points: r.points,
            ...(r.deduction ? { deduction: r.deduction } : {}),
          };
        }),
      };
    }),
  };
}
