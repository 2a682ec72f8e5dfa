import { and, eq, gt, inArray } from 'drizzle-orm';
import type { LineupBody, LineupEntry, LineupRules, Side } from '@touchline/contract';
import { lineupProblems } from '@touchline/domain';
import type { Executor } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import type { WriteContext, WriteStep } from './engine.ts';
import { clubOfSide } from './gate.ts';
import { loadLineup } from '../reads/snapshot.ts';

/** Active suspensions of these players in the match's season. */
export async function suspensionsOf(tx: Executor, seasonId: number, personIds: number[]) {
  if (personIds.length === 0) return [];
  return tx
    .select()
    .from(t.suspensions)
    .where(
      and(
        eq(t.suspensions.seasonId, seasonId),
        inArray(t.suspensions.personId, personIds),
        gt(t.suspensions.matchesRemaining, 0),
      ),
    );
}

/** The lineup rules of the competition a season belongs to. */
export async function lineupRulesOf(ex: Executor, seasonId: number): Promise<LineupRules> {
  const [rules] = await ex
    .select({
      lineupStarters: t.competitions.lineupStarters,
      lineupRequiresGoalkeeper: t.competitions.lineupRequiresGoalkeeper,
      lineupMaxSubstitutes: t.competitions.lineupMaxSubstitutes,
    })
    .from(t.seasons)
    .innerJoin(t.competitions, eq(t.competitions.id, t.seasons.competitionId))
    .where(eq(t.seasons.id, seasonId));
  return rules!;
}

export async function putLineup(
  ctx: WriteContext,
  side: Side,
  body: LineupBody,
): Promise<WriteStep<{ lineup: LineupEntry[] }>> {
  const { tx, match } = ctx;
  if (ctx.replay) return { result: { lineup: await loadLineup(tx, match.id, side) }, changes: [], audit: [] };
  const ids = body.entries.map((e) => Number(e.playerId));
  if (new Set(ids).size !== ids.length) throw new ApiError('duplicate_player', 'A player appears twice');
  const shirts = body.entries.map((e) => e.shirtNumber);
  if (new Set(shirts).size !== shirts.length) throw new ApiError('shirt_number_taken', 'A shirt number appears twice');
  const problems = lineupProblems(body.entries, await lineupRulesOf(tx, match.seasonId));
  if (problems.length) {
    throw new ApiError(problems[0]!.code, 'The lineup breaks the competition’s lineup rules', { problems });
  }
  const clubId = clubOfSide(match, side);
  const roster = ids.length
    ? await tx
        .select({ personId: t.seasonRosters.personId })
        .from(t.seasonRosters)
        .where(
          and(
            eq(t.seasonRosters.seasonId, match.seasonId),
            eq(t.seasonRosters.clubId, clubId),
            inArray(t.seasonRosters.personId, ids),
          ),
        )
    : [];
  const missing = ids.filter((id) => !roster.some((r) => r.personId === id));
  if (missing.length) {
    throw new ApiError('player_not_in_roster', 'Some players are not in the club’s season roster', {
      playerIds: missing.map(String),
    });
  }
  const banned = await suspensionsOf(tx, match.seasonId, ids);
  if (banned.length) {
    throw new ApiError('player_suspended', 'Suspended players cannot be named', {
      players: banned.map((s) => ({
        playerId: String(s.personId),
        reason: s.reason,
        matchesRemaining: s.matchesRemaining,
      })),
    });
  }
  const before = await loadLineup(tx, match.id, side);
  await tx.delete(t.lineups).where(and(eq(t.lineups.matchId, match.id), eq(t.lineups.side, side)));
  if (body.entries.length) {
    await tx.insert(t.lineups).values(
      body.entries.map((e) => ({
        matchId: match.id,
        side,
        personId: Number(e.playerId),
        shirtNumber: e.shirtNumber,
        role: e.role,
        position: e.position ?? null,
      })),
    );
  }
  const lineup = await loadLineup(tx, match.id, side);
  return {
    result: { lineup },
    changes: [{ op: 'updated', entity: 'lineup', id: side, data: { side, entries: lineup } }],
    audit: [{ action: 'update', entity: 'lineup', entityId: `${match.id}:${side}`, before, after: lineup }],
  };
}
