import type { MatchStatus, Role } from '@touchline/contract';

/** What a write to a match touches: events and statistics, the status and period, or one side's lineup. */
export type MatchWriteKind = 'record' | 'state' | 'lineup';

export type MatchWriteRefusal =
  'forbidden' | 'match_finished' | 'correction_window_closed' | 'match_not_live' | 'lineup_locked';

export interface WritableMatch {
  status: MatchStatus;
  finishedAt?: Date | string | null | undefined;
}

export interface WriteClock {
  /** How long after full time the judge may still correct (TOUCHLINE_JUDGE_WINDOW_HOURS). */
  judgeWindowHours: number;
  now: Date;
}

/** The server's default correction window; a console that cannot know the configured one predicts with this. */
export const DEFAULT_JUDGE_WINDOW_HOURS = 48;

const HOUR = 3600_000;

/** Events and statistics exist from kick-off on, and stay correctable after full time. */
const RECORDABLE: ReadonlySet<MatchStatus> = new Set(['live', 'finished']);

/** Why nothing can be recorded on a match in this status, or null. */
export const recordingRefusal = (status: MatchStatus): 'match_not_live' | null =>
  RECORDABLE.has(status) ? null : 'match_not_live';

/**
 * Whether a role may write to a match in its current status, by kind; null when it may. The operator
 * assignment and the captain's club are checked by the server beside this.
 */
export function matchWriteRefusal(
  role: Role,
  match: WritableMatch,
  kind: MatchWriteKind,
  clock: WriteClock,
): MatchWriteRefusal | null {
  switch (role) {
    case 'admin':
      return null;
    case 'operator':
      return match.status === 'finished' ? 'match_finished' : null;
    case 'judge': {
      if (kind !== 'record') return 'forbidden';
      if (match.status === 'finished') {
        const closesAt = (match.finishedAt ? new Date(match.finishedAt).getTime() : 0) + clock.judgeWindowHours * HOUR;
        return clock.now.getTime() > closesAt ? 'correction_window_closed' : null;
      }
      return match.status === 'live' ? null : 'match_not_live';
    }
    case 'captain':
      if (kind !== 'lineup') return 'forbidden';
      return match.status === 'scheduled' ? null : 'lineup_locked';
    default:
      return 'forbidden';
  }
}

/** Why a role cannot record events or statistics on this match now, or null: the rule the console's buttons follow. */
export const recordRefusal = (role: Role, match: WritableMatch, clock: WriteClock) =>
  matchWriteRefusal(role, match, 'record', clock) ?? recordingRefusal(match.status);
