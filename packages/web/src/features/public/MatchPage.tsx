import { useTranslation } from 'react-i18next';
import { roundName } from '../../lib/round-name.ts';
import { Link, type PageProps } from '../../lib/router.tsx';
import { ErrorNote, Loading } from '../../ui/Feedback.tsx';
import { FollowButton } from '../../ui/FollowButton.tsx';
import { HyphenatedName } from '../../ui/HyphenatedName.tsx';
import { PredictionCard } from '../predictions/PredictionCard.tsx';
import { Lineups } from './Lineups.tsx';
import { LiveScore } from './LiveScore.tsx';
import { MotmPanel } from './MotmPanel.tsx';
import { ShootoutGrid } from './ShootoutGrid.tsx';
import { StatsBars } from './StatsBars.tsx';
import { StreamPanel } from './StreamPanel.tsx';
import { Timeline } from './Timeline.tsx';
import { useMatchSnapshot } from './use-match-snapshot.ts';
import './public.css';

/** The live match page: score, period and clock, timeline, lineups and statistics, all updating in place. */
export default function MatchPage({ params }: PageProps) {
  const { t, i18n } = useTranslation();
  const { snapshot, error } = useMatchSnapshot(params.id!);
  if (error) return <ErrorNote error={error} />;
  if (!snapshot) return <Loading />;
  const { match } = snapshot;
  return (
    <article className="match-page" aria-labelledby="match-title">
      {/* The page's title for screen readers; sighted fans read the same names in the score block. */}
      <h1 id="match-title" className="visually-hidden">
        {match.homeClub.name} — {match.awayClub.name}
      </h1>
      <p className="muted">
        <Link to={`/seasons/${match.seasonId}`}>{match.competition.name}</Link>
        {match.round ? ` · ${roundName(match.round, i18n.language)}` : ''}
        {match.venue ? ` · ${match.venue}` : ''}
        {match.referee ? ` · ${t('matchPage.referee', { name: match.referee })}` : ''}
      </p>
      <LiveScore snapshot={snapshot} />
      <FollowButton target="match" id={match.id} name={`${match.homeClub.name} — ${match.awayClub.name}`} />
      <ul className="club-links">
        {[match.homeClub, match.awayClub].map((club) => (
          <li key={club.id}>
            <Link to={`/clubs/${club.id}`}>
              <HyphenatedName name={club.name} />
            </Link>
            <FollowButton target="club" id={club.id} name={club.name} />
          </li>
        ))}
      </ul>
      <PredictionCard match={match} />
      <StreamPanel match={match} />
      {match.status === 'finished' && <MotmPanel match={match} />}
      <ShootoutGrid snapshot={snapshot} />
      <Timeline snapshot={snapshot} />
      <StatsBars stats={snapshot.stats} />
      <Lineups snapshot={snapshot} />
    </article>
  );
}
