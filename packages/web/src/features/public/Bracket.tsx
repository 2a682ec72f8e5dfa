import { useTranslation } from 'react-i18next';
import type { BracketAnswer, BracketTie } from '@touchline/contract';
import { roundName } from '../../lib/round-name.ts';
import { Link } from '../../lib/router.tsx';
import { HyphenatedName } from '../../ui/HyphenatedName.tsx';

function Tie({ tie }: { tie: BracketTie }) {
  const { t } = useTranslation();
  const clubs = [tie.homeClub, tie.awayClub] as const;
  return (
    <li className="tie" data-testid="bracket-tie">
      {clubs.map((club, i) => (
        <div key={i} className={club && club.id === tie.winnerClubId ? 'tie-club winner' : 'tie-club'}>
          <span>{club ? <HyphenatedName name={club.name} /> : t('bracket.tbd')}</span>
          {tie.aggregate && <span className="tie-score">{i === 0 ? tie.aggregate.home : tie.aggregate.away}</span>}
        </div>
      ))}
      <ul className="tie-matches">
        {tie.matches.map((m) => (
          <li key={m.id}>
            <Link to={`/matches/${m.id}`}>
              {m.status === 'scheduled'
                ? t('status.scheduled')
                : `${m.score.home}:${m.score.away}${m.shootout ? ` (${m.shootout.home}:${m.shootout.away})` : ''}`}
            </Link>
          </li>
        ))}
      </ul>
    </li>
  );
}

/** The playoff bracket: one column per round, scrolling sideways on a phone; `level` is its rounds' heading level. */
export function Bracket({ data, level = 2 }: { data: BracketAnswer; level?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const Heading = level === 2 ? 'h2' : 'h3';
  if (data.rounds.length === 0) return <p className="muted">{t('bracket.empty')}</p>;
  return (
    <div className="bracket" data-testid="bracket">
      {data.rounds.map((r) => (
        <section key={r.id} className="bracket-round" aria-label={roundName(r, i18n.language)}>
          <Heading>{roundName(r, i18n.language)}</Heading>
          <ul>
            {r.ties.map((tie) => (
              <Tie key={tie.id} tie={tie} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
