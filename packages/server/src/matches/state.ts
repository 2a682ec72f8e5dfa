import { and, eq, ne } from 'drizzle-orm';
import type { MatchSummary, StateBody } from '@touchline/contract';
import { checkTransition, decidingScore, reduceEvents, scoreOf, shootoutRefusal } from '@touchline/domain';
import * as t from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import type { WriteContext, WriteStep } from './engine.ts';
import { loadEvents } from './snapshot.ts';
import { getSummary } from './summary.ts';

/** The score a shootout is about: this match's, or the aggregate in the deciding leg of a two-legged tie. */
async function scoreThatDecides(ctx: WriteContext, score: { home: number; away: number }) {
  const { tx, match } = ctx;
  if (!match.tieId) return score;
  const [row] = await tx
    .select({ tie: t.ties, awayGoals: t.competitions.awayGoals })
    .from(t.ties)
    .innerJoin(t.seasons, eq(t.seasons.id, t.ties.seasonId))
    .innerJoin(t.competitions, eq(t.competitions.id, t.seasons.competitionId))
    .where(eq(t.ties.id, match.tieId));
  const tie = row?.tie;
  if (!tie || tie.kind !== 'two_legged' || tie.homeClubId === null || tie.awayClubId === null) return score;
  const others = await tx
    .select()
    .from(t.matches)
    .where(and(eq(t.matches.tieId, match.tieId), ne(t.matches.id, match.id), eq(t.matches.status, 'finished')));
  const games = [];
  for (const m of others) {
    const s = scoreOf(reduceEvents((await loadEvents(tx, m.id)) as Parameters<typeof reduceEvents>[0]));
    games.push({
      homeClubId: String(m.homeClubId),
      awayClubId: String(m.awayClubId),
      homeGoals: s.home,
      awayGoals: s.away,
      finished: true,
    });
  }
  const current = {
    homeClubId: String(match.homeClubId),
    awayClubId: String(match.awayClubId),
    homeGoals: score.home,
    awayGoals: score.away,
    finished: false,
  };
  return decidingScore(
    { kind: 'two_legged', awayGoals: row.awayGoals, clubA: String(tie.homeClubId), clubB: String(tie.awayClubId) },
    [...games, current],
    current,
  );
}

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
  const tally = reduceEvents((await loadEvents(tx, match.id)) as Parameters<typeof reduceEvents>[0]);
  if (next.period === 'penalties' && from.period !== 'penalties') {
    const summary = (await getSummary(tx, match.id))!;
    const refusal = shootoutRefusal({
      decides: summary.penaltiesAllowed,
      live: next.status === 'live',
      decidingScore: await scoreThatDecides(ctx, scoreOf(tally)),
    });
    if (refusal === 'penalty_not_available') throw new ApiError(refusal, 'This match does not decide a knockout tie');
    if (refusal === 'penalty_requires_draw') throw new ApiError(refusal, 'A shootout needs a level score');
    if (refusal) throw new ApiError(refusal, 'The match is not live');
  }
  if (
    next.status === 'finished' &&
    from.status !== 'finished' &&
    next.period === 'penalties' &&
    tally.home.shootout === tally.away.shootout
  ) {
    throw new ApiError('shootout_level', 'The shootout is level; it must produce a winner', {
      shootout: { home: tally.home.shootout, away: tally.away.shootout },
    });
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
  const summary = (await getSummary(tx, match.id))!;
  return {
    result: { match: summary },
    changes: [{ op: 'updated', entity: 'match', id: summary.id, data: summary }],
    audit: [{ action: 'state', entity: 'match', entityId: match.id, before: from, after: next }],
  };
}
