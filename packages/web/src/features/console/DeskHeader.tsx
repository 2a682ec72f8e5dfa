import { useTranslation } from 'react-i18next';
import { Link } from '../../lib/router.tsx';
import { ConnectionIndicator } from '../../ui/ConnectionIndicator.tsx';
import { ScoreBlock } from '../../ui/ScoreBlock.tsx';
import type { MatchView } from './optimistic.ts';

interface Props {
  view: MatchView;
  backTo: string;
  pending: number;
  outdoor: boolean;
  onToggleOutdoor(): void;
}

/** The desk's sticky top: the way back, the link's health with writes still to send, the theme, and the score. */
export function DeskHeader({ view, backTo, pending, outdoor, onToggleOutdoor }: Props) {
  const { t } = useTranslation();
  return (
    <header className="desk-head">
      <div className="desk-head-bar">
        <Link to={backTo} className="desk-back">
          ← {t('desk.back')}
        </Link>
        <ConnectionIndicator pending={pending} />
        <button
          type="button"
          className="theme-toggle"
          data-testid="outdoor-toggle"
          aria-pressed={outdoor}
          onClick={onToggleOutdoor}
        >
          {t('desk.outdoor')}
        </button>
      </div>
      <ScoreBlock match={view.match} />
    </header>
  );
}
