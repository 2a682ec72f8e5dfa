import { describe, expect, it } from 'vitest';
import type { NewsItem } from '@touchline/contract';
import { applyNewsChange } from '../src/features/public/news-patch.ts';

const item = (id: string, publishedAt: string, clubIds: string[] = []): NewsItem => ({
  id,
  title: `News ${id}`,
  body: 'x',
  coverUrl: null,
  clubs: clubIds.map((c) => ({ id: c, name: `Club ${c}` })),
  match: null,
  postToChannel: false,
  publishedAt,
  updatedAt: publishedAt,
});
const a = item('1', '2026-05-01T10:00:00.000Z', ['7']);
const b = item('2', '2026-05-02T10:00:00.000Z');
const ids = (xs: NewsItem[]) => xs.map((x) => x.id);

describe('a news list under live news changes', () => {
  it('puts a new item first and keeps at most the limit', () => {
    const c = item('3', '2026-05-03T10:00:00.000Z');
    expect(ids(applyNewsChange([b, a], { op: 'created', entity: 'news', id: '3', data: c }, undefined, 5))).toEqual([
      '3',
      '2',
      '1',
    ]);
    expect(ids(applyNewsChange([b, a], { op: 'created', entity: 'news', id: '3', data: c }, undefined, 2))).toEqual([
      '3',
      '2',
    ]);
  });

  it('replaces an edited item in place and drops a deleted one', () => {
    const edited = { ...a, title: 'Edited' };
    const after = applyNewsChange([b, a], { op: 'updated', entity: 'news', id: '1', data: edited }, undefined, 5);
    expect(after.map((x) => x.title)).toEqual(['News 2', 'Edited']);
    expect(ids(applyNewsChange([b, a], { op: 'deleted', entity: 'news', id: '2' }, undefined, 5))).toEqual(['1']);
  });

  it('on a club’s list, keeps only that club’s items, and lets go of one that no longer names it', () => {
    expect(ids(applyNewsChange([a], { op: 'created', entity: 'news', id: '2', data: b }, '7', 5))).toEqual(['1']);
    const moved = { ...a, clubs: [] };
    expect(applyNewsChange([a], { op: 'updated', entity: 'news', id: '1', data: moved }, '7', 5)).toEqual([]);
  });
});
