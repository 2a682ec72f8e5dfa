import type { LineupBody, LineupEntry, LineupRole } from '@touchline/contract';
import type { RosterPlayer } from '../../lib/api-types.ts';

export interface DraftRow {
  player: RosterPlayer;
  selected: boolean;
  shirtNumber: number;
  role: LineupRole;
}

/** The roster as editable rows, preselected from a lineup already submitted. */
export function draftFrom(roster: RosterPlayer[], submitted: LineupEntry[]): DraftRow[] {
  const byId = new Map(submitted.map((e) => [e.playerId, e]));
  return [...roster]
    .sort((a, b) => a.shirtNumber - b.shirtNumber)
    .map((player) => {
      const entry = byId.get(player.playerId);
      return {
        player,
        selected: entry !== undefined && !player.suspended,
        shirtNumber: entry?.shirtNumber ?? player.shirtNumber,
        role: entry?.role ?? 'starter',
      };
    });
}

export type DraftProblem = 'empty' | 'bad_number' | 'duplicate_number';

/** What the server would refuse, found before sending: numbers 1–99, unique among those selected. */
export function draftProblems(rows: DraftRow[]): Map<string, DraftProblem> {
  const problems = new Map<string, DraftProblem>();
  const chosen = rows.filter((r) => r.selected);
  if (chosen.length === 0) problems.set('', 'empty');
  const seen = new Map<number, number>();
  for (const r of chosen) seen.set(r.shirtNumber, (seen.get(r.shirtNumber) ?? 0) + 1);
  for (const r of chosen) {
    if (!Number.isInteger(r.shirtNumber) || r.shirtNumber < 1 || r.shirtNumber > 99)
      problems.set(r.player.playerId, 'bad_number');
    else if (seen.get(r.shirtNumber)! > 1) problems.set(r.player.playerId, 'duplicate_number');
  }
  return problems;
}

export const toBody = (rows: DraftRow[]): LineupBody => ({
  entries: rows
    .filter((r) => r.selected)
    .map((r) => ({
      playerId: r.player.playerId,
      shirtNumber: r.shirtNumber,
      role: r.role,
      ...(r.player.position ? { position: r.player.position } : {}),
    })),
});
