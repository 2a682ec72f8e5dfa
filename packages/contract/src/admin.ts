import { z } from 'zod';
import { SEASON_FORMATS, TIE_BREAKERS, TIE_KINDS } from './constants.ts';
import { CompetitionType, Id, IsoDate, MatchStatus, Role, StoredText } from './common.ts';
import { ClubRef, MatchSummary, RoundRef, User } from './models.ts';
import { LineupRules } from './rest.ts';
import { PredictionLine, PredictionPoints } from './predictions.ts';

/** League administration (`/api/admin/*`, admin only): one schema per message. */

export const AdminIdParams = z.object({ id: Id });
export const SeasonClubParams = z.object({ id: Id, clubId: Id });
export const SeasonPlayerParams = z.object({ id: Id, playerId: Id });
export const SeasonGroupParams = z.object({ id: Id, groupId: Id });

const name = StoredText.trim().min(1).max(100);
const note = StoredText.trim().max(200);
/** Stored text as answers carry it: rows written before a rule tightened must stay readable, and so fixable. */
const stored = z.string();
/** A calendar date, YYYY-MM-DD. */
export const DateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a calendar date');
const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1a2b3c');
const TimeZone = StoredText.refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'not a known time zone');
const unique = <T>(xs: T[]) => new Set(xs).size === xs.length;
const notEmpty = (b: object) => Object.keys(b).length > 0;
const NOTHING = { message: 'nothing to change' };

// Competitions

export const TieBreakerName = z.enum(TIE_BREAKERS);
export type TieBreakerName = z.infer<typeof TieBreakerName>;
const points = z.number().int().min(0).max(10);
const CompetitionFields = z.object({
  name,
  type: CompetitionType,
  pointsWin: points,
  pointsDraw: points,
  pointsLoss: points,
  /** `draw`: a match decided on penalties counts as a draw; `bonus`: the shootout points below. */
  shootoutPolicy: z.enum(['draw', 'bonus']),
  pointsShootoutWin: points,
  pointsShootoutLoss: points,
  tieBreakers: z.array(TieBreakerName).min(1).max(7).refine(unique, 'each tie-breaker once'),
  awayGoals: z.boolean(),
  /** A level deciding match plays extra time before penalties. */
  extraTime: z.boolean(),
  /** Every N yellows suspend for one match; 0 turns accumulation off. */
  yellowCardLimit: z.number().int().min(0).max(20),
  /** Matches a red card or a second yellow suspends for. */
  redCardBan: z.number().int().min(0).max(10),
  ...LineupRules.shape,
  /** Where kick-off times are planned; the league's zone when unset. */
  timezone: TimeZone,
  /** Points per right prediction pick; null: the defaults (docs/rules.md §9). */
  predictionPoints: PredictionPoints.nullable(),
  /** How long after full time fans may vote for the player of the match (docs/rules.md §10). */
  motmVoteHours: z.number().int().min(1).max(168),
});
export const CreateCompetitionBody = CompetitionFields.partial().required({ name: true, type: true }).strict();
export const UpdateCompetitionBody = CompetitionFields.partial().strict().refine(notEmpty, NOTHING);
/** `timezone` is null for a competition that follows the league's zone. */
export const Competition = CompetitionFields.extend({ id: Id, name: stored, timezone: TimeZone.nullable() });
export type Competition = z.infer<typeof Competition>;
export const CompetitionAnswer = z.object({ competition: Competition });
export const CompetitionList = z.object({ competitions: z.array(Competition) });

// Seasons, participants, groups

export const SeasonFormat = z.enum(SEASON_FORMATS);
export type SeasonFormat = z.infer<typeof SeasonFormat>;
const SeasonFields = z.object({
  name,
  format: SeasonFormat,
  startsOn: DateOnly.nullable(),
  endsOn: DateOnly.nullable(),
});
export const CreateSeasonBody = SeasonFields.partial({ startsOn: true, endsOn: true })
  .extend({ competitionId: Id })
  .strict();
