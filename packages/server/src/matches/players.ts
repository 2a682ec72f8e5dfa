import { and, eq } from 'drizzle-orm';
import type { Side } from '@touchline/contract';
import type { Executor } from '../db/client.ts';
import { lineups, seasonRosters } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { clubOfSide, type MatchRow } from './gate.ts';

/** The players a side may name: its lineup, or the club's season roster where no lineup was submitted. */
async function eligiblePlayers(tx: Executor, match: MatchRow, side: Side): Promise<Set<number>> {
  const lineup = await tx
    .select({ personId: lineups.personId })
    .from(lineups)
    .where(and(eq(lineups.matchId, match.id), eq(lineups.side, side)));
  if (lineup.length > 0) return new Set(lineup.map((l) => l.personId));
  const roster = await tx
    .select({ personId: seasonRosters.personId })
    .from(seasonRosters)
    .where(and(eq(seasonRosters.seasonId, match.seasonId), eq(seasonRosters.clubId, clubOfSide(match, side))));
  return new Set(roster.map((r) => r.personId));
}

export async function assertPlayersOfSide(
  tx: Executor,
  match: MatchRow,
  side: Side,
  ids: (string | null | undefined)[],
) {
  const named = ids.filter((id): id is string => typeof id === 'string');
  if (named.length === 0) return;
  const allowed = await eligiblePlayers(tx, match, side);
  const missing = named.filter((id) => !allowed.has(Number(id)));
  if (missing.length) {
    throw new ApiError('player_not_in_lineup', `Player ${missing.join(', ')} is not in the ${side} lineup`, {
      side,
      playerIds: missing,
    });
  }
}
