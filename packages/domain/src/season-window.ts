/** A season's dates (YYYY-MM-DD, either end may be open). */
export interface SeasonWindow {
  startsOn: string | null;
  endsOn: string | null;
}

/** The first date fixtures are planned from: the one asked for, else the season's start. */
export const planStart = (window: SeasonWindow, requested?: string): string | undefined =>
  requested ?? window.startsOn ?? undefined;

/** The first of `dates` (YYYY-MM-DD) outside the season, and which end it crosses; undefined when all fit. */
export function outsideSeason(
  window: SeasonWindow,
  dates: readonly string[],
): { date: string; bound: 'startsOn' | 'endsOn' } | undefined {
  for (const date of dates) {
    if (window.startsOn !== null && date < window.startsOn) return { date, bound: 'startsOn' };
    if (window.endsOn !== null && date > window.endsOn) return { date, bound: 'endsOn' };
  }
  return undefined;
}

/** How long a match keeps a club busy: two halves, the break and time to spare. */
export const MATCH_SLOT_MINUTES = 120;

/** A match as far as double bookings go: its clubs and its kick-off (ISO). */
export interface Booking {
  id: string;
  clubs: readonly string[];
  kickoffAt: string;
}

export interface DoubleBooking {
  clubId: string;
  matchId: string;
  otherMatchId: string;
}

/**
 * Every planned match that puts a club on the pitch while it is still playing another match, planned or already
 * booked (in any season or competition): kick-offs less than a match slot apart. Each pair is reported once.
 */
export function doubleBookings(
  planned: readonly Booking[],
  existing: readonly Booking[],
  slotMinutes = MATCH_SLOT_MINUTES,
): DoubleBooking[] {
  const slot = slotMinutes * 60_000;
  const byClub = new Map<string, Booking[]>();
  for (const b of [...existing, ...planned]) {
    for (const club of b.clubs) byClub.set(club, [...(byClub.get(club) ?? []), b]);
  }
  const out: DoubleBooking[] = [];
  const seen = new Set<string>();
  for (const match of planned) {
    const at = Date.parse(match.kickoffAt);
    for (const clubId of match.clubs) {
      for (const other of byClub.get(clubId) ?? []) {
        if (other.id === match.id || Math.abs(Date.parse(other.kickoffAt) - at) >= slot) continue;
        const key = [clubId, ...[match.id, other.id].sort()].join('|');
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ clubId, matchId: match.id, otherMatchId: other.id });
      }
    }
  }
  return out;
}
