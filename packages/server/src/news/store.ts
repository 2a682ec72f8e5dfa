import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { NewsItem, NewsListQuery } from '@touchline/contract';
import type { Executor } from '../db/client.ts';
import { clubs, matches, news, newsClubs } from '../db/schema.ts';

type Row = typeof news.$inferSelect;

/** The cover's URL changes with the item, so a cached old cover is never shown for a new one. */
const coverUrl = (r: Row) => (r.coverPath ? `/api/news/${r.id}/cover?v=${r.updatedAt.getTime()}` : null);

/** Rows as the contract's items, with their clubs and match named. */
async function toItems(ex: Executor, rows: Row[]): Promise<NewsItem[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const linked = await ex
    .select({ newsId: newsClubs.newsId, id: clubs.id, name: clubs.name })
    .from(newsClubs)
    .innerJoin(clubs, eq(clubs.id, newsClubs.clubId))
    .where(inArray(newsClubs.newsId, ids))
    .orderBy(clubs.name);
  const matchIds = rows.map((r) => r.matchId).filter((id) => id !== null);
  const home = alias(clubs, 'home');
  const away = alias(clubs, 'away');
  const games = matchIds.length
    ? await ex
        .select({
          id: matches.id,
          kickoffAt: matches.kickoffAt,
          homeId: home.id,
          homeName: home.name,
          awayId: away.id,
          awayName: away.name,
        })
        .from(matches)
        .innerJoin(home, eq(home.id, matches.homeClubId))
        .innerJoin(away, eq(away.id, matches.awayClubId))
        .where(inArray(matches.id, matchIds))
    : [];
  return rows.map((r) => {
    const game = games.find((g) => g.id === r.matchId);
    return {
      id: String(r.id),
      title: r.title,
      body: r.body,
      coverUrl: coverUrl(r),
      clubs: linked.filter((c) => c.newsId === r.id).map((c) => ({ id: String(c.id), name: c.name })),
      match: game
        ? {
            id: String(game.id),
            kickoffAt: game.kickoffAt.toISOString(),
            homeClub: { id: String(game.homeId), name: game.homeName },
            awayClub: { id: String(game.awayId), name: game.awayName },
          }
        : null,
      postToChannel: r.postToChannel,
      publishedAt: r.publishedAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

export async function readNewsItem(ex: Executor, id: number): Promise<NewsItem | undefined> {
  const rows = await ex.select().from(news).where(eq(news.id, id));
  return (await toItems(ex, rows))[0];
}

export async function newsRow(ex: Executor, id: number): Promise<Row | undefined> {
  const [row] = await ex.select().from(news).where(eq(news.id, id));
  return row;
}

export const cursorOf = (item: Pick<NewsItem, 'id' | 'publishedAt'>) => `${item.publishedAt}_${item.id}`;

/** Newest first; a page ends with the cursor of its last item when more may follow. */
export async function listNews(ex: Executor, q: NewsListQuery): Promise<{ news: NewsItem[]; next: string | null }> {
  const conditions = [];
  if (q.clubId) {
    conditions.push(
      inArray(
        news.id,
        ex
          .select({ id: newsClubs.newsId })
          .from(newsClubs)
          .where(eq(newsClubs.clubId, Number(q.clubId))),
      ),
    );
  }
  if (q.before) {
    const [at, id] = q.before.split('_') as [string, string];
    const when = new Date(at);
    if (!Number.isNaN(when.getTime())) {
      conditions.push(or(lt(news.publishedAt, when), and(eq(news.publishedAt, when), lt(news.id, Number(id))))!);
    }
  }
  const rows = await ex
    .select()
    .from(news)
    .where(conditions.length ? and(...conditions) : sql`true`)
    .orderBy(desc(news.publishedAt), desc(news.id))
    .limit(q.limit + 1);
  const items = await toItems(ex, rows.slice(0, q.limit));
  const last = items.at(-1);
  return { news: items, next: rows.length > q.limit && last ? cursorOf(last) : null };
}

/** The ids among `ids` that name no club. */
export async function missingClubs(ex: Executor, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const known = await ex.select({ id: clubs.id }).from(clubs).where(inArray(clubs.id, ids));
  return ids.filter((id) => !known.some((k) => k.id === id));
}

export async function matchExists(ex: Executor, id: number): Promise<boolean> {
  const [row] = await ex.select({ id: matches.id }).from(matches).where(eq(matches.id, id));
  return row !== undefined;
}

export async function setNewsClubs(ex: Executor, newsId: number, clubIds: number[]): Promise<void> {
  await ex.delete(newsClubs).where(eq(newsClubs.newsId, newsId));
  const unique = [...new Set(clubIds)];
  if (unique.length) await ex.insert(newsClubs).values(unique.map((clubId) => ({ newsId, clubId })));
}
