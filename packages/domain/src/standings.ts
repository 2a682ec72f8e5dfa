export type TieBreaker = 'points' | 'head_to_head' | 'goal_difference' | 'goals_for' | 'wins' | 'fewer_cards' | 'name';

export interface TableRules {
  pointsWin: number;
  pointsDraw: number;
  pointsLoss: number;
  /** `draw`: a match decided on penalties counts as a draw; `bonus`: shootout winner and loser get their own points. */
  shootoutPolicy: 'draw' | 'bonus';
  pointsShootoutWin: number;
  pointsShootoutLoss: number;
  tieBreakers: TieBreaker[];
}

export const defaultRules: TableRules = {
  pointsWin: 3,
  pointsDraw: 1,
  pointsLoss: 0,
  shootoutPolicy: 'draw',
  pointsShootoutWin: 2,
  pointsShootoutLoss: 1,
  tieBreakers: ['points', 'head_to_head', 'goal_difference', 'goals_for', 'wins', 'fewer_cards', 'name'],
};

export interface TableClub {
  id: string;
  name: string;
  deduction?: number;
}

export interface MatchResult {
  homeClubId: string;
  awayClubId: string;
  homeGoals: number;
  awayGoals: number;
  shootout?: { home: number; away: number } | undefined;
  homeCards?: number;
  awayCards?: number;
}

export interface TableRow {
  clubId: string;
  name: string;
  position: number;
  played: number;
  won: number;
  drawn: number;
  lost: number;
  goalsFor: number;
  goalsAgainst: number;
  goalDifference: number;
  points: number;
  deduction: number;
  cards: number;
}

function blankRow(club: TableClub): TableRow {
  const deduction = club.deduction ?? 0;
  return {
    clubId: club.id,
    name: club.name,
    position: 0,
    played: 0,
    won: 0,
    drawn: 0,
    lost: 0,
    goalsFor: 0,
    goalsAgainst: 0,
    goalDifference: 0,
    // 0 - d rather than -d: with no deduction, points start at 0, not -0.
    points: 0 - deduction,
    deduction,
    cards: 0,
  };
}

function record(row: TableRow, gf: number, ga: number, cards: number, pts: number, outcome: 'won' | 'drawn' | 'lost') {
  row.played++;
  row.goalsFor += gf;
  row.goalsAgainst += ga;
  row.goalDifference = row.goalsFor - row.goalsAgainst;
  row.cards += cards;
  row.points += pts;
  row[outcome]++;
}

/** Points and outcome for each side of one result under the rules. */
function scoreResult(m: MatchResult, r: TableRules) {
  if (m.homeGoals !== m.awayGoals) {
    const homeWon = m.homeGoals > m.awayGoals;
    return {
      home: { pts: homeWon ? r.pointsWin : r.pointsLoss, outcome: homeWon ? 'won' : 'lost' },
      away: { pts: homeWon ? r.pointsLoss : r.pointsWin, outcome: homeWon ? 'lost' : 'won' },
    } as const;
  }
  if (r.shootoutPolicy === 'bonus' && m.shootout && m.shootout.home !== m.shootout.away) {
    const homeWon = m.shootout.home > m.shootout.away;
    return {
      home: { pts: homeWon ? r.pointsShootoutWin : r.pointsShootoutLoss, outcome: 'drawn' },
      away: { pts: homeWon ? r.pointsShootoutLoss : r.pointsShootoutWin, outcome: 'drawn' },
    } as const;
  }
  return { home: { pts: r.pointsDraw, outcome: 'drawn' }, away: { pts: r.pointsDraw, outcome: 'drawn' } } as const;
}

function tabulate(
  clubs: readonly TableClub[],
  results: readonly MatchResult[],
  rules: TableRules,
  withDeductions: boolean,
) {
  const rows = new Map(clubs.map((c) => [c.id, blankRow(withDeductions ? c : { ...c, deduction: 0 })]));
  for (const m of results) {
    const home = rows.get(m.homeClubId);
    const away = rows.get(m.awayClubId);
    if (!home || !away) continue;
    const s = scoreResult(m, rules);
    record(home, m.homeGoals, m.awayGoals, m.homeCards ?? 0, s.home.pts, s.home.outcome);
    record(away, m.awayGoals, m.homeGoals, m.awayCards ?? 0, s.away.pts, s.away.outcome);
  }
  return rows;
}

type Key = (row: TableRow) => number | string;
const numericKeys: Record<Exclude<TieBreaker, 'head_to_head' | 'name'>, Key> = {
  points: (r) => -r.points,
  goal_difference: (r) => -r.goalDifference,
  goals_for: (r) => -r.goalsFor,
  wins: (r) => -r.won,
  fewer_cards: (r) => r.cards,
};

/** Splits rows (already sorted by key) into runs that share the same key. */
function partition(rows: TableRow[], key: (r: TableRow) => string): TableRow[][] {
  const sorted = [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const out: TableRow[][] = [];
  for (const row of sorted) {
    const last = out.at(-1);
    if (last && key(last[0]!) === key(row)) last.push(row);
    else out.push([row]);
  }
  return out;
}

const pad = (n: number) => String(n + 1e9).padStart(12, '0');

function rank(
  rows: TableRow[],
  breakers: readonly TieBreaker[],
  results: readonly MatchResult[],
  rules: TableRules,
): TableRow[] {
  if (rows.length <= 1) return rows;
  const [first, ...rest] = breakers;
  if (first === undefined)
    return [...rows].sort((a, b) => Number(a.clubId) - Number(b.clubId) || (a.clubId < b.clubId ? -1 : 1));
  let key: (r: TableRow) => string;
  if (first === 'name') {
    key = (r) => r.name.toLocaleLowerCase();
  } else if (first === 'head_to_head') {
    // A mini-league over all the tied clubs, from only the matches among them.
    const ids = new Set(rows.map((r) => r.clubId));
    const mini = tabulate(
      rows.map((r) => ({ id: r.clubId, name: r.name })),
      results.filter((m) => ids.has(m.homeClubId) && ids.has(m.awayClubId)),
      rules,
      false,
    );
    key = (r) => {
      const h = mini.get(r.clubId)!;
      return `${pad(-h.points)}|${pad(-h.goalDifference)}|${pad(-h.goalsFor)}`;
    };
  } else {
    const k = numericKeys[first];
    key = (r) => pad(Number(k(r)));
  }
  return partition(rows, key).flatMap((group) => rank(group, rest, results, rules));
}

/** Computes a table. The result depends only on the set of results, never on their order. */
export function computeTable(
  clubs: readonly TableClub[],
  results: readonly MatchResult[],
  rules: TableRules = defaultRules,
): TableRow[] {
  const rows = [...tabulate(clubs, results, rules, true).values()];
  const breakers = rules.tieBreakers.includes('points')
    ? rules.tieBreakers
    : (['points', ...rules.tieBreakers] as TieBreaker[]);
  return rank(rows, breakers, results, rules).map((r, i) => ({ ...r, position: i + 1 }));
}
