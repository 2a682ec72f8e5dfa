import { useTranslation } from 'react-i18next';
import type { PageProps } from '../../lib/router.tsx';
import { fullName } from '../../lib/names.ts';
import { Link } from '../../lib/router.tsx';
import { api } from '../../lib/services.ts';
import { useAsync } from '../../lib/use-async.ts';
import { ErrorNote, Loading } from '../../ui/Feedback.tsx';
import { FollowButton } from '../../ui/FollowButton.tsx';
import { MatchCard } from '../../ui/MatchCard.tsx';
import { ClubScorers } from './ClubScorers.tsx';
import { NewsList } from './NewsList.tsx';
import './public.css';
import { HyphenatedName } from '../../ui/HyphenatedName.tsx';

/** A club: its squad by shirt number, its scorers this season, and its fixtures and results. */
export default function ClubPage({ params }: PageProps) {
  const { t } = useTranslation();
  const id = params.id!;
  const club = useAsync(() => api.club(id), [id]);
  const fixtures = useAsync(() => api.matches({ clubId: id }), [id]);
  if (club.error) return <ErrorNote error={club.error} onRetry={club.reload} />;
  if (!club.data) return <Loading />;
  const { club: info, squad } = club.data;
  const matches = fixtures.data?.matches ?? [];
  const results = matches.filter((m) => m.status === 'finished').reverse();
  const upcoming = matches.filter((m) => m.status !== 'finished');
  return (
    <article className="club-page" aria-labelledby="club-title">
      <h1 id="club-title">
        <HyphenatedName name={info.name} />
      </h1>
      <FollowButton target="club" id={id} name={info.name} />
      {info.homeGround && <p className="muted">{info.homeGround}</p>}
      <p>
        <a href={`/api/clubs/${id}/calendar.ics`} download>
          {t('club.calendar')}
        </a>
      </p>
      <p>
        <Link to={`/widgets?club=${id}`}>{t('club.embed')}</Link>
      </p>
      <section aria-labelledby="squad-title">
        <h2 id="squad-title">{t('club.squad')}</h2>
        <ul className="squad">
          {[...squad]
            .sort((a, b) => (a.shirtNumber ?? 100) - (b.shirtNumber ?? 100))
            .map((p) => (
              <li key={p.playerId}>
                <span className="shirt">{p.shirtNumber ?? '–'}</span> {fullName(p)}
                {p.position && <small className="muted"> · {p.position}</small>}
              </li>
            ))}
        </ul>
      </section>
      <NewsList clubId={id} />
      <ClubScorers clubId={id} />
      {[
        { key: 'upcoming', list: upcoming },
        { key: 'results', list: results },
      ].map(({ key, list }) =>
        list.length === 0 ? null : (
          <section key={key} aria-label={t(`club.${key}`)}>
            <h2>{t(`club.${key}`)}</h2>
            <ul className="match-list">
              {list.map((m) => (
                <li key={m.id}>
                  <MatchCard match={m} to={`/matches/${m.id}`} />
                </li>
              ))}
            </ul>
          </section>
        ),
      )}
      {fixtures.error && <ErrorNote error={fixtures.error} onRetry={fixtures.reload} />}
    </article>
  );
}
