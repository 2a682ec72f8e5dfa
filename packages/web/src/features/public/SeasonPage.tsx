import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Standings } from '@touchline/contract';
import type { PageProps } from '../../routes.ts';
import { applyListPatch } from '../../lib/match-list.ts';
import { Link } from '../../lib/router.tsx';
import { api } from '../../lib/services.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useTopic } from '../../lib/use-topic.ts';
import { ErrorNote, Loading } from '../../ui/Feedback.tsx';
import { RoundList } from './RoundList.tsx';
import { StandingsTable } from './StandingsTable.tsx';
import './public.css';

const isStandings = (data: unknown): data is Standings =>
  typeof data === 'object' && data !== null && Array.isArray((data as Standings).groups);

/** Standings and fixtures of a season, kept live by `season:{id}`. */
export default function SeasonPage({ params }: PageProps) {
  const { t } = useTranslation();
  const id = params.id!;
  const standings = useAsync(() => api.standings(id), [id]);
  const fixtures = useAsync(() => api.matches({ seasonId: id }), [id]);
  const snapshots = useRef(0);

  useTopic(`season:${id}`, {
    // The first snapshot repeats what REST just gave; a later one means changes were missed while away.
    onSnapshot: () => {
      if (snapshots.current++ === 0) return;
      standings.reload();
      fixtures.reload();
    },
    onPatch: (frame) => {
      for (const change of frame.changes) {
        if (change.entity !== 'standings') continue;
        if (isStandings(change.data)) standings.mutate(() => change.data as Standings);
        else standings.reload();
      }
      if (frame.changes.some((c) => c.entity === 'match'))
        fixtures.mutate((list) => ({ matches: applyListPatch(list.matches, frame) }));
    },
  });

  return (
    <div className="season">
      <h1>{t('season.title')}</h1>
      <p>
        <Link to={`/seasons/${id}/bracket`}>{t('season.bracket')}</Link>
      </p>
      <section aria-labelledby="table-title">
        <h2 id="table-title">{t('season.table')}</h2>
        {standings.error && <ErrorNote error={standings.error} onRetry={standings.reload} />}
        {standings.data ? <StandingsTable standings={standings.data} /> : !standings.error && <Loading />}
      </section>
      <section aria-labelledby="fixtures-title">
        <h2 id="fixtures-title">{t('season.fixtures')}</h2>
        {fixtures.error && <ErrorNote error={fixtures.error} onRetry={fixtures.reload} />}
        {fixtures.data ? <RoundList matches={fixtures.data.matches} /> : !fixtures.error && <Loading />}
      </section>
    </div>
  );
}
