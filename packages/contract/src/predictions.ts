import { z } from 'zod';
import { Id, IsoDate } from './common.ts';
import { MatchSummary } from './models.ts';

/** Match predictions (docs/protocol.md §4, predictions; docs/rules.md §9). */
export const ResultPick = z.enum(['home', 'draw', 'away']);
export type ResultPick = z.infer<typeof ResultPick>;
export const TotalPick = z.enum(['over', 'under']);
export type TotalPick = z.infer<typeof TotalPick>;
export const AchievementKind = z.enum(['firstCorrect', 'fiveInARow', 'fiftyPicks']);
export type AchievementKind = z.infer<typeof AchievementKind>;

/** The over/under line: a half between 0.5 and 9.5, so a total is never exactly on it. */
export const PredictionLine = z
  .number()
  .min(0.5)
  .max(9.5)
  .refine((n) => (n * 2) % 2 === 1, 'a half: 0.5, 1.5, … 9.5');

const pickPoints = z.number().int().min(0).max(20);
/** Points per right pick, by market; null on a competition: the defaults (3, 1, 1). */
export const PredictionPoints = z.object({ result: pickPoints, total: pickPoints, bothScore: pickPoints }).strict();
export type PredictionPoints = z.infer<typeof PredictionPoints>;

/** Any of the markets, at least one; a market left out keeps what was picked before. */
export const PredictionBody = z
  .object({ result: ResultPick.optional(), total: TotalPick.optional(), bothScore: z.boolean().optional() })
  .strict()
  .refine((b) => b.result !== undefined || b.total !== undefined || b.bothScore !== undefined, {
    message: 'pick at least one market',
  });
export type PredictionBody = z.infer<typeof PredictionBody>;

export const PredictionOutcome = z.object({
  result: z.boolean().optional(),
  total: z.boolean().optional(),
  bothScore: z.boolean().optional(),
});

export const Prediction = z.object({
  matchId: Id,
  result: ResultPick.nullable(),
  total: TotalPick.nullable(),
  /** The line the total was picked against. */
  totalLine: z.number().nullable(),
  bothScore: z.boolean().nullable(),
  /** Per market, whether the pick was right; null until settled. */
  outcome: PredictionOutcome.nullable(),
  points: z.number().int().nullable(),
  settledAt: IsoDate.nullable(),
  updatedAt: IsoDate,
});
export type Prediction = z.infer<typeof Prediction>;

/** A match's prediction card: the line, whether picks are still taken, the points, and the caller's own pick. */
export const PredictionAnswer = z.object({
  matchId: Id,
  line: z.number(),
  open: z.boolean(),
  closesAt: IsoDate,
  points: PredictionPoints,
  /** The signed-in fan's pick; null for anyone else or before a pick. */
  prediction: Prediction.nullable(),
});
export type PredictionAnswer = z.infer<typeof PredictionAnswer>;

export const LeaderboardEntry = z.object({
  rank: z.number().int(),
  fan: z.object({ id: Id, name: z.string() }),
  points: z.number().int(),
  correct: z.number().int(),
  predicted: z.number().int(),
});
export type LeaderboardEntry = z.infer<typeof LeaderboardEntry>;

export const LEADERBOARD_SIZE = 50;
export const LeaderboardAnswer = z.object({
  seasonId: Id,
  /** The top LEADERBOARD_SIZE. */
  entries: z.array(LeaderboardEntry),
  /** The signed-in fan's own line, also below the top; null when anonymous or not on the board. */
  me: LeaderboardEntry.nullable(),
});
export type LeaderboardAnswer = z.infer<typeof LeaderboardAnswer>;

export const Achievement = z.object({ kind: AchievementKind, matchId: Id });
export const MyPredictionsAnswer = z.object({
  totals: z.object({
    points: z.number().int(),
    correct: z.number().int(),
    predicted: z.number().int(),
    settled: z.number().int(),
  }),
  streak: z.object({ current: z.number().int(), best: z.number().int() }),
  achievements: z.array(Achievement),
  /** Newest kick-off first. */
  history: z.array(z.object({ match: MatchSummary, prediction: Prediction })),
});
export type MyPredictionsAnswer = z.infer<typeof MyPredictionsAnswer>;

/** The season topic's change when settlement moved points (docs/protocol.md §9.5): the leaderboard re-reads. */
export const PredictionsChangeData = z.object({ matchId: Id, settled: z.number().int() });
