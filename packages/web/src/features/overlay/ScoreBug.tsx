import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClubRef, MatchSummary } from '@touchline/contract';
import { readClock } from '../../lib/clock.ts';
import { useNow } from '../../lib/use-now.ts';

function Club({ club, colour }: { club: ClubRef; colour: string | undefined }) {
  return (
    <span className="ob-club" style={colour ? ({ '--club': colour } as CSSProperties) : undefined}>
      <abbr title={club.name}>{club.shortName}</abbr>
    </span>
  );
}

/** Short names in the clubs' colours, the score, and the period with the app's running clock (lib/clock.ts). */
export function ScoreBug({ match, colours }: { match: MatchSummary; colours: Record<string, string> }) {
  const { t } = useTranslation();
  const clock = readClock(match, useNow());
  const started = match.status === 'live' || match.status === 'finished';
  const live = match.status === 'live' && match.period;
  return (
    <div className="ob-bug" data-testid="overlay-score-bug">
      <Club club={match.homeClub} colour={colours[match.homeClub.id]} />
      <output className="ob-score" data-testid="overlay-score" aria-label={t('match.scoreLabel')}>
        {started ? `${match.score.home}:${match.score.away}` : '–:–'}
      </output>
      <Club club={match.awayClub} colour={colours[match.awayClub.id]} />
      <span className="ob-time">
        <span data-testid="overlay-period" data-period={match.period ?? match.status}>
          {live ? t(`overlay.period.${match.period}`) : t(`status.${match.status}`)}
        </span>
        {clock?.display && (
          <span className="ob-clock" data-testid="overlay-clock" role="timer" aria-label={t('match.clock')}>
            {clock.display}
          </span>
        )}
      </span>
    </div>
  );
}
