import { useEffect, useRef, useState } from 'react';
import type { MatchEvent } from '@touchline/contract';

/** How long an event that arrived live stays highlighted: a goal's pulse and GOAL line, an overlay's card notice. */
export const FRESH_EVENT_MS = 6000;

/**
 * The events of one kind (`counts`, a function defined once, outside the component) that arrived after the page
 * opened, in arrival order. Each ends on its own timer, kept outside the effect: a later change to the events (an
 * assist added to that goal) must not cancel the end of a highlight.
 */
export function useFreshEvents(events: MatchEvent[], counts: (e: MatchEvent) => boolean): readonly string[] {
  const seen = useRef<Set<string>>(undefined);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const [fresh, setFresh] = useState<readonly string[]>([]);
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);
  useEffect(() => {
    const ids = events.filter(counts).map((e) => e.id);
    if (!seen.current) {
      seen.current = new Set(ids);
      return;
    }
    const arrived = ids.filter((id) => !seen.current!.has(id));
    if (arrived.length === 0) return;
    for (const id of arrived) {
      seen.current.add(id);
      const end = () => {
        timers.current.delete(id);
        setFresh((prev) => prev.filter((f) => f !== id));
      };
      timers.current.set(id, setTimeout(end, FRESH_EVENT_MS));
    }
    setFresh((prev) => [...prev, ...arrived]);
  }, [events, counts]);
  return fresh;
}
