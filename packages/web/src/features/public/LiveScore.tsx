import { useTranslation } from 'react-i18next';
import type { MatchSnapshot } from '@touchline/contract';
import { minuteLabel } from '../../lib/event-text.ts';
import { findPlayer, playerLabel } from '../../lib/names.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { ScoreBlock } from '../../ui/ScoreBlock.tsx';
import { useFreshGoals } from './use-fresh-goals.ts';

/** "2:1 Home – Away" once the match has started, else the names alone. */
export function matchTitle(match: MatchSnapshot['match']): string {
  const names = `${match.homeClub.name} – ${match.awayClub.name}`;
  const started = match.status === 'live' || match.status === 'finished';
  return started ? `${match.score.home}:${match.score.away} ${names}` : names;
}

/**
 * The score block of the match page, with what makes a goal stand out: the score pulses and a GOAL line names the
 * minute and the scorer for a few seconds (read out by screen readers through a polite live region); the score also
 * rides in the tab's title while the page is open.
 */
export function LiveScore({ snapshot }: { snapshot: MatchSnapshot }) {
  const { t } = useTranslation();
  const { match } = snapshot;
  useDocumentTitle(matchTitle(match));
  const fresh = useFreshGoals(snapshot.events);
  const latest = snapshot.events.find((e) => e.id === fresh.at(-1));
  const scorer = latest && findPlayer(snapshot.lineups, latest.side, latest.playerId);
  return (
    <>
      {/* Keyed by the latest goal, so a second goal restarts the pulse; the live region stays, to be heard. */}
      <div key={latest?.id ?? ''} className={latest ? 'goal-pulse' : undefined}>
        <ScoreBlock match={match} />
      </div>
      <p className="goal-line" role="status" aria-live="polite" data-testid="goal-line">
        {latest &&
          t('fanPages.goal', {
            minute: minuteLabel(latest),
            scorer: scorer ? playerLabel(scorer) : t(`event.${latest.type}`),
            club: match[latest.side === 'home' ? 'homeClub' : 'awayClub'].name,
          })}
      </p>
    </>
  );
}
