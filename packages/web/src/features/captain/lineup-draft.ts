import type { LineupBody, LineupEntry, LineupRole, LineupRules, RosterPlayer } from '@touchline/contract';
import { lineupProblems } from '@touchline/domain';
import { fullName } from '../../lib/names.ts';

export interface DraftRow {
  player: RosterPlayer;
  selected: boolean;
  shirtNumber: number;
  role: LineupRole;
  /** This match's position, the player's usual one to start with; empty for none. */
  position: string;
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
        position: entry?.position ?? player.position ?? '',
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
      ...(r.position ? { position: r.position } : {}),
    })),
});

/** The competition's lineup rules the selection breaks: the same check the server makes. */
export const ruleProblems = (rows: DraftRow[], rules: LineupRules) => lineupProblems(toBody(rows).entries, rules);

/** Players whose full name another player on the roster shares: they need more than a name to be told apart. */
export function namesakes(roster: readonly RosterPlayer[]): Set<string> {
  const count = new Map<string, number>();
  for (const p of roster) count.set(fullName(p), (count.get(fullName(p)) ?? 0) + 1);
  return new Set(roster.filter((p) => count.get(fullName(p))! > 1).map((p) => p.playerId));
}
