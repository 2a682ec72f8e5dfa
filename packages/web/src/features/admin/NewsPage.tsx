import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewsItem } from '@touchline/contract';
import { Link } from '../../lib/router.tsx';
import { api } from '../../lib/services.ts';
import { formatKickoff } from '../../lib/time.ts';
import { useAsync } from '../../lib/use-async.ts';
import { AdminShell } from './AdminShell.tsx';
import { EditButton, ListWithEditor } from './ListWithEditor.tsx';
import { NewsForm } from './NewsForm.tsx';
import { newsApi } from './news-api.ts';
import { LoadStatus } from './ServerError.tsx';
import { adminApi } from './services.ts';

const DAY_MS = 86_400_000;

/** The league's news: the newest 50 and the editor (docs/protocol.md §7, decision 040). */
export default function NewsPage() {
  const { t, i18n } = useTranslation();
  const data = useAsync(() => newsApi.list(), []);
  const clubs = useAsync(() => adminApi.clubs(), []);
  // A news item is about a match of these weeks: a month back, a month ahead.
  const matches = useAsync(
    () =>
      api.matches({
        from: new Date(Date.now() - 30 * DAY_MS).toISOString(),
        to: new Date(Date.now() + 30 * DAY_MS).toISOString(),
      }),
    [],
  );
  const [editing, setEditing] = useState<string>();
  const [notice, setNotice] = useState('');
  const items = data.data?.news ?? [];
  const current = items.find((n) => n.id === editing);
  const saved = (item: NewsItem) => {
    data.mutate((d) => ({ news: [item, ...(d?.news ?? []).filter((n) => n.id !== item.id)], next: d?.next ?? null }));
    setEditing(item.id);
    setNotice(t('admin.news.saved', { title: item.title }));
  };
  const removed = (id: string) => {
    data.mutate((d) => ({ news: (d?.news ?? []).filter((n) => n.id !== id), next: d?.next ?? null }));
    setEditing(undefined);
    setNotice(t('admin.news.removed'));
  };
  return (
    <AdminShell
      section="news"
      title={t('admin.nav.news')}
      tools={
        <button type="button" className="primary" onClick={() => setEditing('new')} data-testid="news-new">
          {t('admin.news.new')}
        </button>
      }
    >
      <p className="ok" role="status" data-testid="notice">
        {notice}
      </p>
      <LoadStatus state={data} />
      <ListWithEditor
        editorKey={editing}
        editor={
          editing && (
            <NewsForm
              item={current}
              clubs={clubs.data?.clubs ?? []}
              matches={matches.data?.matches ?? []}
              onSaved={saved}
              onRemoved={removed}
              onCancel={() => setEditing(undefined)}
            />
          )
        }
      >
        <ul className="admin-list news-admin-list" data-testid="news-admin-list">
          {items.length === 0 && data.data && <li className="muted">{t('admin.news.empty')}</li>}
          {items.map((n) => (
            <li key={n.id} aria-current={n.id === editing ? 'true' : undefined} className="card">
              <strong>{n.title}</strong>
              <small className="muted">
                {formatKickoff(n.publishedAt, i18n.language)}
                {n.postToChannel ? ` · ${t('admin.news.inChannel')}` : ''}
              </small>
              <div className="button-row">
                <EditButton label={t('admin.news.editLabel', { title: n.title })} onClick={() => setEditing(n.id)} />
                <Link to={`/news/${n.id}`}>{t('admin.news.publicPage')}</Link>
              </div>
            </li>
          ))}
        </ul>
      </ListWithEditor>
    </AdminShell>
  );
}
