import { useTranslation } from 'react-i18next';
import type { MatchSnapshot } from '@touchline/contract';
import { goalLine } from '../../lib/goal-line.ts';
import { matchTitle } from '../../lib/match-title.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { ScoreBlock } from '../../ui/ScoreBlock.tsx';
import { useFreshGoals } from './use-fresh-goals.ts';

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
  return (
    <>
      {/* Keyed by the latest goal, so a second goal restarts the pulse; the live region stays, to be heard. */}
      <div key={latest?.id ?? ''} className={latest ? 'goal-pulse' : undefined}>
        <ScoreBlock match={match} />
      </div>
      <p className="goal-line" role="status" aria-live="polite" data-testid="goal-line">
        {latest && goalLine(t, snapshot, latest)}
      </p>
    </>
  );
}
