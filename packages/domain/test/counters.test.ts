import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CounterMetric } from '@touchline/contract';
import { applyCounterChange, counterChange, type Counters } from '../src/counters.ts';

const zero: Counters = { shots: 0, shots_on_target: 0, corners: 0, fouls: 0, offsides: 0, saves: 0 };

describe('counterChange', () => {
  it.each<[string, Partial<Counters>, CounterMetric, number, ReturnType<typeof counterChange>]>([
    ['a corner', {}, 'corners', 1, { ok: true, deltas: { corners: 1 } }],
    ['nothing below 0', {}, 'fouls', -1, { ok: false, refusal: 'stat_below_zero' }],
    ['a shot on target is a shot', {}, 'shots_on_target', 1, { ok: true, deltas: { shots_on_target: 1, shots: 1 } }],
    [
      'lowering on target leaves shots',
      { shots: 2, shots_on_target: 1 },
      'shots_on_target',
      -1,
      { ok: true, deltas: { shots_on_target: -1 } },
    ],
    [
      'shots never below on target',
      { shots: 1, shots_on_target: 1 },
      'shots',
      -1,
      { ok: false, refusal: 'shots_below_on_target' },
    ],
    ['a shot off target', { shots: 2, shots_on_target: 1 }, 'shots', -1, { ok: true, deltas: { shots: -1 } }],
  ])('%s', (_name, current, metric, delta, expected) => {
    expect(counterChange({ ...zero, ...current }, metric, delta)).toEqual(expected);
  });

  it('keeps every counter at 0 or more and shots at least shots on target, whatever is pressed (property)', () => {
    const press = fc.tuple(fc.constantFrom(...CounterMetric.options), fc.constantFrom(1, -1));
    fc.assert(
      fc.property(fc.array(press, { maxLength: 60 }), (presses) => {
        let c: Counters = zero;
        for (const [metric, delta] of presses) {
          const next = applyCounterChange(c, metric, delta);
          // A refused press changes nothing; an accepted one moves its own counter by exactly delta.
          if (counterChange(c, metric, delta).ok) expect(next[metric]).toBe(c[metric] + delta);
          else expect(next).toBe(c);
          c = next;
          for (const m of CounterMetric.options) expect(c[m]).toBeGreaterThanOrEqual(0);
          expect(c.shots).toBeGreaterThanOrEqual(c.shots_on_target);
        }
      }),
    );
  });
});
