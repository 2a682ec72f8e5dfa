import type { AdminPlayer, AdminRosterEntry } from '../../lib/admin-api.ts';

export interface RosterRow {
  playerId: string;
  firstName: string;
  lastName: string;
  position: string | null;
  inRoster: boolean;
  /** The roster number, else the squad number: what the number field starts with. */
  number?: number;
  /** In this club's season roster but no longer in its squad (transferred since). */
  otherClub: boolean;
}

/**
 * A club's squad beside its season roster, one row per player: roster entries first by number, then the squad
 * players not yet in the roster by squad number, then by name.
 */
export function rosterRows(squad: readonly AdminPlayer[], entries: readonly AdminRosterEntry[]): RosterRow[] {
  const inRoster = new Map(entries.map((e) => [e.player.id, e]));
  const rows: RosterRow[] = entries.map((e) => ({
    playerId: e.player.id,
    firstName: e.player.firstName,
    lastName: e.player.lastName,
    position: e.player.position,
    inRoster: true,
    number: e.shirtNumber,
    otherClub: !squad.some((p) => p.id === e.player.id),
  }));
  for (const p of squad) {
    if (inRoster.has(p.id)) continue;
    rows.push({
      playerId: p.id,
      firstName: p.firstName,
      lastName: p.lastName,
      position: p.position,
      inRoster: false,
      ...(p.shirtNumber !== null ? { number: p.shirtNumber } : {}),
      otherClub: false,
    });
  }
  const byNumber = (a: RosterRow, b: RosterRow) =>
    (a.number ?? 100) - (b.number ?? 100) ||
    `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`);
  return [...rows.filter((r) => r.inRoster).sort(byNumber), ...rows.filter((r) => !r.inRoster).sort(byNumber)];
}
