import { useTranslation } from 'react-i18next';
import { Link, type PageProps } from '../../lib/router.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSeasonInfo } from '../../lib/use-season-info.ts';
import { useSession } from '../../lib/session.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useTopic } from '../../lib/use-topic.ts';
import { ErrorNote, Loading } from '../../ui/Feedback.tsx';
import { LeaderboardTable } from './LeaderboardTable.tsx';
import { predictionsApi } from './predictions-api.ts';
import './predictions.css';

/**
 * A season's predictions leaderboard. It is computed on the server from the settled picks; `season:{id}` says when
 * a settlement moved points (a `predictions` change), and the page reads it again.
 */
export default function LeaderboardPage({ params }: PageProps) {
  const { t } = useTranslation();
  const id = params.id!;
  const token = useSession((s) => s.token);
  const board = useAsync(() => predictionsApi.leaderboard(id), [id, token]);
  const info = useSeasonInfo(id);
  const heading = info
    ? t('predictions.leaderboardHeading', { competition: info.competition.name, season: info.season.name })
    : t('predictions.leaderboardTitle');
  useDocumentTitle(info ? heading : undefined);
  useTopic(`season:${id}`, {
    // A snapshot after a reconnect may follow missed settlements.
    onSnapshot: () => board.reload(),
    onPatch: (frame) => {
      if (frame.changes.some((c) => c.entity === 'predictions')) board.reload();
    },
  });
  return (
    <div className="season">
      <h1>{heading}</h1>
      <p className="button-row">
        <Link to={`/seasons/${id}`}>{t('predictions.backToSeason')}</Link>
      </p>
      {board.error && <ErrorNote error={board.error} onRetry={board.reload} />}
      {board.data ? (
        board.data.entries.length ? (
          <LeaderboardTable entries={board.data.entries} me={board.data.me} />
        ) : (
          <p className="muted">{t('predictions.emptyBoard')}</p>
        )
      ) : (
        !board.error && <Loading />
      )}
    </div>
  );
}
