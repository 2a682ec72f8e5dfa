/**
 * Match predictions (docs/rules.md §8, decision 041): three markets, settled from the final score, and a season
 * leaderboard, streaks and achievements computed from the settled record, never counted by hand.
 */

export type ResultPick = 'home' | 'draw' | 'away';
export type TotalPick = 'over' | 'under';
export type Market = 'result' | 'total' | 'bothScore';
export const MARKETS: readonly Market[] = ['result', 'total', 'bothScore'];

export interface Picks {
  result?: ResultPick | null | undefined;
  total?: TotalPick | null | undefined;
  bothScore?: boolean | null | undefined;
}

/** Points per correct pick, by market. */
export interface PredictionPoints {
  result: number;
  total: number;
  bothScore: number;
}

/** A result is the hardest to call, so it is worth the most; the two yes/no markets one point each. */
export const DEFAULT_PREDICTION_POINTS: PredictionPoints = { result: 3, total: 1, bothScore: 1 };
export const DEFAULT_PREDICTION_LINE = 2.5;
export const PREDICTION_LINE_MIN = 0.5;
export const PREDICTION_LINE_MAX = 9.5;
export const MAX_POINTS_PER_PICK = 20;

/** A line is a half (0.5, 1.5, … 9.5), so a total is always over or under it and no pick is ever void. */
export const isPredictionLine = (line: number) =>
  Number.isFinite(line) && line >= PREDICTION_LINE_MIN && line <= PREDICTION_LINE_MAX && (line * 2) % 2 === 1;

/**
 * The score a prediction is settled on: goals after extra time, if any. A penalty shootout is not part of it, so a
 * match level after extra time is a draw whoever wins the shootout (docs/rules.md §8).
 */
export interface FinalScore {
  home: number;
  away: number;
}

export type Outcome = Partial<Record<Market, boolean>>;

export interface Settlement {
  outcome: Outcome;
  points: number;
}

export const resultOf = (s: FinalScore): ResultPick => (s.home > s.away ? 'home' : s.home < s.away ? 'away' : 'draw');

/** Whether each market the fan picked is right; a market left empty has no outcome. */
export function outcomeOf(picks: Picks, line: number, score: FinalScore): Outcome {
  const outcome: Outcome = {};
  if (picks.result) outcome.result = picks.result === resultOf(score);
  if (picks.total) outcome.total = score.home + score.away > line === (picks.total === 'over');
  if (picks.bothScore !== null && picks.bothScore !== undefined) {
    outcome.bothScore = picks.bothScore === (score.home > 0 && score.away > 0);
  }
  return outcome;
}

/** A pure function of the picks and the current final score: settling again gives the same row. */
export function settle(
  picks: Picks,
  line: number,
  score: FinalScore,
  points: PredictionPoints = DEFAULT_PREDICTION_POINTS,
): Settlement {
  const outcome = outcomeOf(picks, line, score);
  const earned = MARKETS.reduce((sum, m) => sum + (outcome[m] ? points[m] : 0), 0);
  return { outcome, points: earned };
}

/** Whether the picks hold at least one market. */
export const hasPick = (p: Picks) =>
  Boolean(p.result) || Boolean(p.total) || (p.bothScore !== null && p.bothScore !== undefined);

/** One settled prediction, as the leaderboard and a fan's record read it. */
export interface SettledRow {
  fanId: string;
  matchId: string;
  points: number;
  outcome: Outcome;
}

export interface LeaderboardRow {
  fanId: string;
  /** 1-based; fans level on points and right picks share a rank. */
  rank: number;
  points: number;
  /** Right picks, over every market. */
  correct: number;
  /** Settled matches predicted. */
  predicted: number;
}

const rightPicks = (o: Outcome) => MARKETS.filter((m) => o[m] === true).length;

/**
 * The leaderboard from settled rows: most points first, then most right picks, then fewer matches (the same points
 * from fewer tries), then the fan id, so the order never depends on the rows' order.
 */
export function leaderboard(rows: readonly SettledRow[]): LeaderboardRow[] {
  const by = new Map<string, LeaderboardRow>();
  for (const r of rows) {
    const row = by.get(r.fanId) ?? { fanId: r.fanId, rank: 0, points: 0, correct: 0, predicted: 0 };
    row.points += r.points;
    row.correct += rightPicks(r.outcome);
    row.predicted += 1;
    by.set(r.fanId, row);
  }
  const list = [...by.values()].sort(
    (a, b) =>
      b.points - a.points ||
      b.correct - a.correct ||
      a.predicted - b.predicted ||
      (a.fanId < b.fanId ? -1 : a.fanId > b.fanId ? 1 : 0),
  );
  list.forEach((row, i) => {
    const prev = list[i - 1];
    row.rank =
      prev && prev.points === row.points && prev.correct === row.correct && prev.predicted === row.predicted
        ? prev.rank
        : i + 1;
  });
  return list;
}

/** One match of a fan's record, in kick-off order; `outcome` null while it is not settled. */
export interface RecordEntry {
  matchId: string;
  outcome: Outcome | null;
}

export interface Streaks {
  /** Settled matches in a row, up to the latest, with at least one right pick. */
  current: number;
  /** The longest such run. */
  best: number;
}

/** A settled match is a hit when at least one of its picks was right; unsettled matches neither extend nor break. */
export const isHit = (o: Outcome) => rightPicks(o) > 0;

export function streaks(record: readonly RecordEntry[]): Streaks {
  let current = 0;
  let best = 0;
  for (const e of record) {
    if (!e.outcome) continue;
    current = isHit(e.outcome) ? current + 1 : 0;
    best = Math.max(best, current);
  }
  return { current, best };
}

export type AchievementKind = 'firstCorrect' | 'fiveInARow' | 'fiftyPicks';
export const STREAK_ACHIEVEMENT = 5;
export const PICKS_ACHIEVEMENT = 50;

export interface Achievement {
  kind: AchievementKind;
  /** The match that earned it. */
  matchId: string;
}

/**
 * Achievements earned by a fan's record (kick-off order): the first settled match with a right pick, the fifth hit
 * in a row, the fiftieth match predicted. Computed afresh, so a correction can take one back.
 */
export function achievements(record: readonly RecordEntry[]): Achievement[] {
  const found = new Map<AchievementKind, string>();
  let run = 0;
  record.forEach((e, i) => {
    if (i + 1 === PICKS_ACHIEVEMENT) found.set('fiftyPicks', e.matchId);
    if (!e.outcome) return;
    run = isHit(e.outcome) ? run + 1 : 0;
    if (run > 0 && !found.has('firstCorrect')) found.set('firstCorrect', e.matchId);
    if (run === STREAK_ACHIEVEMENT && !found.has('fiveInARow')) found.set('fiveInARow', e.matchId);
  });
  const order: AchievementKind[] = ['firstCorrect', 'fiveInARow', 'fiftyPicks'];
  return order.filter((k) => found.has(k)).map((kind) => ({ kind, matchId: found.get(kind)! }));
}

/** Predictions close at kick-off, or as soon as the match is no longer scheduled, by the server's clock. */
export const predictionOpen = (status: string, kickoffAt: Date, now: Date) =>
  status === 'scheduled' && now.getTime() < kickoffAt.getTime();
