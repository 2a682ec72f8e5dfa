import { and, count, eq, gt, min } from 'drizzle-orm';
import { COMMENTS_PER_MINUTE } from '@touchline/contract';
import * as t from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import type { WriteContext } from './engine.ts';

const WINDOW_MS = 60_000;

/**
 * At most COMMENTS_PER_MINUTE comments per match in any 60 s (decision 037). The match row is locked by the write,
 * so the comments already stored are the one count every operator and instance shares.
 */
export async function assertCommentRate(ctx: WriteContext) {
  const since = new Date(ctx.now.getTime() - WINDOW_MS);
  const [recent] = await ctx.tx
    .select({ n: count(), oldest: min(t.matchEvents.createdAt) })
    .from(t.matchEvents)
    .where(
      and(
        eq(t.matchEvents.matchId, ctx.match.id),
        eq(t.matchEvents.type, 'comment'),
        gt(t.matchEvents.createdAt, since),
      ),
    );
  if (!recent || recent.n < COMMENTS_PER_MINUTE) return;
  const freeAt = new Date(recent.oldest!).getTime() + WINDOW_MS;
  const retryAfterSeconds = Math.max(1, Math.ceil((freeAt - ctx.now.getTime()) / 1000));
  throw new ApiError('comment_rate_limited', `At most ${COMMENTS_PER_MINUTE} comments a minute per match`, {
    limit: COMMENTS_PER_MINUTE,
    retryAfterSeconds,
  });
}
