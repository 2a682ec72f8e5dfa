import type {
  ClubRef,
  CompetitionType,
  LineupEntry,
  LineupOptionsAnswer,
  MatchEvent,
  MatchSummary,
  RoundRef,
  SideStats,
  User,
} from '@touchline/contract';

/** Answers of PROTOCOL §2–4, spelled out as types so the bundle carries no schemas. */
export interface AuthAnswer {
  token: string;
  expiresIn: number;
  user: User;
}
export interface EventAnswer {
  event: MatchEvent;
  seq: number;
}
export interface SeqAnswer {
  seq: number;
}
export interface StatsAnswer {
  stats: SideStats;
  seq: number;
}
export interface StateAnswer {
  match: MatchSummary;
  seq: number;
}
export interface LineupAnswer {
  lineup: LineupEntry[];
  seq: number;
}
export interface MatchListAnswer {
  matches: MatchSummary[];
}

/* Endpoints beyond PROTOCOL.md that the server provides for the web app. */

export interface CompetitionsAnswer {
  competitions: {
    id: string;
    name: string;
    type: CompetitionType;
    seasons: { id: string; name: string; format: string; active: boolean }[];
  }[];
}

export interface BracketTie {
  id: string;
  homeClub?: ClubRef;
  awayClub?: ClubRef;
  winnerClubId?: string;
  kind: string;
  bestOf?: number;
  aggregate?: { home: number; away: number };
  matches: MatchSummary[];
}
export interface BracketAnswer {
  rounds: (RoundRef & { ties: BracketTie[] })[];
}

export interface SquadPlayer {
  playerId: string;
  firstName: string;
  lastName: string;
  /** A club squad member may have no default number; a season roster entry always has one. */
  shirtNumber?: number;
  position?: string;
}
export interface ClubAnswer {
  club: ClubRef & { primaryColor?: string; homeGround?: string };
  squad: SquadPlayer[];
}

export type { LineupOptionsAnswer } from '@touchline/contract';
export type RosterPlayer = LineupOptionsAnswer['roster'][number];
