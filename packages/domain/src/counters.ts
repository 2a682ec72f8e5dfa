import type { CounterMetric } from '@touchline/contract';

export type Counters = Readonly<Record<CounterMetric, number>>;
export type CounterRefusal = 'stat_below_zero' | 'shots_below_on_target';

export type CounterChange =
  { ok: true; deltas: Partial<Record<CounterMetric, number>> } | { ok: false; refusal: CounterRefusal };

/**
 * A ± on one side's counter: no counter goes below 0 and shots never fall below shots on target, so raising
 * shots on target raises shots with it. The answer is the deltas to add, so concurrent presses can add up.
 */
export function counterChange(current: Counters, metric: CounterMetric, delta: number): CounterChange {
  if (current[metric] + delta < 0) return { ok: false, refusal: 'stat_below_zero' };
  if (metric === 'shots' && current.shots + delta < current.shots_on_target)
    return { ok: false, refusal: 'shots_below_on_target' };
  const raiseShots = metric === 'shots_on_target' && delta > 0;
  return { ok: true, deltas: { [metric]: delta, ...(raiseShots ? { shots: delta } : {}) } };
}

/** The counters after a change, or unchanged when it is refused. */
export function applyCounterChange<T extends Counters>(current: T, metric: CounterMetric, delta: number): T {
  const change = counterChange(current, metric, delta);
  if (!change.ok) return current;
  const next: Record<string, number> = { ...current };
  for (const [m, d] of Object.entries(change.deltas)) next[m] = next[m]! + d;
  return next as T;
}
