import { useTranslation } from 'react-i18next';
import type { MatchSummary } from '@touchline/contract';
import { roundName } from '../lib/round-name.ts';
import { Link } from '../lib/router.tsx';
import { formatKickoff, formatTime } from '../lib/time.ts';
import { ClubName } from './ClubName.tsx';
import { LiveMinute } from './LiveMinute.tsx';
import { MatchStatus } from './MatchStatus.tsx';

const hasScore = (m: MatchSummary) => m.status === 'live' || m.status === 'finished';

/**
 * Two lines on the shared match grid: clubs and score, then kick-off, status and competition.
 * The middle column has a fixed width, so a long name wraps in its own column and nothing else moves.
 */
export function MatchCard({ match, to }: { match: MatchSummary; to: string }) {
  const { t, i18n } = useTranslation();
  const score = hasScore(match)
    ? `${match.score.home} : ${match.score.away}`
    : formatTime(match.kickoffAt, i18n.language);
  // Named by its visible content, so the words on the card are the words voice control and screen readers use.
  return (
    <Link to={to} className="match-card" data-testid="match-card" data-match-id={match.id}>
      <div className="match-grid">
        <span className="side home">
          <ClubName club={match.homeClub} />
        </span>
        <span className="mid score">
          {score}
          {match.shootout && (
            <small className="shootout-score">
              {t('match.penaltiesShort', { home: match.shootout.home, away: match.shootout.away })}
            </small>
          )}
        </span>
        <span className="side away">
          <ClubName club={match.awayClub} />
        </span>
      </div>
      <div className="match-meta">
        <time dateTime={match.kickoffAt}>{formatKickoff(match.kickoffAt, i18n.language)}</time>
        <MatchStatus match={match} />
        {match.status === 'live' && <LiveMinute match={match} />}
        <span className="muted">
          {match.competition.name}
          {match.round ? ` · ${roundName(match.round, i18n.language)}` : ''}
        </span>
      </div>
    </Link>
  );
}
