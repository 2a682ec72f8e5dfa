import type { LineupEntry, Lineups, Side } from '@touchline/contract';

export const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** "#9 Иван Петров" */
export const playerLabel = (p: LineupEntry) => `#${p.shirtNumber} ${fullName(p)}`;

export function findPlayer(lineups: Lineups, side: Side, playerId: string | undefined): LineupEntry | undefined {
  return playerId === undefined ? undefined : lineups[side].find((p) => p.playerId === playerId);
}

export const SIDES: readonly Side[] = ['home', 'away'];

/** The statistics counted from the events rather than with ±, after the counters wherever both are shown. */
export const CARD_METRICS = ['yellow_cards', 'red_cards'] as const;
