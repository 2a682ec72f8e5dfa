import { useTranslation } from 'react-i18next';
import { Link, type PageProps } from '../../lib/router.tsx';
import { api } from '../../lib/services.ts';
import { useSession } from '../../lib/session.ts';
import { useAsync } from '../../lib/use-async.ts';
import { ErrorNote, Loading } from '../../ui/Feedback.tsx';
import { MatchCard } from '../../ui/MatchCard.tsx';
import { LineupEditor } from './LineupEditor.tsx';
import './captain.css';

/** The captain's club's next matches; picking one opens its lineup. */
export default function CaptainPage({ params }: PageProps) {
  const { t } = useTranslation();
  const clubId = useSession((s) => s.user?.clubId);
  const list = useAsync(() => api.captainMatches(), []);
  const selected = list.data?.matches.find((m) => m.id === params.matchId);

  return (
    <div className="captain">
      <h1>{t('captain.title')}</h1>
      {list.error && <ErrorNote error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && !selected && (
        <>
          <p className="muted">{t('captain.pick')}</p>
          {list.data.matches.length === 0 && <p className="muted">{t('captain.empty')}</p>}
          <ul className="match-list">
            {list.data.matches.map((m) => (
              <li key={m.id}>
                <MatchCard match={m} to={`/captain/${m.id}`} />
              </li>
            ))}
          </ul>
        </>
      )}
      {selected && (
        <>
          <Link to="/captain">← {t('captain.back')}</Link>
          {/* Which match this lineup is for: the opponent, the kick-off and the competition. */}
          <MatchCard match={selected} to={`/matches/${selected.id}`} />
          <LineupEditor match={selected} side={selected.homeClub.id === clubId ? 'home' : 'away'} />
        </>
      )}
    </div>
  );
}
