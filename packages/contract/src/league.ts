import { z } from 'zod';
import { ClubRef, MatchSummary, RoundRef, User } from './models.ts';
import { CompetitionType, Id } from './common.ts';
import { SeasonFormat, TieKind } from './admin.ts';

/* Answers of the public league reads beyond docs/protocol.md §4, and the few other answers the web reads. */

/** `GET /api/config`: what the web needs to know about this league's server. */
export const ConfigAnswer = z.object({
  timezone: z.string(),
  telegram: z.boolean(),
  /** How long after the final whistle a judge may still correct a match. */
  judgeWindowHours: z.number().int(),
  /** The VAPID public key for `pushManager.subscribe`; null when Web Push is off (docs/decisions/035). */
  vapidPublicKey: z.string().nullable(),
});
export type ConfigAnswer = z.infer<typeof ConfigAnswer>;

/** `GET /api/competitions`: every competition with its seasons. */
export const CompetitionsAnswer = z.object({
  competitions: z.array(
    z.object({
      id: Id,
      name: z.string(),
      type: CompetitionType,
      seasons: z.array(z.object({ id: Id, name: z.string(), format: SeasonFormat, active: z.boolean() })),
    }),
  ),
});
export type CompetitionsAnswer = z.infer<typeof CompetitionsAnswer>;

export const BracketTie = z.object({
  id: Id,
  kind: TieKind,
  bestOf: z.number().int().optional(),
  homeClub: ClubRef.optional(),
  awayClub: ClubRef.optional(),
  winnerClubId: Id.optional(),
  aggregate: z.object({ home: z.number().int(), away: z.number().int() }).optional(),
  /** Games won by each club (keyed by club id), for a best-of tie. */
  wins: z.record(z.string(), z.number().int()).optional(),
  /** The tie the winner goes on to. */
  nextTieId: Id.optional(),
  matches: z.array(MatchSummary),
});
export type BracketTie = z.infer<typeof BracketTie>;
/** `GET /api/seasons/:id/bracket`: the playoff rounds that have ties. */
export const BracketAnswer = z.object({
  seasonId: Id,
  rounds: z.array(RoundRef.extend({ ties: z.array(BracketTie) })),
});
export type BracketAnswer = z.infer<typeof BracketAnswer>;

export const PublicClub = ClubRef.extend({
  primaryColor: z.string().optional(),
  secondaryColor: z.string().optional(),
  homeGround: z.string().optional(),
});
export type PublicClub = z.infer<typeof PublicClub>;
export const ClubsAnswer = z.object({ clubs: z.array(PublicClub) });
export type ClubsAnswer = z.infer<typeof ClubsAnswer>;

export const SquadPlayer = z.object({
  playerId: Id,
  firstName: z.string(),
  lastName: z.string(),
  /** A club squad member may have no default number; a season roster entry always has one. */
  shirtNumber: z.number().int().optional(),
  position: z.string().optional(),
});
export type SquadPlayer = z.infer<typeof SquadPlayer>;
/** `GET /api/clubs/:id`: the club and its current squad. */
export const PublicClubAnswer = z.object({ club: PublicClub, squad: z.array(SquadPlayer) });
export type PublicClubAnswer = z.infer<typeof PublicClubAnswer>;

/** `POST /api/admin/users`. */
export const UserAnswer = z.object({ user: User });

/** An iCal feed (RFC 5545), served as text/calendar. */
export const CalendarText = z.string().describe('An iCalendar (RFC 5545) feed');
/** A 204 answer: no body (OpenAPI then lists no content for it). */
export const NoContent = z.null().describe('No content');
