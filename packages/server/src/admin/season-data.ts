import { and, asc, eq } from 'drizzle-orm';
import type { Season } from '@touchline/contract';
import type { Executor } from '../db/client.ts';
import { clubs, groups, rounds, seasonParticipants, seasons } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { clubRef, roundRef } from '../reads/refs.ts';
import { found } from './write.ts';

export const toSeason = (s: typeof seasons.$inferSelect): Season => ({
  id: String(s.id),
  competitionId: String(s.competitionId),
  name: s.name,
  format: s.format,
  startsOn: s.startsOn,
  endsOn: s.endsOn,
  active: s.active,
});

/** The season, locked for the rest of the transaction when `lock` is set; 404 when unknown. */
export async function loadSeason(
  db: Executor,
  id: number | string,
  lock = false,
): Promise<typeof seasons.$inferSelect> {
  const q = db
    .select()
    .from(seasons)
    .where(eq(seasons.id, Number(id)));
  return found((await (lock ? q.for('update') : q))[0], 'season');
}

export const toGroup = (g: typeof groups.$inferSelect) => ({ id: String(g.id), label: g.label });
export const toRound = (r: typeof rounds.$inferSelect) => ({ ...roundRef(r), ordinal: r.ordinal });

export const toParticipant = (p: typeof seasonParticipants.$inferSelect, club: typeof clubs.$inferSelect) => ({
  club: clubRef(club),
  groupId: p.groupId === null ? null : String(p.groupId),
  seed: p.seed,
  pointsDeduction: p.pointsDeduction,
});

export async function listParticipants(db: Executor, seasonId: number) {
  const rows = await db
    .select({ p: seasonParticipants, club: clubs })
    .from(seasonParticipants)
    .innerJoin(clubs, eq(clubs.id, seasonParticipants.clubId))
    .where(eq(seasonParticipants.seasonId, seasonId))
    .orderBy(asc(seasonParticipants.seed), asc(clubs.name));
  return rows.map((r) => toParticipant(r.p, r.club));
}

/** 409 not_a_participant unless the club takes part in the season. */
export async function assertParticipant(db: Executor, seasonId: number, clubId: number) {
  const [p] = await db
    .select({ clubId: seasonParticipants.clubId })
    .from(seasonParticipants)
    .where(and(eq(seasonParticipants.seasonId, seasonId), eq(seasonParticipants.clubId, clubId)));
  if (!p) throw new ApiError('not_a_participant', `Club ${clubId} does not take part in season ${seasonId}`);
}
