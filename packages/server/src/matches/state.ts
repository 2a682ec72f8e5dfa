import { eq } from 'drizzle-orm';
import type { MatchSummary, StateBody } from '@touchline/contract';
import {
  checkTransition,
  type FinishRefusal,
  finishRefusal,
  type PlayOnRefusal,
  playOnRefusal,
  reduceEvents,
  scoreOf,
  shootoutCountOf,
  shootoutOf,
} from '@touchline/domain';
import * as t from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import type { WriteContext, WriteStep } from './engine.ts';
import { loadEvents } from '../reads/snapshot.ts';
import { getSummary } from '../reads/summary.ts';

const PLAY_ON_REFUSED: Record<PlayOnRefusal, string> = {
  penalty_not_available: 'This match does not decide a knockout tie',
  penalty_requires_draw: 'A shootout needs a level score',
  match_not_live: 'The match is not live',
  extra_time_not_available: 'This competition plays no extra time, or the match decides no tie',
  extra_time_requires_draw: 'Extra time needs a level score',
  extra_time_required: 'This competition plays extra time before penalties',
};

const FINISH_REFUSED: Record<FinishRefusal, string> = {
  tie_undecided: 'The tie is level: it goes on to extra time or penalties',
  shootout_level: 'The shootout is level; it must produce a winner',
  shootout_undecided: 'The shootout is not decided yet',
};

export async function changeState(ctx: WriteContext, body: StateBody): Promise<WriteStep<{ match: MatchSummary }>> {
  const { tx, match, principal, now } = ctx;
  if (ctx.replay) return { result: { match: (await getSummary(tx, match.id))! }, changes: [], audit: [] };
  const from = { status: match.status, period: match.period };
  const verdict = checkTransition(principal.role, from, {
    ...(body.status ? { status: body.status } : {}),
    ...(body.period ? { period: body.period } : {}),
  });
  if (!verdict.ok)
    throw new ApiError(
      verdict.code,
      `Cannot change ${from.status}/${from.period ?? '-'} to ${body.status ?? from.status}/${body.period ?? from.period ?? '-'}`,
    );
  const next = verdict.next;
  if (next.status === from.status && next.period === from.period) {
    return { result: { match: (await getSummary(tx, match.id))! }, changes: [], audit: [] };
  }
  const summary = (await getSummary(tx, match.id))!;
  const tally = reduceEvents(await loadEvents(tx, match.id));
  const play = { rules: summary.knockout, period: from.period, score: scoreOf(tally), live: next.status === 'live' };
  if (next.period !== from.period && next.period !== null) {
    const refusal = playOnRefusal(play, next.period);
    if (refusal) throw new ApiError(refusal, PLAY_ON_REFUSED[refusal], { score: play.score });
  }
  if (next.status === 'finished' && from.status !== 'finished') {
    const shootout = shootoutCountOf(tally);
    const refusal = finishRefusal({ ...play, period: next.period, shootout });
    if (refusal)
      throw new ApiError(refusal, FINISH_REFUSED[refusal], { score: play.score, shootout: shootoutOf(tally) });
  }
  await tx
    .update(t.matches)
    .set({
      status: next.status,
      period: next.period,
      ...(next.period !== from.period ? { periodStartedAt: now } : {}),
      finishedAt: next.status === 'finished' ? (from.status === 'finished' ? match.finishedAt : now) : null,
    })
    .where(eq(t.matches.id, match.id));
  const after = (await getSummary(tx, match.id))!;
  return {
    result: { match: after },
    changes: [{ op: 'updated', entity: 'match', id: after.id, data: after }],
    audit: [{ action: 'state', entity: 'match', entityId: match.id, before: from, after: next }],
  };
}
