import { useTranslation } from 'react-i18next';
import { applyListPatch } from '../../lib/match-list.ts';
import { Link, type PageProps } from '../../lib/router.tsx';
import { api } from '../../lib/services.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useTopic } from '../../lib/use-topic.ts';
import { ErrorNote, Loading } from '../../ui/Feedback.tsx';
import { RoundList } from './RoundList.tsx';
import { SeasonPlayersPanel } from './SeasonPlayersPanel.tsx';
import { StandingsTable } from './StandingsTable.tsx';
import './public.css';

/** Standings and fixtures of a season: REST for the first paint, then `season:{id}` keeps both current. */
export default function SeasonPage({ params }: PageProps) {
  const { t } = useTranslation();
  const id = params.id!;
  const standings = useAsync(() => api.standings(id), [id]);
  const fixtures = useAsync(() => api.matches({ seasonId: id }), [id]);
  const players = useAsync(() => api.seasonPlayers(id), [id]);

  useTopic(`season:${id}`, {
    onSnapshot: (data) => {
      standings.mutate(() => data.standings);
      fixtures.mutate(() => ({ matches: data.matches }));
    },
    onPatch: (frame) => {
      for (const c of frame.changes) {
        const table = c.entity === 'standings' ? c.data : undefined;
        if (table) standings.mutate(() => table);
      }
      // A result moves the scorers too; they are not in the patch, so they are read again.
      if (frame.changes.some((c) => c.entity === 'match')) players.reload();
      fixtures.mutate((list) => ({ matches: applyListPatch(list?.matches ?? [], frame) }));
    },
  });

  return (
    <div className="season">
      <h1>{t('season.title')}</h1>
      <p className="button-row">
        <Link to={`/seasons/${id}/bracket`}>{t('season.bracket')}</Link>
        <Link to={`/seasons/${id}/predictions`}>{t('predictions.leaderboard')}</Link>
        <a href={`/api/seasons/${id}/calendar.ics`} download>
          {t('season.calendar')}
        </a>
      </p>
      <section aria-labelledby="table-title">
        <h2 id="table-title">{t('season.table')}</h2>
        {standings.error && <ErrorNote error={standings.error} onRetry={standings.reload} />}
        {standings.data ? <StandingsTable standings={standings.data} /> : !standings.error && <Loading />}
      </section>
      {players.error && <ErrorNote error={players.error} onRetry={players.reload} />}
      {players.data && <SeasonPlayersPanel data={players.data} />}
      <section aria-labelledby="fixtures-title">
        <h2 id="fixtures-title">{t('season.fixtures')}</h2>
        {fixtures.error && <ErrorNote error={fixtures.error} onRetry={fixtures.reload} />}
        {fixtures.data ? <RoundList matches={fixtures.data.matches} /> : !fixtures.error && <Loading />}
      </section>
    </div>
  );
}
