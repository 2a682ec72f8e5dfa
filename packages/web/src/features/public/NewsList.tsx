import { useTranslation } from 'react-i18next';
import { newsPlainText } from '@touchline/domain';
import { Link } from '../../lib/router.tsx';
import { formatKickoff } from '../../lib/time.ts';
import { useNews } from './use-news.ts';

/** How much of the body a list entry shows. */
const PREVIEW = 160;

const preview = (body: string) => {
  const text = newsPlainText(body).replace(/\s+/g, ' ');
  return text.length > PREVIEW ? `${text.slice(0, PREVIEW).trimEnd()}…` : text;
};

/** The league's newest news, or one club's, live: on the Today page and the club page. */
export function NewsList({ clubId, limit = 5 }: { clubId?: string; limit?: number }) {
  const { t, i18n } = useTranslation();
  const { items, failed } = useNews(clubId, limit);
  if (!items?.length && !failed) return null;
  return (
    <section aria-labelledby={`news-title-${clubId ?? 'league'}`} className="news-list">
      <h2 id={`news-title-${clubId ?? 'league'}`}>{t('news.title')}</h2>
      {failed && <p role="alert">{t('errors.network_error')}</p>}
      <ul data-testid="news-list">
        {items?.map((n) => (
          <li key={n.id} className="news-entry">
            <Link to={`/news/${n.id}`} className="news-link">
              {n.coverUrl && <img src={n.coverUrl} alt="" loading="lazy" width={72} height={72} />}
              <span>
                <strong className="news-entry-title">{n.title}</strong>
                <small className="muted">{formatKickoff(n.publishedAt, i18n.language)}</small>
                <span className="news-preview">{preview(n.body)}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
