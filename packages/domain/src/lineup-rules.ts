import type { LineupRole, LineupRules } from '@touchline/contract';

/** The columns' defaults: eleven starters, a goalkeeper among them, up to twelve substitutes. */
export const defaultLineupRules: LineupRules = {
  lineupStarters: 11,
  lineupRequiresGoalkeeper: true,
  lineupMaxSubstitutes: 12,
};

/** Position texts that mean a goalkeeper, lower-cased: the codes and words rosters and CSV files use. */
const GOALKEEPER = new Set(['gk', 'g', 'goalkeeper', 'keeper', 'вр', 'вратарь']);

export const isGoalkeeper = (position: string | null | undefined) =>
  position !== null && position !== undefined && GOALKEEPER.has(position.trim().toLowerCase());

export type LineupProblem =
  | { code: 'lineup_starters_count'; expected: number; actual: number }
  | { code: 'lineup_goalkeeper_missing' }
  | { code: 'lineup_too_many_substitutes'; max: number; actual: number };

export interface LineupPick {
  role: LineupRole;
  position?: string | null | undefined;
}

export function lineupCounts(picks: readonly LineupPick[]) {
  const starters = picks.filter((p) => p.role === 'starter');
  return {
    starters: starters.length,
    substitutes: picks.length - starters.length,
    goalkeepers: starters.filter((p) => isGoalkeeper(p.position)).length,
  };
}

/**
 * Every rule the lineup breaks, in a fixed order (none means it may be saved). An empty lineup breaks none:
 * it withdraws the lineup, the same as never submitting one.
 */
export function lineupProblems(picks: readonly LineupPick[], rules: LineupRules): LineupProblem[] {
  if (picks.length === 0) return [];
  const n = lineupCounts(picks);
  const problems: LineupProblem[] = [];
  if (n.starters !== rules.lineupStarters) {
    problems.push({ code: 'lineup_starters_count', expected: rules.lineupStarters, actual: n.starters });
  }
  if (rules.lineupRequiresGoalkeeper && n.goalkeepers === 0) problems.push({ code: 'lineup_goalkeeper_missing' });
  if (n.substitutes > rules.lineupMaxSubstitutes) {
    problems.push({ code: 'lineup_too_many_substitutes', max: rules.lineupMaxSubstitutes, actual: n.substitutes });
  }
  return problems;
}
