import { useTranslation } from 'react-i18next';
import type { MatchSnapshot } from '@touchline/contract';
import { EVENT_RULES } from '@touchline/domain';
import { describeEvent, EVENT_ICON, minuteLabel } from '../../lib/event-text.ts';
import { useFreshGoals } from './use-fresh-goals.ts';

/** Home events on the left, away on the right; a comment speaks of the match, so it sits in the middle. */
const place = (e: MatchSnapshot['events'][number]) => (EVENT_RULES[e.type].text ? 'neutral' : e.side);

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
            className={`timeline-item side-${place(e)}${fresh.includes(e.id) ? ' flash' : ''}`}
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
