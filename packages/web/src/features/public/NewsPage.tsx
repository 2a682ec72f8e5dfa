import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewsAnswer, NewsItem as Item } from '@touchline/contract';
import type { PageProps } from '../../lib/router.tsx';
import { api } from '../../lib/services.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useTopic } from '../../lib/use-topic.ts';
import { ErrorNote, Loading } from '../../ui/Feedback.tsx';
import { NewsItem } from './NewsItem.tsx';
import './public.css';

/** `/news/:id`: one item, kept current by the `live` topic (an edit shows at once, a deletion says so). */
export default function NewsPage({ params }: PageProps) {
  const { t } = useTranslation();
  const id = params.id!;
  const state = useAsync(() => api.request<NewsAnswer>('GET', `/news/${encodeURIComponent(id)}`), [id]);
  // The item's latest copy from the live topic, kept with its id so another item's page never shows it.
  const [latest, setLatest] = useState<{ id: string; item: Item | null }>();
  useTopic('live', {
    onSnapshot: () => undefined,
    onPatch: (frame) => {
      for (const c of frame.changes) {
        if (c.entity === 'news' && c.id === id) setLatest({ id, item: c.op === 'deleted' ? null : (c.data ?? null) });
      }
    },
  });
  const live = latest?.id === id ? latest.item : undefined;
  if (live === null) return <p role="status">{t('news.gone')}</p>;
  if (state.error) return <ErrorNote error={state.error} onRetry={state.reload} />;
  const loaded = state.data?.news.id === id ? state.data.news : undefined;
  const item = live ?? loaded;
  if (!item) return <Loading />;
  return <NewsItem item={item} />;
}