export const UpdateSeasonBody = SeasonFields.partial().strict().refine(notEmpty, NOTHING);
export const SeasonListQuery = z.object({ competitionId: Id.optional() });
export const Season = SeasonFields.extend({ id: Id, name: stored, competitionId: Id, active: z.boolean() });
export type Season = z.infer<typeof Season>;
export const SeasonAnswer = z.object({ season: Season });
export const SeasonList = z.object({ seasons: z.array(Season) });

export const Participant = z.object({
  club: ClubRef,
  groupId: Id.nullable(),
  seed: z.number().int().nullable(),
  pointsDeduction: z.number().int(),
});
export const Group = z.object({ id: Id, label: z.string() });
export const Round = RoundRef.extend({ ordinal: z.number().int() });
export const SeasonDetail = z.object({
  season: Season,
  participants: z.array(Participant),
  groups: z.array(Group),
  rounds: z.array(Round),
});
/** Adds the club to the season, or changes its group, seed or deduction. */
export const ParticipantBody = z
  .object({
    groupId: Id.nullable(),
    seed: z.number().int().min(1).max(999).nullable(),
    pointsDeduction: z.number().int().min(0).max(100),
  })
  .partial()
  .strict();
export const ParticipantAnswer = z.object({ participant: Participant });
export const GroupBody = z.object({ label: StoredText.trim().min(1).max(20) }).strict();
export const GroupAnswer = z.object({ group: Group });

// Clubs, venues, referees

const ClubFields = z.object({
  name,
  /** For tight spots only; the full name is shown wherever it fits. */
  shortName: StoredText.trim().min(1).max(5),
  // The URL parser drops tabs and line breaks, so they are refused before it sees them.
  logoUrl: StoredText.pipe(z.url({ protocol: /^https?$/ }).max(500)).nullable(),
  primaryColor: Colour.nullable(),
  secondaryColor: Colour.nullable(),
  homeGround: note.nullable(),
});
export const CreateClubBody = ClubFields.partial().required({ name: true, shortName: true }).strict();
export const UpdateClubBody = ClubFields.partial().strict().refine(notEmpty, NOTHING);
export const Club = ClubFields.extend({
  id: Id,
  name: stored,
  shortName: stored,
  logoUrl: stored.nullable(),
  homeGround: stored.nullable(),
});
export type Club = z.infer<typeof Club>;
export const ClubAnswer = z.object({ club: Club });
export const ClubList = z.object({ clubs: z.array(Club) });

const VenueFields = z.object({ name, address: note.nullable() });
export const CreateVenueBody = VenueFields.partial({ address: true }).strict();
export const UpdateVenueBody = VenueFields.partial().strict().refine(notEmpty, NOTHING);
export const Venue = VenueFields.extend({ id: Id, name: stored, address: stored.nullable() });
export const VenueAnswer = z.object({ venue: Venue });
export const VenueList = z.object({ venues: z.array(Venue) });

export const CreateRefereeBody = z.object({ name }).strict();
export const UpdateRefereeBody = CreateRefereeBody;
export const Referee = z.object({ id: Id, name: z.string() });
export const RefereeAnswer = z.object({ referee: Referee });
export const RefereeList = z.object({ referees: z.array(Referee) });

// Players, transfers, CSV import, season rosters

export const ShirtNumber = z.number().int().min(1).max(99);
const PersonFields = z.object({
  firstName: name,
  lastName: name,
  birthDate: DateOnly.nullable(),
  position: StoredText.trim().max(20).nullable(),
});
/** With `clubId` the player joins that club's squad (recorded as a transfer from no club). */
export const CreatePlayerBody = PersonFields.partial({ birthDate: true, position: true })
  .extend({ clubId: Id.optional(), shirtNumber: ShirtNumber.optional() })
  .strict()
  .refine((b) => b.shirtNumber === undefined || b.clubId !== undefined, {
    message: 'a shirt number needs a club',
    path: ['shirtNumber'],
  });
/** `shirtNumber` is the default number in the current club's squad. */
export const UpdatePlayerBody = PersonFields.partial()
  .extend({ shirtNumber: ShirtNumber.nullable().optional() })
  .strict()
  .refine(notEmpty, NOTHING);
