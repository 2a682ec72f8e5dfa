import { useTranslation } from 'react-i18next';
import { Link, type PageProps } from '../../lib/router.tsx';
import { api } from '../../lib/services.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useSeasonInfo } from '../../lib/use-season-info.ts';
import { useTopic } from '../../lib/use-topic.ts';
import { ErrorNote, Loading } from '../../ui/Feedback.tsx';
import { Bracket } from './Bracket.tsx';
import './public.css';

/** The playoff bracket of a season, named by its competition and season. */
export default function BracketPage({ params }: PageProps) {
  const { t } = useTranslation();
  const id = params.id!;
  const info = useSeasonInfo(id);
  const { data, error, reload } = useAsync(() => api.bracket(id), [id]);
  // Any fixture or result change in the season can move a tie on.
  useTopic(`season:${id}`, { onSnapshot: () => undefined, onPatch: reload });
  const heading = info
    ? t('fanPages.bracketHeading', { competition: info.competition.name, season: info.season.name })
    : t('bracket.title');
  useDocumentTitle(info ? heading : undefined);
  if (error) return <ErrorNote error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  return (
    <div className="bracket-page">
      <h1>{heading}</h1>
      <p>
        <Link to={`/seasons/${id}`}>{t('season.title')}</Link>
      </p>
      <Bracket data={data} />
    </div>
  );
}
