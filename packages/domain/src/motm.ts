import { playerCounts } from './event-rules.ts';

/** How long the player-of-the-match vote stays open after full time when the competition does not say. */
export const MOTM_VOTE_HOURS_DEFAULT = 24;

/** The vote's window: open from full time for `hours`; closed before full time and once `closesAt` has passed. */
export function motmWindow(
  match: { status: string; finishedAt: Date | null },
  hours: number,
  now: Date,
): { open: boolean; closesAt?: Date } {
  if (match.status !== 'finished' || !match.finishedAt) return { open: false };
  const closesAt = new Date(match.finishedAt.getTime() + hours * 3_600_000);
  return { open: now < closesAt, closesAt };
}

/** A lineup line and a substitution, as far as who played goes. */
export interface LineupLine {
  personId: number;
  role: 'starter' | 'substitute';
}
export type PlayedEvent = Parameters<typeof playerCounts<number>>[0];

/**
 * Who played in a match: its starters, and the substitutes who came on (the player on of a substitution). The
 * same rule counts appearances (docs/rules.md §7), through the event table's `cameOn`.
 */
export function playersWhoPlayed(lineup: readonly LineupLine[], events: readonly PlayedEvent[]): Set<number> {
  const cameOn = new Set(
    events.flatMap((e) =>
      playerCounts(e)
        .filter(([, count]) => count === 'cameOn')
        .map(([id]) => id),
    ),
  );
  return new Set(lineup.filter((l) => l.role === 'starter' || cameOn.has(l.personId)).map((l) => l.personId));
}

/**
 * The players of the match once the vote has closed: every player with the most votes, so a tie is shared; none
 * when nobody voted or the vote is still open.
 */
export function motmWinners<T extends { votes: number }>(tallies: readonly T[], open: boolean): T[] {
  if (open) return [];
  const most = Math.max(0, ...tallies.map((t) => t.votes));
  return most === 0 ? [] : tallies.filter((t) => t.votes === most);
}
