import { useCallback, useEffect, useState } from 'react';
import type { NewsItem, NewsList } from '@touchline/contract';
import { applyNewsChange } from './news-patch.ts';
import { query } from '../../lib/api.ts';
import { api } from '../../lib/services.ts';
import { useTopic } from '../../lib/use-topic.ts';

/**
 * The newest news (of one club when `clubId` is set), kept current by the `live` topic: its snapshot holds only
 * matches, so each snapshot (a first subscribe or a reconnect) reads the list again, and `news` changes follow.
 */
export function useNews(clubId: string | undefined, limit: number) {
  const [items, setItems] = useState<NewsItem[]>();
  const [failed, setFailed] = useState(false);
  const load = useCallback(() => {
    api.request<NewsList>('GET', `/news${query({ clubId, limit: String(limit) })}`).then(
      (page) => {
        setItems(page.news);
        setFailed(false);
      },
      () => setFailed(true),
    );
  }, [clubId, limit]);
  useEffect(load, [load]);
  useTopic('live', {
    onSnapshot: load,
    onPatch: (frame) => {
      for (const c of frame.changes) {
        if (c.entity === 'news') setItems((prev = []) => applyNewsChange(prev, c, clubId, limit));
      }
    },
  });
  return { items, failed: failed && !items };
}
