import { useTranslation } from 'react-i18next';
import type { MatchSummary } from '@touchline/contract';
import { readClock } from '../lib/clock.ts';
import { formatKickoff } from '../lib/time.ts';
import { useNow } from '../lib/use-now.ts';
import { ClubName } from './ClubName.tsx';
import { MatchStatus } from './MatchStatus.tsx';

/** The score on the same grid as the match cards, with status, period and a running clock. */
export function ScoreBlock({ match }: { match: MatchSummary }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const clock = readClock(match, now);
  const started = match.status === 'live' || match.status === 'finished';
  return (
    <section className="score-block" aria-label={t('match.scoreLabel')} data-testid="score-block">
      <div className="match-grid">
        <h2 className="side home">
          <ClubName club={match.homeClub} />
        </h2>
        <div className="mid">
          <output className="big-score" data-testid="score" aria-live="polite">
            {started ? `${match.score.home} : ${match.score.away}` : '– : –'}
          </output>
          {match.shootout && (
            <div className="shootout-score" data-testid="shootout-score">
              {t('match.penaltiesShort', { home: match.shootout.home, away: match.shootout.away })}
            </div>
          )}
        </div>
        <h2 className="side away">
          <ClubName club={match.awayClub} />
        </h2>
      </div>
      <div className="match-meta">
        <MatchStatus match={match} />
        {clock?.display && (
          <span className="clock" data-testid="clock" role="timer" aria-label={t('match.clock')}>
            {clock.display}
          </span>
        )}
        {!started && <time dateTime={match.kickoffAt}>{formatKickoff(match.kickoffAt, i18n.language)}</time>}
      </div>
    </section>
  );
}
