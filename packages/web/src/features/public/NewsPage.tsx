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
  const [live, setLive] = useState<Item | null>();
  useTopic('live', {
    onSnapshot: () => undefined,
    onPatch: (frame) => {
      for (const c of frame.changes) {
        if (c.entity === 'news' && c.id === id) setLive(c.op === 'deleted' ? null : (c.data ?? null));
      }
    },
  });
  if (live === null) return <p role="status">{t('news.gone')}</p>;
  if (state.error) return <ErrorNote error={state.error} onRetry={state.reload} />;
  const item = live ?? state.data?.news;
  if (!item) return <Loading />;
  return <NewsItem item={item} />;
}
