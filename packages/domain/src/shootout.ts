export interface TieContext {
  competitionType: 'league' | 'cup';
  /** The round's stage; `playoff` rounds of a league decide ties too. */
  stage?: 'league' | 'group' | 'playoff' | undefined;
  tieKind?: 'single' | 'two_legged' | 'best_of' | undefined;
  leg?: number | undefined;
}

/** "This match decides a knockout tie" (`penaltiesAllowed`, docs/rules.md §1.6); not about the current score. */
export function decidesTie(ctx: TieContext): boolean {
  const knockout =
    ctx.tieKind !== undefined || ctx.stage === 'playoff' || (ctx.competitionType === 'cup' && ctx.stage !== 'group');
  if (!knockout) return false;
  if (ctx.tieKind === 'two_legged') return ctx.leg === 2;
  return true;
}

export type ShootoutRefusal = 'penalty_not_available' | 'penalty_requires_draw' | 'match_not_live';

export interface ShootoutCheck {
  decides: boolean;
  live: boolean;
  /** Goals that count for the decision: the match score, or the aggregate in a second leg. */
  decidingScore: { home: number; away: number };
}

/** Why the penalties period may not start, or null when it may. */
export function shootoutRefusal(c: ShootoutCheck): ShootoutRefusal | null {
  if (!c.decides) return 'penalty_not_available';
  if (!c.live) return 'match_not_live';
  if (c.decidingScore.home !== c.decidingScore.away) return 'penalty_requires_draw';
  return null;
}
