import { useTranslation } from 'react-i18next';
import type { NewsItem as Item } from '@touchline/contract';
import { Link } from '../../lib/router.tsx';
import { formatKickoff } from '../../lib/time.ts';
import { NewsBody } from './NewsBody.tsx';

/** One news item in full: its cover, title, date, formatted body and the clubs and match it concerns. */
export function NewsItem({ item }: { item: Item }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="news-item" aria-labelledby="news-item-title" data-testid="news-item">
      {item.coverUrl && <img className="news-cover" src={item.coverUrl} alt="" />}
      <h1 id="news-item-title">{item.title}</h1>
      <p className="muted">
        <time dateTime={item.publishedAt}>{formatKickoff(item.publishedAt, i18n.language)}</time>
      </p>
      <NewsBody body={item.body} />
      {(item.clubs.length > 0 || item.match) && (
        <ul className="news-links" aria-label={t('news.about')}>
          {item.match && (
            <li>
              <Link to={`/matches/${item.match.id}`}>
                {item.match.homeClub.name} — {item.match.awayClub.name},{' '}
                {formatKickoff(item.match.kickoffAt, i18n.language)}
              </Link>
            </li>
          )}
          {item.clubs.map((c) => (
            <li key={c.id}>
              <Link to={`/clubs/${c.id}`}>{c.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
