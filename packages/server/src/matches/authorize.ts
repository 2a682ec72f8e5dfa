import { eq } from 'drizzle-orm';
import type { Side } from '@touchline/contract';
import type { Principal } from '../auth/keyring.ts';
import type { Executor } from '../db/client.ts';
import { matches, matchOperators } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';

export type MatchRow = typeof matches.$inferSelect;
export type WriteKind = 'record' | 'state' | { lineup: Side };

const HOUR = 3600_000;

/**
 * The one authorisation rule for writes to a match: role, operator assignment, captain scope,
 * the judge's correction window, and what a finished match still accepts.
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
  switch (p.role) {
    case 'admin':
      return;
    case 'operator': {
      const assigned = await tx
        .select({ userId: matchOperators.userId })
        .from(matchOperators)
        .where(eq(matchOperators.matchId, match.id));
      if (assigned.length > 0 && !assigned.some((a) => String(a.userId) === p.userId)) {
        throw new ApiError('forbidden', 'Other operators are assigned to this match');
      }
      if (match.status === 'finished' && !opts.replay)
        throw new ApiError('match_finished', 'The match is finished; ask the judge or an admin');
      return;
    }
    case 'judge': {
      if (kind === 'state' || lineupSide)
        throw new ApiError('forbidden', 'A judge corrects events and statistics only');
      if (opts.replay) return;
      if (match.status === 'finished') {
        const closesAt = (match.finishedAt?.getTime() ?? 0) + opts.judgeWindowHours * HOUR;
        if (opts.now.getTime() > closesAt)
          throw new ApiError('correction_window_closed', 'The correction window has closed');
        return;
      }
      if (match.status !== 'live') throw new ApiError('match_not_live', 'The match is not live');
      return;
    }
    case 'captain': {
      if (!lineupSide) throw new ApiError('forbidden', 'A captain submits lineups only');
      const clubId = lineupSide === 'home' ? match.homeClubId : match.awayClubId;
      if (String(clubId) !== p.clubId)
        throw new ApiError('forbidden', 'A captain submits the lineup of their own club only');
      if (match.status !== 'scheduled' && !opts.replay)
        throw new ApiError('lineup_locked', 'Lineups close at kick-off');
      return;
    }
    default:
      throw new ApiError('forbidden', 'Your role may not change matches');
  }
}
