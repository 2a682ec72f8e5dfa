import type { NewsAnswer, NewsBody, NewsList, NewsPatch } from '@touchline/contract';
import { RawBody } from '../../lib/api.ts';
import { api } from '../../lib/services.ts';

const path = (id: string) => `/admin/news/${encodeURIComponent(id)}`;

/** The admin's news calls (docs/protocol.md §7), on the app's client. */
export const newsApi = {
  list: () => api.request<NewsList>('GET', '/news?limit=50'),
  create: (body: NewsBody) => api.request<NewsAnswer>('POST', '/admin/news', body),
  update: (id: string, body: NewsPatch) => api.request<NewsAnswer>('PATCH', path(id), body),
  remove: (id: string) => api.request<void>('DELETE', path(id)),
  /** The file as it is: the server decides by its first bytes whether it is an image it takes. */
  putCover: (id: string, file: Blob) =>
    api.request<NewsAnswer>('PUT', `${path(id)}/cover`, new RawBody(file, file.type || 'application/octet-stream')),
  removeCover: (id: string) => api.request<NewsAnswer>('DELETE', `${path(id)}/cover`),
};
