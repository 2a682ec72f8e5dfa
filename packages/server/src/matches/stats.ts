import { and, eq, sql } from 'drizzle-orm';
import { CounterMetric, type SideStats, type StatsBody } from '@touchline/contract';
import { counterChange, type CounterRefusal, type Counters, recordingRefusal } from '@touchline/domain';
import * as t from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import type { WriteContext, WriteStep } from './engine.ts';
import { loadStats } from '../reads/snapshot.ts';

const column = {
  shots: 'shots',
  shots_on_target: 'shotsOnTarget',
  corners: 'corners',
  fouls: 'fouls',
  offsides: 'offsides',
  saves: 'saves',
} as const;

const COUNTER_REFUSED: Record<CounterRefusal, (body: StatsBody, now: Counters) => ApiError> = {
  stat_below_zero: (b, now) =>
    new ApiError('stat_below_zero', `${b.metric} cannot go below 0`, { value: now[b.metric] }),
  shots_below_on_target: (_b, now) =>
    new ApiError('shots_below_on_target', 'Shots cannot be fewer than shots on target', {
      shots_on_target: now.shots_on_target,
    }),
};

/** A ± on a team counter by the domain's counter rule, applied as increments so concurrent presses add up. */
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
  const [row] = await tx.select().from(t.matchStats).where(where);
  const counters = Object.fromEntries(CounterMetric.options.map((m) => [m, row![column[m]]])) as Counters;
  const change = counterChange(counters, body.metric, body.delta);
  if (!change.ok) throw COUNTER_REFUSED[change.refusal](body, counters);
  await tx
    .update(t.matchStats)
    .set(
      Object.fromEntries(
        Object.entries(change.deltas).map(([m, d]) => {
          const c = column[m as CounterMetric];
          return [c, sql`${t.matchStats[c]} + ${d}`];
        }),
      ),
    )
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
        before: { [body.metric]: counters[body.metric] },
        after: { [body.metric]: counters[body.metric] + body.delta, delta: body.delta },
      },
    ],
  };
}
