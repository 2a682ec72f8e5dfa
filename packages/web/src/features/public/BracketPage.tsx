import { useTranslation } from 'react-i18next';
import type { BracketTie } from '@touchline/contract';
import { roundName } from '../../lib/round-name.ts';
import { Link, type PageProps } from '../../lib/router.tsx';
import { api } from '../../lib/services.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useTopic } from '../../lib/use-topic.ts';
import { ErrorNote, Loading } from '../../ui/Feedback.tsx';
import './public.css';

function Tie({ tie }: { tie: BracketTie }) {
  const { t } = useTranslation();
  const clubs = [tie.homeClub, tie.awayClub] as const;
  return (
    <li className="tie" data-testid="bracket-tie">
      {clubs.map((club, i) => (
        <div key={i} className={club && club.id === tie.winnerClubId ? 'tie-club winner' : 'tie-club'}>
          <span>{club ? club.name : t('bracket.tbd')}</span>
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

/** The playoff bracket: one column per round, scrolling sideways on a phone. */
export default function BracketPage({ params }: PageProps) {
  const { t, i18n } = useTranslation();
  const id = params.id!;
  const { data, error, reload } = useAsync(() => api.bracket(id), [id]);
  // Any fixture or result change in the season can move a tie on.
  useTopic(`season:${id}`, { onSnapshot: () => undefined, onPatch: reload });
  if (error) return <ErrorNote error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  return (
    <div className="bracket-page">
      <h1>{t('bracket.title')}</h1>
      <p>
        <Link to={`/seasons/${id}`}>{t('season.title')}</Link>
      </p>
      {data.rounds.length === 0 && <p className="muted">{t('bracket.empty')}</p>}
      <div className="bracket" data-testid="bracket">
        {data.rounds.map((r) => (
          <section key={r.id} className="bracket-round" aria-label={roundName(r, i18n.language)}>
            <h2>{roundName(r, i18n.language)}</h2>
            <ul>
              {r.ties.map((tie) => (
                <Tie key={tie.id} tie={tie} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
