import { z } from 'zod';
import { CompetitionType, EventType, Id, IsoDate, LineupRole, MatchStatus, Period, Role, Side } from './common.ts';

export const ClubRef = z.object({
  id: Id,
  name: z.string(),
  shortName: z.string(),
  logoUrl: z.string().optional(),
});
export type ClubRef = z.infer<typeof ClubRef>;

export const Score = z.object({ home: z.number().int(), away: z.number().int() });
export type Score = z.infer<typeof Score>;

/**
 * A round as data: `stage` and `number` (the matchday of a table stage; for a playoff, the clubs the round starts
 * with: 8 = quarter-finals, 2 = final), so every reader names it in their own language. `label` is that name in the
 * league's language, or `customLabel` when the league named the round by hand.
 */
export const RoundRef = z.object({
  id: Id,
  label: z.string(),
  stage: z.enum(['league', 'group', 'playoff']),
  number: z.number().int(),
  customLabel: z.string().optional(),
});
export type RoundRef = z.infer<typeof RoundRef>;

export const MatchSummary = z.object({
  id: Id,
  seasonId: Id,
  competition: z.object({ id: Id, name: z.string(), type: CompetitionType }),
  round: RoundRef.optional(),
  kickoffAt: IsoDate,
  status: MatchStatus,
  period: Period.optional(),
  /** When the current period started, for the match clock. */
  periodStartedAt: IsoDate.optional(),
  homeClub: ClubRef,
  awayClub: ClubRef,
  score: Score,
  shootout: Score.optional(),
  penaltiesAllowed: z.boolean(),
  /** Present when the match decides a tie: what the knockout rules need to say how it goes on. */
  knockout: z
    .object({
      extraTime: z.boolean(),
      awayGoals: z.boolean(),
      /** The first leg's score as it was played (its home club is this match's away club). */
      firstLeg: Score.optional(),
    })
    .optional(),
  venue: z.string().optional(),
  referee: z.string().optional(),
  tieId: Id.optional(),
  finishedAt: IsoDate.optional(),
  /** A video of the match on an allow-listed host (decision 042); the web derives the player to embed. */
  streamUrl: z.string().optional(),
});
export type MatchSummary = z.infer<typeof MatchSummary>;

export const MatchEvent = z.object({
  id: Id,
  clientEventId: z.string().optional(),
  type: EventType,
  side: Side,
  minute: z.number().int(),
  addedTime: z.number().int().optional(),
  playerId: Id.optional(),
  relatedPlayerId: Id.optional(),
  scored: z.boolean().optional(),
  /** A comment's text. */
  text: z.string().optional(),
  createdAt: IsoDate,
  createdBy: z.string(),
});
export type MatchEvent = z.infer<typeof MatchEvent>;

export const Stats = z.object({
  shots: z.number().int(),
  shots_on_target: z.number().int(),
  corners: z.number().int(),
  fouls: z.number().int(),
  offsides: z.number().int(),
  saves: z.number().int(),
  yellow_cards: z.number().int(),
  red_cards: z.number().int(),
});
export type Stats = z.infer<typeof Stats>;
export const SideStats = z.object({ home: Stats, away: Stats });
export type SideStats = z.infer<typeof SideStats>;

export const LineupEntry = z.object({
  playerId: Id,
  firstName: z.string(),
  lastName: z.string(),
  shirtNumber: z.number().int(),
  role: LineupRole,
  position: z.string().optional(),
});
export type LineupEntry = z.infer<typeof LineupEntry>;
export const Lineups = z.object({ home: z.array(LineupEntry), away: z.array(LineupEntry) });
export type Lineups = z.infer<typeof Lineups>;

export const MatchSnapshot = z.object({
  epoch: z.string(),
  seq: z.number().int(),
  match: MatchSummary,
  events: z.array(MatchEvent),
  stats: SideStats,
  lineups: Lineups,
});
export type MatchSnapshot = z.infer<typeof MatchSnapshot>;

export const StandingsRow = z.object({
  position: z.number().int(),
  club: ClubRef,
  played: z.number().int(),
  won: z.number().int(),
  drawn: z.number().int(),
  lost: z.number().int(),
  goalsFor: z.number().int(),
  goalsAgainst: z.number().int(),
  goalDifference: z.number().int(),
  points: z.number().int(),
  deduction: z.number().int().optional(),
});
export type StandingsRow = z.infer<typeof StandingsRow>;

export const Standings = z.object({
  seasonId: Id,
  tieBreakers: z.array(z.string()).optional(),
  groups: z.array(z.object({ groupId: Id.optional(), label: z.string().optional(), rows: z.array(StandingsRow) })),
});
export type Standings = z.infer<typeof Standings>;

/** A player's season so far, from the season's finished matches (rebuilt at every finalisation). */
export const PlayerSeasonLine = z.object({
  playerId: Id,
  firstName: z.string(),
  lastName: z.string(),
  club: ClubRef,
  appearances: z.number().int(),
  goals: z.number().int(),
  penaltyGoals: z.number().int(),
  assists: z.number().int(),
  yellowCards: z.number().int(),
  redCards: z.number().int(),
  /** Player-of-the-match votes won (a shared win counts), computed from the closed votes (decision 042). */
  playerOfMatch: z.number().int(),
});
export type PlayerSeasonLine = z.infer<typeof PlayerSeasonLine>;
export const SuspensionReason = z.enum(['red_card', 'second_yellow', 'yellow_accumulation']);
export const ActiveSuspension = z.object({
  playerId: Id,
  firstName: z.string(),
  lastName: z.string(),
  club: ClubRef,
  reason: SuspensionReason,
  matchesRemaining: z.number().int(),
});
export type ActiveSuspension = z.infer<typeof ActiveSuspension>;
/** `GET /api/seasons/:id/players`: scorers first (goals, then assists), and who is banned for the next matches. */
export const SeasonPlayers = z.object({
  seasonId: Id,
  players: z.array(PlayerSeasonLine),
  suspensions: z.array(ActiveSuspension),
});
export type SeasonPlayers = z.infer<typeof SeasonPlayers>;

export const User = z.object({
  id: Id,
  login: z.string(),
  displayName: z.string(),
  role: Role,
  clubId: Id.optional(),
});
export type User = z.infer<typeof User>;
