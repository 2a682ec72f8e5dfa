import { z } from 'zod';
import { Id, IsoDate, StoredText } from './common.ts';
import { NEWS_BODY_MAX, NEWS_CLUBS_MAX, NEWS_PAGE_MAX, NEWS_TITLE_MAX } from './constants.ts';
import { ErrorCode } from './errors.ts';

/** Control characters other than the line feed: the body is the one stored text with lines (decision 040). */
const CONTROL_BUT_LF = /[\p{Cc}\u2028\u2029]/u;
const NewsBodyText = z
  .string()
  .transform((s) => s.replace(/\r\n?/g, '\n').replace(/\t/g, ' '))
  .pipe(
    z
      .string()
      .refine((s) => !CONTROL_BUT_LF.test(s.replace(/\n/g, '')), {
        message: 'must not contain control characters',
        params: { code: ErrorCode.control_characters },
      })
      .transform((s) => s.trim())
      .pipe(z.string().min(1).max(NEWS_BODY_MAX)),
  );
const NewsTitle = StoredText.trim().min(1).max(NEWS_TITLE_MAX);

/** A club a news item concerns. */
export const NewsClub = z.object({ id: Id, name: z.string() });
/** The match a news item is about, enough to name and link it. */
export const NewsMatch = z.object({
  id: Id,
  kickoffAt: IsoDate,
  homeClub: NewsClub,
  awayClub: NewsClub,
});

/** A league news item (docs/protocol.md §4): `body` is plain text with the little markup `parseNewsBody` reads. */
export const NewsItem = z.object({
  id: Id,
  title: z.string(),
  body: z.string(),
  /** `/api/news/:id/cover?v=…`, or null without a cover. */
  coverUrl: z.string().nullable(),
  clubs: z.array(NewsClub),
  match: NewsMatch.nullable(),
  postToChannel: z.boolean(),
  publishedAt: IsoDate,
  updatedAt: IsoDate,
});
export type NewsItem = z.infer<typeof NewsItem>;

export const NewsBody = z
  .object({
    title: NewsTitle,
    body: NewsBodyText,
    clubIds: z.array(Id).max(NEWS_CLUBS_MAX).default([]),
    matchId: Id.nullable().default(null),
    postToChannel: z.boolean().default(false),
  })
  .strict();
export type NewsBody = z.input<typeof NewsBody>;

export const NewsPatch = z
  .object({
    title: NewsTitle,
    body: NewsBodyText,
    clubIds: z.array(Id).max(NEWS_CLUBS_MAX),
    matchId: Id.nullable(),
    postToChannel: z.boolean(),
  })
  .partial()
  .strict();
export type NewsPatch = z.input<typeof NewsPatch>;

/** Where the next page starts: the last item's publication time and id. */
export const NewsCursor = z.string().regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z_[1-9]\d{0,9}$/, 'must be a cursor from `next`');

export const NewsListQuery = z
  .object({
    clubId: Id.optional(),
    limit: z.coerce.number().int().min(1).max(NEWS_PAGE_MAX).default(20),
    before: NewsCursor.optional(),
  })
  .strict();
export type NewsListQuery = z.infer<typeof NewsListQuery>;

export const NewsList = z.object({ news: z.array(NewsItem), next: NewsCursor.nullable() });
export type NewsList = z.infer<typeof NewsList>;

export const NewsAnswer = z.object({ news: NewsItem });
export type NewsAnswer = z.infer<typeof NewsAnswer>;
