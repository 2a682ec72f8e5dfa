import { useTranslation } from 'react-i18next';
import { seasonViews } from '@touchline/domain';
import { applyListPatch } from '../../lib/match-list.ts';
import { Link, type PageProps } from '../../lib/router.tsx';
import { api } from '../../lib/services.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSeasonInfo } from '../../lib/use-season-info.ts';
import { useTopic } from '../../lib/use-topic.ts';
import { ErrorNote, Loading } from '../../ui/Feedback.tsx';
import { Bracket } from './Bracket.tsx';
import { RoundList } from './RoundList.tsx';
import { SeasonPlayersPanel } from './SeasonPlayersPanel.tsx';
import { StandingsTable } from './StandingsTable.tsx';
import './public.css';

/**
 * A season by its format (domain's seasonViews): the table (one per group), then the playoff bracket, then fixtures
 * and scorers. REST for the first paint, then `season:{id}` keeps them current.
 */
export default function SeasonPage({ params }: PageProps) {
  const { t } = useTranslation();
  const id = params.id!;
  const standings = useAsync(() => api.standings(id), [id]);
  const fixtures = useAsync(() => api.matches({ seasonId: id }), [id]);
  const players = useAsync(() => api.seasonPlayers(id), [id]);
  const info = useSeasonInfo(id);
  // A season whose format cannot be told shows its table, as every season did before formats had views.
  const views = info ? seasonViews(info.season.format) : info === null ? { table: true, bracket: false } : undefined;
  const bracket = useAsync(() => (views?.bracket ? api.bracket(id) : Promise.resolve(undefined)), [id, views?.bracket]);
  const heading = info
    ? t('fanPages.seasonHeading', { competition: info.competition.name, season: info.season.name })
    : t('season.title');
  useDocumentTitle(info ? heading : undefined);

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
      if (frame.changes.some((c) => c.entity === 'match')) {
        players.reload();
        if (views?.bracket) bracket.reload();
      }
      fixtures.mutate((list) => ({ matches: applyListPatch(list?.matches ?? [], frame) }));
    },
  });

  return (
    <div className="season">
      <h1>{heading}</h1>
      <p className="button-row">
        {views?.bracket && <Link to={`/seasons/${id}/bracket`}>{t('season.bracket')}</Link>}
        <Link to={`/seasons/${id}/predictions`}>{t('predictions.leaderboard')}</Link>
        <a href={`/api/seasons/${id}/calendar.ics`} download>
          {t('season.calendar')}
        </a>
        <Link to={`/widgets?season=${id}`}>{t('season.embed')}</Link>
      </p>
      {views?.table && (
        <section aria-labelledby="table-title">
          <h2 id="table-title">{t('season.table')}</h2>
          {standings.error && <ErrorNote error={standings.error} onRetry={standings.reload} />}
          {standings.data ? <StandingsTable standings={standings.data} /> : !standings.error && <Loading />}
        </section>
      )}
      {views?.bracket && (
        <section aria-labelledby="bracket-title">
          <h2 id="bracket-title">{t('season.bracket')}</h2>
          {bracket.error && <ErrorNote error={bracket.error} onRetry={bracket.reload} />}
          {bracket.data ? <Bracket data={bracket.data} level={3} /> : !bracket.error && <Loading />}
        </section>
      )}
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
