import { eq } from 'drizzle-orm';
import type { Side } from '@touchline/contract';
import { matchWriteRefusal, type MatchWriteRefusal } from '@touchline/domain';
import type { Principal } from '../auth/keyring.ts';
import type { Executor } from '../db/client.ts';
import { matches, matchOperators } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';

export type MatchRow = typeof matches.$inferSelect;
export type WriteKind = 'record' | 'state' | { lineup: Side };

const FORBIDDEN: Record<Principal['role'], string> = {
  admin: 'Forbidden',
  operator: 'Forbidden',
  judge: 'A judge corrects events and statistics only',
  captain: 'A captain submits lineups only',
  fan: 'Your role may not change matches',
};

const MESSAGES: Record<Exclude<MatchWriteRefusal, 'forbidden'>, string> = {
  match_finished: 'The match is finished; ask the judge or an admin',
  correction_window_closed: 'The correction window has closed',
  match_not_live: 'The match is not live',
  lineup_locked: 'Lineups close at kick-off',
};

/**
 * The one authorisation rule for writes to a match: the operator's assignment and the captain's club here,
 * and what each role may still change in the match's status from the domain's matchWriteRefusal.
 */
export async function authorizeMatchWrite(
  tx: Executor,
  p: Principal,
  match: MatchRow,
  kind: WriteKind,
  /** A replay changes nothing, so only who may write is checked, not what the match still accepts. */
  opts: { judgeWindowHours: number; now: Date; replay?: boolean },
): Promise<void> {
  const lineupSide = typeof kind === 'object' ? kind.lineup : undefined;
  if (p.role === 'operator') {
    const assigned = await tx
      .select({ userId: matchOperators.userId })
      .from(matchOperators)
      .where(eq(matchOperators.matchId, match.id));
    if (assigned.length > 0 && !assigned.some((a) => String(a.userId) === p.userId)) {
      throw new ApiError('forbidden', 'Other operators are assigned to this match');
    }
  }
  if (p.role === 'captain' && lineupSide) {
    const clubId = lineupSide === 'home' ? match.homeClubId : match.awayClubId;
    if (String(clubId) !== p.clubId)
      throw new ApiError('forbidden', 'A captain submits the lineup of their own club only');
  }
  const refusal = matchWriteRefusal(p.role, match, typeof kind === 'object' ? 'lineup' : kind, opts);
  if (refusal === 'forbidden') throw new ApiError(refusal, FORBIDDEN[p.role]);
  if (refusal && !opts.replay) throw new ApiError(refusal, MESSAGES[refusal]);
}
