import { useEffect, useRef, useState } from 'react';
import type { MatchEvent } from '@touchline/contract';
import { isScoring } from '@touchline/domain';

/** How long a goal that arrived live stays highlighted: the timeline row, the score's pulse and the GOAL line. */
export const FRESH_GOAL_MS = 6000;

/**
 * Goals that arrived after the page opened, in arrival order. Each ends on its own timer, kept outside the effect:
 * a later change to the events (an assist added to that goal) must not cancel the end of a highlight.
 */
export function useFreshGoals(events: MatchEvent[]): readonly string[] {
  const seen = useRef<Set<string>>(undefined);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const [fresh, setFresh] = useState<readonly string[]>([]);
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);
  useEffect(() => {
    const goals = events.filter((e) => isScoring(e.type)).map((e) => e.id);
    if (!seen.current) {
      seen.current = new Set(goals);
      return;
    }
    const arrived = goals.filter((id) => !seen.current!.has(id));
    if (arrived.length === 0) return;
    for (const id of arrived) {
      seen.current.add(id);
      const end = () => {
        timers.current.delete(id);
        setFresh((prev) => prev.filter((f) => f !== id));
      };
      timers.current.set(id, setTimeout(end, FRESH_GOAL_MS));
    }
    setFresh((prev) => [...prev, ...arrived]);
  }, [events]);
  return fresh;
}
