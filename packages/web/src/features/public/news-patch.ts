import type { ChangeOf, NewsItem } from '@touchline/contract';

const newestFirst = (a: NewsItem, b: NewsItem) =>
  b.publishedAt.localeCompare(a.publishedAt) || Number(b.id) - Number(a.id);

/**
 * A news list after one `news` change of the `live` topic: newest first, at most `limit`, only the club's items when
 * `clubId` is set (an edit that drops the club takes the item off that club's list).
 */
export function applyNewsChange(
  items: readonly NewsItem[],
  change: ChangeOf<'news'>,
  clubId: string | undefined,
  limit: number,
): NewsItem[] {
  const rest = items.filter((n) => n.id !== change.id);
  const item = change.data;
  if (change.op === 'deleted' || !item || (clubId && !item.clubs.some((c) => c.id === clubId))) return rest;
  return [...rest, item].sort(newestFirst).slice(0, limit);
}
