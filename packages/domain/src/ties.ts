export interface TieSpec {
  kind: 'single' | 'two_legged' | 'best_of';
  bestOf?: number;
  awayGoals: boolean;
  clubA: string;
  clubB: string;
}

/** One game of a tie; a tie's games are given in the order they are played (leg 1, leg 2, game 1, …). */
export interface TieGame {
  homeClubId: string;
  awayClubId: string;
  homeGoals: number;
  awayGoals: number;
  shootout?: { home: number; away: number };
  finished: boolean;
}

export interface TieOutcome {
  winnerClubId: string | null;
  decidedBy: 'score' | 'aggregate' | 'away_goals' | 'shootout' | 'wins' | null;
  aggregate: Record<string, number>;
  wins: Record<string, number>;
}

type Decision = Pick<TieOutcome, 'winnerClubId' | 'decidedBy'>;
const undecided: Decision = { winnerClubId: null, decidedBy: null };

/** The club ahead in a two-way count, or null when level. */
function ahead(home: string, away: string, h: number, a: number): string | null {
  return h > a ? home : a > h ? away : null;
}

function shootoutDecision(g: TieGame): Decision {
  const winner = g.shootout ? ahead(g.homeClubId, g.awayClubId, g.shootout.home, g.shootout.away) : null;
  return winner ? { winnerClubId: winner, decidedBy: 'shootout' } : undecided;
}

/** A game's winner: by score, or by its shootout when level after play. */
function gameDecision(g: TieGame): Decision {
  const byScore = ahead(g.homeClubId, g.awayClubId, g.homeGoals, g.awayGoals);
  return byScore ? { winnerClubId: byScore, decidedBy: 'score' } : shootoutDecision(g);
}

const awayGoalsOf = (club: string, games: readonly TieGame[]) =>
  games.reduce((sum, g) => sum + (g.awayClubId === club ? g.awayGoals : 0), 0);
const goalsOf = (club: string, games: readonly TieGame[]) =>
  games.reduce((sum, g) => sum + (g.homeClubId === club ? g.homeGoals : 0), awayGoalsOf(club, games));

type Decide = (spec: TieSpec, finished: readonly TieGame[]) => Decision;

/** How each kind of tie is decided, from its finished games. */
const DECIDE: Record<TieSpec['kind'], Decide> = {
  single: (_spec, finished) => (finished[0] ? gameDecision(finished[0]) : undecided),

  two_legged: (spec, finished) => {
    const [, second] = finished;
    if (!second) return undecided;
    const legs = finished.slice(0, 2);
    const { clubA: a, clubB: b } = spec;
    const byAggregate = ahead(a, b, goalsOf(a, legs), goalsOf(b, legs));
    if (byAggregate) return { winnerClubId: byAggregate, decidedBy: 'aggregate' };
    const byAwayGoals = spec.awayGoals && ahead(a, b, awayGoalsOf(a, legs), awayGoalsOf(b, legs));
    if (byAwayGoals) return { winnerClubId: byAwayGoals, decidedBy: 'away_goals' };
    // The second leg's shootout decides the tie, whatever that leg's own score.
    return shootoutDecision(second);
  },

  best_of: (spec, finished) => {
    const needed = Math.ceil((spec.bestOf ?? 1) / 2);
    const wins = new Map<string, number>();
    for (const g of finished) {
      const { winnerClubId } = gameDecision(g);
      if (winnerClubId === null) continue;
      const count = (wins.get(winnerClubId) ?? 0) + 1;
      if (count >= needed) return { winnerClubId, decidedBy: 'wins' };
      wins.set(winnerClubId, count);
    }
    return undecided;
  },
};

/** Who has won a tie so far, how, and the running aggregate and game wins of both clubs. */
export function resolveTie(spec: TieSpec, games: readonly TieGame[]): TieOutcome {
  const clubs = [spec.clubA, spec.clubB];
  const between = (g: TieGame) => clubs.includes(g.homeClubId) && clubs.includes(g.awayClubId);
  const finished = games.filter((g) => g.finished && between(g));
  const aggregate = Object.fromEntries(clubs.map((c) => [c, goalsOf(c, finished)]));
  const wins = Object.fromEntries(clubs.map((c) => [c, 0]));
  for (const g of finished) {
    const { winnerClubId } = gameDecision(g);
    if (winnerClubId !== null) wins[winnerClubId]!++;
  }
  return { ...DECIDE[spec.kind](spec, finished), aggregate, wins };
}

/**
 * The score a shootout decision looks at for `game`: the game's own score, or the aggregate over the tie in a
 * two-legged tie (from game's home/away perspective). With the away-goals rule and a level aggregate it is the
 * away goals instead, so "level" always means "only a shootout can decide".
 */
export function decidingScore(spec: TieSpec, games: readonly TieGame[], game: TieGame): { home: number; away: number } {
  if (spec.kind !== 'two_legged') return { home: game.homeGoals, away: game.awayGoals };
  // The other leg is the one the other club hosts; `game` itself counts with its current score.
  const isOtherLeg = (g: TieGame) => g.finished && g.homeClubId === game.awayClubId && g.awayClubId === game.homeClubId;
  const legs = [...games.filter(isOtherLeg).slice(0, 1), game];
  const aggregate = { home: goalsOf(game.homeClubId, legs), away: goalsOf(game.awayClubId, legs) };
  if (aggregate.home !== aggregate.away || !spec.awayGoals) return aggregate;
  return { home: awayGoalsOf(game.homeClubId, legs), away: awayGoalsOf(game.awayClubId, legs) };
}
