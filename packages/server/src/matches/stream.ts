import { eq } from 'drizzle-orm';
import type { MatchSummary } from '@touchline/contract';
import { streamLink } from '@touchline/domain';
import { matches } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { getSummary } from '../reads/summary.ts';
import type { WriteContext, WriteStep } from './engine.ts';

/** The link as stored, or null; 400 `stream_url_not_allowed` for anything the domain's allow-list refuses. */
export function checkedStreamUrl(raw: string | null): string | null {
  if (raw === null) return null;
  const link = streamLink(raw.trim());
  if (!link) {
    throw new ApiError(
      'stream_url_not_allowed',
      'The link must be https on VK Video, YouTube, Rutube or Twitch, without credentials',
    );
  }
  return link.url;
}

/** Sets or removes the match's video link: a `match` change and an audit row; the same link again changes nothing. */
export async function putStream(ctx: WriteContext, raw: string | null): Promise<WriteStep<{ match: MatchSummary }>> {
  const streamUrl = checkedStreamUrl(raw);
  if (streamUrl === ctx.match.streamUrl) {
    return { result: { match: (await getSummary(ctx.tx, ctx.match.id))! }, changes: [], audit: [] };
  }
  await ctx.tx.update(matches).set({ streamUrl }).where(eq(matches.id, ctx.match.id));
  const summary = (await getSummary(ctx.tx, ctx.match.id))!;
  return {
    result: { match: summary },
    changes: [{ op: 'updated', entity: 'match', id: summary.id, data: summary }],
    audit: [
      {
        action: 'stream',
        entity: 'match',
        entityId: ctx.match.id,
        before: { streamUrl: ctx.match.streamUrl },
        after: { streamUrl },
      },
    ],
  };
}