export const Player = PersonFields.extend({
  id: Id,
  firstName: stored,
  lastName: stored,
  position: stored.nullable(),
  club: ClubRef.nullable(),
  shirtNumber: z.number().int().nullable(),
});
export type Player = z.infer<typeof Player>;
export const PlayerAnswer = z.object({ player: Player });
export const PlayerListQuery = z.object({
  clubId: Id.optional(),
  /** Matches first or last name, case-insensitive. */
  q: StoredText.trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const PlayerList = z.object({ players: z.array(Player), total: z.number().int() });

export const TransferBody = z
  .object({ toClubId: Id, shirtNumber: ShirtNumber.optional(), at: IsoDate.optional() })
  .strict();
export const Transfer = z.object({ id: Id, from: ClubRef.nullable(), to: ClubRef, at: IsoDate });
export const TransferAnswer = z.object({ player: Player, transfer: Transfer });
export const TransferHistory = z.object({ player: Player, transfers: z.array(Transfer) });

/** One CSV row: `club` (or `clubId`) is a club id or a club's unique short name. */
export const CsvPlayerRow = z.object({
  firstName: name,
  lastName: name,
  birthDate: DateOnly.optional(),
  position: StoredText.trim().max(20).optional(),
  club: StoredText.trim().min(1, 'club is required').max(100),
  shirtNumber: z.coerce.number().pipe(ShirtNumber).optional(),
});
export const CsvImportQuery = z.object({ seasonId: Id.optional() });
/** The CSV file itself, sent as `text/csv`. */
export const CsvImportBody = z.string().max(1024 * 1024);
export const CsvImportAnswer = z.object({
  imported: z.number().int(),
  players: z.array(z.object({ row: z.number().int(), id: Id })),
});
/** details of a 400 csv_invalid: every bad row (1 is the header line) with all its problems. */
export const CsvRowErrors = z.object({
  rows: z.array(z.object({ row: z.number().int(), errors: z.array(z.string()) })),
});
export type CsvRowErrors = z.infer<typeof CsvRowErrors>;

export const RosterQuery = z.object({ clubId: Id.optional() });
/** Puts a player in a season roster, moves them to another club's roster, or changes the shirt number. */
export const RosterEntryBody = z
  .object({
    /** The player's current club when unset. */
    clubId: Id.optional(),
    /** The player's squad number when unset. */
    shirtNumber: ShirtNumber.optional(),
  })
  .strict();
export const RosterEntry = z.object({
  player: z.object({ id: Id, firstName: z.string(), lastName: z.string(), position: z.string().nullable() }),
  clubId: Id,
  shirtNumber: z.number().int(),
});
export const RosterEntryAnswer = z.object({ entry: RosterEntry });
export const RosterList = z.object({ entries: z.array(RosterEntry) });

// Staff accounts and operator assignment

export const AdminUser = User.extend({ active: z.boolean(), createdAt: IsoDate });
export const AdminUserAnswer = z.object({ user: AdminUser });
export const UserListQuery = z.object({
  role: Role.optional(),
  active: z.enum(['true', 'false']).optional(),
});
export const UserList = z.object({ users: z.array(AdminUser) });
export const PasswordBody = z.object({ password: z.string().max(200) }).strict();

export const OperatorsBody = z.object({ userIds: z.array(Id).max(20).refine(unique, 'each operator once') }).strict();
export const OperatorsAnswer = z.object({ matchId: Id, operators: z.array(User) });

// Fixtures, playoffs, matches

export const TieKind = z.enum(TIE_KINDS);
export type TieKind = z.infer<typeof TieKind>;
const Schedule = z.object({
  /** Kick-offs are on the first `weekday` (0 = Sunday) on or after `firstDate`, then weekly, at local `time`. */
  firstDate: DateOnly,
  weekday: z.number().int().min(0).max(6),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm'),
  /** Accepted from older clients and ignored: rounds are named in each reader's language. */
  language: z.enum(['ru', 'en']).optional(),
});
const TieShape = z.object({
  tieKind: TieKind.default('single'),
  bestOf: z
    .number()
    .int()
    .min(3)
    .max(7)
    .refine((n) => n % 2 === 1, 'an odd number')
    .optional(),
});
const bestOfGiven = {
  check: (b: { tieKind: string; bestOf?: number | undefined }) =>
    (b.tieKind === 'best_of') === (b.bestOf !== undefined),
  message: { message: 'bestOf goes with tieKind best_of, and only with it', path: ['bestOf'] },
};
export const FixturesBody = Schedule.extend(TieShape.shape)
  .extend({
    /** The season's start when unset; refused (fixtures_outside_season) when any kick-off falls outside the season. */
    firstDate: DateOnly.optional(),
    kind: z.enum(['round_robin', 'double_round_robin', 'groups', 'knockout']),
    /** For `groups` when the participants have no groups yet: they are drawn by seed (snake). */
    groupCount: z.number().int().min(1).max(16).optional(),
  })
  .strict()
  .refine(bestOfGiven.check, bestOfGiven.message);
export const PlayoffsBody = Schedule.extend(TieShape.shape)
  .extend({
    /** Clubs that go through: from the table, or from each group when the season has groups. */
    qualifiers: z.number().int().min(1).max(64),
  })
  .strict()
  .refine(bestOfGiven.check, bestOfGiven.message);
/** A generated match that puts a club on the pitch while it plays another match, of any season or competition. */
export const FixtureWarning = z.object({
  code: z.literal('club_double_booked'),
  club: ClubRef,
  match: z.object({ id: Id, kickoffAt: IsoDate }),
  other: z.object({ id: Id, kickoffAt: IsoDate, seasonId: Id, competition: z.string() }),
});
export type FixtureWarning = z.infer<typeof FixtureWarning>;
export const FixturesAnswer = z.object({
  rounds: z.array(Round),
  groups: z.array(Group),
  ties: z.number().int(),
  matches: z.array(MatchSummary),
  warnings: z.array(FixtureWarning),
});

export const CreateMatchBody = z
  .object({
    seasonId: Id,
    homeClubId: Id,
    awayClubId: Id,
    kickoffAt: IsoDate,
    roundId: Id.optional(),
    groupId: Id.optional(),
    venueId: Id.optional(),
    refereeId: Id.optional(),
  })
  .strict()
  .refine((b) => b.homeClubId !== b.awayClubId, { message: 'a club cannot play itself', path: ['awayClubId'] });
export const RescheduleBody = z
  .object({
    kickoffAt: IsoDate.optional(),
    venueId: Id.nullable().optional(),
    refereeId: Id.nullable().optional(),
    /** The predictions' over/under line; null: the default 2.5. Refused once predictions closed. */
    predictionLine: PredictionLine.nullable().optional(),
    /** The match's video link (decision 042), null to remove it. */
    streamUrl: z.string().max(2000).nullable().optional(),
    reason: note.optional(),
  })
  .strict()
  .refine(
    (b) =>
      b.kickoffAt !== undefined ||
      b.venueId !== undefined ||
      b.refereeId !== undefined ||
      b.predictionLine !== undefined ||
      b.streamUrl !== undefined,
    NOTHING,
  );
/** Postpone, cancel, restore or reopen; reopening a finished match needs a reason. */
export const MatchStatusBody = z.object({ status: MatchStatus, reason: note.min(1).optional() }).strict();
export const AdminMatchAnswer = z.object({ match: MatchSummary, seq: z.number().int() });

// Audit log

export const AuditQuery = z.object({
  matchId: Id.optional(),
  /** The actor. */
  userId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** `nextCursor` of the previous page. */
  cursor: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const AuditEntry = z.object({
  id: Id,
  at: IsoDate,
  actor: z.object({ id: Id, login: z.string(), displayName: z.string(), role: Role }).nullable(),
  /** When no signed-in user made the change: the command that did (`admin reset-password`). */
  actorCommand: z.string().optional(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  matchId: Id.nullable(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  /** Names of what the entry refers to, by `kind:id` (`player:63`), as they are when the entry is served. */
  refs: z.record(z.string(), z.string()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditPage = z.object({ entries: z.array(AuditEntry), nextCursor: Id.nullable() });
