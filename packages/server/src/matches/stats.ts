import { getTableColumns, sql } from 'drizzle-orm';
import { CounterMetric, type SideStats, type StatsBody } from '@touchline/contract';
import { counterChange, type CounterRefusal, type Counters, recordingRefusal } from '@touchline/domain';
import * as t from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import type { WriteContext, WriteStep } from './engine.ts';
import { buildStats, eventsColumn, foundEvents, loadStats } from '../reads/snapshot.ts';

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

/**
 * A ± on a team counter by the domain's counter rule, checked against the counters read with the match's lock and
 * applied as increments, so concurrent presses add up; the write returns the match's events for the card counts
 * (decision 052).
 */
export async function changeStat(ctx: WriteContext, body: StatsBody): Promise<WriteStep<{ stats: SideStats }>> {
  const { tx, match } = ctx;
  if (ctx.replay) return { result: { stats: await loadStats(tx, match.id) }, changes: [], audit: [] };
  if (recordingRefusal(match.status)) throw new ApiError('match_not_live', 'The match is not live');
  const current = ctx.statsRows.find((r) => r.side === body.side);
  const counters = Object.fromEntries(
    CounterMetric.options.map((m) => [m, current ? current[column[m]] : 0]),
  ) as Counters;
  const change = counterChange(counters, body.metric, body.delta);
  if (!change.ok) throw COUNTER_REFUSED[change.refusal](body, counters);
  const deltas = Object.entries(change.deltas).map(([m, d]) => [column[m as CounterMetric], d] as const);
  const [written] = await tx
    .insert(t.matchStats)
    .values({ matchId: match.id, side: body.side, ...Object.fromEntries(deltas) })
    .onConflictDoUpdate({
      target: [t.matchStats.matchId, t.matchStats.side],
      set: Object.fromEntries(deltas.map(([c, d]) => [c, sql`${t.matchStats[c]} + ${d}`])),
    })
    .returning({ ...getTableColumns(t.matchStats), eventsFound: eventsColumn(match.id) });
  const { eventsFound, ...row } = written!;
  const rows = [...ctx.statsRows.filter((r) => r.side !== body.side), row];
  const stats = buildStats(rows, foundEvents(eventsFound));
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
