import { and, eq, sql } from 'drizzle-orm';
import type { SideStats, StatsBody } from '@touchline/contract';
import { recordingRefusal } from '@touchline/domain';
import * as t from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import type { WriteContext, WriteStep } from './engine.ts';
import { loadStats } from './snapshot.ts';

const column = {
  shots: 'shots',
  shots_on_target: 'shotsOnTarget',
  corners: 'corners',
  fouls: 'fouls',
  offsides: 'offsides',
  saves: 'saves',
} as const;

/**
 * A ± on a team counter, applied as an increment on the locked row so concurrent presses add up.
 * Shots on target never exceed shots: raising on-target raises shots with it.
 */
export async function changeStat(ctx: WriteContext, body: StatsBody): Promise<WriteStep<{ stats: SideStats }>> {
  const { tx, match } = ctx;
  if (ctx.replay) return { result: { stats: await loadStats(tx, match.id) }, changes: [], audit: [] };
  if (recordingRefusal(match.status)) throw new ApiError('match_not_live', 'The match is not live');
  await tx
    .insert(t.matchStats)
    .values([
      { matchId: match.id, side: 'home' },
      { matchId: match.id, side: 'away' },
    ])
    .onConflictDoNothing();
  const where = and(eq(t.matchStats.matchId, match.id), eq(t.matchStats.side, body.side));
  const [current] = await tx.select().from(t.matchStats).where(where);
  const col = column[body.metric];
  const next = current![col] + body.delta;
  if (next < 0) throw new ApiError('stat_below_zero', `${body.metric} cannot go below 0`, { value: current![col] });
  if (body.metric === 'shots' && next < current!.shotsOnTarget) {
    throw new ApiError('shots_below_on_target', 'Shots cannot be fewer than shots on target', {
      shots_on_target: current!.shotsOnTarget,
    });
  }
  const raiseShots = body.metric === 'shots_on_target' && body.delta > 0;
  await tx
    .update(t.matchStats)
    .set({
      [col]: sql`${t.matchStats[col]} + ${body.delta}`,
      ...(raiseShots ? { shots: sql`${t.matchStats.shots} + ${body.delta}` } : {}),
    })
    .where(where);
  const stats = await loadStats(tx, match.id);
  return {
    result: { stats },
    changes: [{ op: 'updated', entity: 'stats', id: String(match.id), data: stats }],
    audit: [
      {
        action: 'update',
        entity: 'stats',
        entityId: `${match.id}:${body.side}`,
        before: { [body.metric]: current![col] },
        after: { [body.metric]: next, delta: body.delta },
      },
    ],
  };
}
