import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchEvent, MatchSnapshot } from '@touchline/contract';
import { EVENT_RULES, isScoring } from '@touchline/domain';
import { describeEvent, EVENT_ICON, minuteLabel } from '../../lib/event-text.ts';

const FLASH_MS = 6000;

/**
 * Goals that arrived after the page opened, for a brief highlight. Each ends on its own timer, kept outside the
 * effect: a later change to the events (an assist added to that goal) must not cancel the end of a highlight.
 */
function useFreshGoals(events: MatchEvent[]): ReadonlySet<string> {
  const seen = useRef<Set<string>>(undefined);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
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
        setFresh((prev) => new Set([...prev].filter((f) => f !== id)));
      };
      timers.current.set(id, setTimeout(end, FLASH_MS));
    }
    setFresh((prev) => new Set([...prev, ...arrived]));
  }, [events]);
  return fresh;
}

export function Timeline({ snapshot }: { snapshot: MatchSnapshot }) {
  const { t } = useTranslation();
  const fresh = useFreshGoals(snapshot.events);
  // Shootout kicks have no match minute; the shootout grid shows them.
  const events = snapshot.events
    .filter((e) => e.type !== 'shootout_kick')
    .sort((a, b) => b.minute - a.minute || (b.addedTime ?? 0) - (a.addedTime ?? 0) || Number(b.id) - Number(a.id));
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('matchPage.timeline')}</h2>
      {events.length === 0 && <p className="muted">{t('feed.empty')}</p>}
      <ol className="timeline" data-testid="timeline">
        {events.map((e) => (
          <li
            key={e.id}
            className={`timeline-item side-${e.side}${fresh.has(e.id) ? ' flash' : ''}`}
            data-testid="timeline-item"
            data-type={e.type}
          >
            <span className="feed-minute">{minuteLabel(e)}</span>
            <span aria-hidden="true">{EVENT_ICON[e.type]}</span>
            <span>
              {describeEvent(t, snapshot, e)}
              {/* A comment speaks of the match, not of one club. */}
              {!EVENT_RULES[e.type].text && (
                <small className="muted"> · {snapshot.match[e.side === 'home' ? 'homeClub' : 'awayClub'].name}</small>
              )}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
