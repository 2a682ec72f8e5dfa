import { useTranslation } from 'react-i18next';
import { seasonViews } from '@touchline/domain';
import { Link } from '../../lib/router.tsx';
import { api } from '../../lib/services.ts';
import { useAsync } from '../../lib/use-async.ts';
import { ErrorNote, Loading } from '../../ui/Feedback.tsx';
import './public.css';

/** Every competition and its seasons, active first, leading to tables, fixtures and brackets. */
export default function CompetitionsPage() {
  const { t } = useTranslation();
  const { data, error, reload } = useAsync(() => api.competitions(), []);
  if (error) return <ErrorNote error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  return (
    <div className="competitions">
      <h1>{t('competitions.title')}</h1>
      {data.competitions.length === 0 && <p className="muted">{t('competitions.empty')}</p>}
      {data.competitions.map((c) => (
        <section key={c.id} className="card" aria-labelledby={`competition-${c.id}`}>
          <h2 id={`competition-${c.id}`}>{c.name}</h2>
          <ul className="season-list">
            {[...c.seasons]
              .sort((a, b) => Number(b.active) - Number(a.active))
              .map((s) => (
                <li key={s.id}>
                  <Link to={`/seasons/${s.id}`}>{s.name}</Link>
                  {s.active && <span className="chip chip-current">{t('competitions.active')}</span>}
                  {seasonViews(s.format).bracket && <Link to={`/seasons/${s.id}/bracket`}>{t('season.bracket')}</Link>}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
