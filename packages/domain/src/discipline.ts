import type { EventType, Side } from '@touchline/contract';
import { EVENT_RULES } from './event-rules.ts';

export interface DisciplineRules {
  /** Every this many yellows bans for one match; 0 turns accumulation off. */
  yellowLimit: number;
  /** Matches banned for a red card or a second yellow. */
  redBan: number;
}

export const defaultDiscipline: DisciplineRules = { yellowLimit: 4, redBan: 1 };

export interface DisciplineMatch {
  matchId: string;
  kickoffAt: string;
  homeClubId: string;
  awayClubId: string;
  events: { type: EventType; side: Side; playerId?: string | null }[];
}

export interface Suspension {
  personId: string;
  clubId: string;
  reason: 'red_card' | 'second_yellow' | 'yellow_accumulation';
  sourceMatchId: string;
  matchesBanned: number;
  matchesRemaining: number;
}

/** Numeric ids compare as numbers ("9" before "10"), anything else as text. */
function compareIds(a: string, b: string): number {
  const byNumber = Number(a) - Number(b);
  return Number.isNaN(byNumber) || byNumber === 0 ? (a < b ? -1 : a > b ? 1 : 0) : byNumber;
}

function compareMatches(a: DisciplineMatch, b: DisciplineMatch): number {
  return Date.parse(a.kickoffAt) - Date.parse(b.kickoffAt) || compareIds(a.matchId, b.matchId);
}

interface Booking {
  personId: string;
  side: Side;
  yellows: number;
  /** A yellow that sent the player off: it counts, but its ban is the sending-off one. */
  secondYellows: number;
  reds: number;
}

/** Each player's cards in one match, sorted by player, so the order of events does not matter. */
function bookings(match: DisciplineMatch): Booking[] {
  const byPlayer = new Map<string, Booking>();
  for (const e of match.events) {
    if (!e.playerId) continue;
    const key = `${e.playerId}|${e.side}`;
    const b = byPlayer.get(key) ?? { personId: e.playerId, side: e.side, yellows: 0, secondYellows: 0, reds: 0 };
    const card = EVENT_RULES[e.type].card;
    if (card === 'yellow') b.yellows++;
    else if (card === 'second_yellow') b.secondYellows++;
    else if (card === 'red') b.reds++;
    byPlayer.set(key, b);
  }
  return [...byPlayer.values()].sort((a, b) => compareIds(a.personId, b.personId) || (a.side < b.side ? -1 : 1));
}

/** Yellow bans earned as a tally of `before` grows by `plain` yellows; only plain yellows cross a limit. */
function accumulationBans(before: number, plain: number, limit: number): number {
  if (limit <= 0) return 0;
  return Math.floor((before + plain) / limit) - Math.floor(before / limit);
}

/**
 * Every suspension earned in the finished matches, counted down by the later finished matches of the player's club.
 * A player's bans are served one after another, so a red card and a yellow ban in one match cost two matches.
 */
export function computeSuspensions(
  finished: readonly DisciplineMatch[],
  rules: DisciplineRules = defaultDiscipline,
): Suspension[] {
  const ordered = [...finished].sort(compareMatches);
  const all: Suspension[] = [];
  const yellowTally = new Map<string, number>();

  for (const match of ordered) {
    // Serve first: a ban never counts down in the match that earned it.
    const served = new Set<string>();
    for (const s of all) {
      const key = `${s.personId}|${s.clubId}`;
      if (s.matchesRemaining <= 0 || served.has(key)) continue;
      if (s.clubId !== match.homeClubId && s.clubId !== match.awayClubId) continue;
      s.matchesRemaining--;
      served.add(key);
    }

    for (const b of bookings(match)) {
      const personId = b.personId;
      const clubId = b.side === 'home' ? match.homeClubId : match.awayClubId;
      const ban = (reason: Suspension['reason'], matches: number) => {
        if (matches > 0)
          all.push({
            personId,
            clubId,
            reason,
            sourceMatchId: match.matchId,
            matchesBanned: matches,
            matchesRemaining: matches,
          });
      };
      const before = yellowTally.get(personId) ?? 0;
      yellowTally.set(personId, before + b.yellows + b.secondYellows);

      if (b.reds > 0) ban('red_card', rules.redBan);
      else if (b.secondYellows > 0) ban('second_yellow', rules.redBan);
      for (let i = accumulationBans(before, b.yellows, rules.yellowLimit); i > 0; i--) ban('yellow_accumulation', 1);
    }
  }
  return all;
}
