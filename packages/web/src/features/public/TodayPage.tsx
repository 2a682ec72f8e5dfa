import { useTranslation } from 'react-i18next';
import type { MatchSummary } from '@touchline/contract';
import { api } from '../../lib/services.ts';
import { leagueDay } from '../../lib/time.ts';
import { useLiveList } from '../../lib/use-live-list.ts';
import { Loading } from '../../ui/Feedback.tsx';
import { FollowButton } from '../../ui/FollowButton.tsx';
import { MatchCard } from '../../ui/MatchCard.tsx';
import { NewsList } from './NewsList.tsx';
import './public.css';

const isToday = (m: MatchSummary) => leagueDay(m.kickoffAt) === leagueDay(new Date());
const belongs = (m: MatchSummary) => m.status === 'live' || isToday(m);

async function loadToday(): Promise<MatchSummary[]> {
  const day = leagueDay(new Date());
  // A day in any zone lies within 14 h either side of UTC midnight; isToday trims the rest.
  const midnight = Date.parse(`${day}T00:00:00Z`);
  const [live, today] = await Promise.all([
    api.matches({ status: 'live' }),
    api.matches({
      from: new Date(midnight - 14 * 3_600_000).toISOString(),
      to: new Date(midnight + 38 * 3_600_000).toISOString(),
    }),
  ]);
  return [...live.matches, ...today.matches];
}

function Section({ title, matches, testId }: { title: string; matches: MatchSummary[]; testId: string }) {
  if (matches.length === 0) return null;
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <ul className="match-list" data-testid={testId}>
        {matches.map((m) => (
          <li key={m.id} className="with-follow">
            <MatchCard match={m} to={`/matches/${m.id}`} />
            <FollowButton target="match" id={m.id} name={`${m.homeClub.name} — ${m.awayClub.name}`} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Live matches first, then today's fixtures and results, kept current by the `live` topic. */
export default function TodayPage() {
  const { t } = useTranslation();
  const { matches, failed } = useLiveList(loadToday, belongs);
  return (
    <div className="today">
      <h1>{t('today.title')}</h1>
      {failed && <p role="alert">{t('errors.network_error')}</p>}
      {!matches && !failed && <Loading />}
      {matches && matches.length === 0 && <p className="muted">{t('today.empty')}</p>}
      {matches && (
        <>
          <Section title={t('today.live')} testId="live-matches" matches={matches.filter((m) => m.status === 'live')} />
          <Section
            title={t('today.fixtures')}
            testId="today-matches"
            matches={matches.filter((m) => m.status !== 'live' && isToday(m))}
          />
        </>
      )}
      <NewsList />
    </div>
  );
}
