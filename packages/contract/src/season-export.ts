import { z } from 'zod';
import { ADDED_TIME_MAX, COMMENT_MAX_LENGTH, MINUTE_MAX } from './constants.ts';
import { Club, Competition, DateOnly, ParticipantBody, SeasonFormat, ShirtNumber, TieKind } from './admin.ts';
import { EventType, Id, IsoDate, LineupRole, MatchStatus, Period, Role, Side, StoredText } from './common.ts';
import { RoundRef, Standings } from './models.ts';
import { PredictionPoints } from './predictions.ts';

/**
 * One season as a single JSON document (decision 033): `GET /api/admin/seasons/:id/export.json` writes it and
 * `POST /api/admin/import` reads it into an installation without league data. Ids are kept, so links, calendar
 * UIDs and match epochs survive a move. `standings` is what the export's matches give; an import recomputes it.
 */
export const SEASON_EXPORT_FORMAT = 'touchline-season';
export const SEASON_EXPORT_VERSION = 1;

/**
 * Built twice from one description: as the server writes it (text as stored, decision 019, so an old row never
 * breaks an export) and as an import accepts it (every text one line, within the admin screens' limits).
 */
function seasonDocument(text: (max: number) => z.ZodType<string>) {
  const count = z.number().int().min(0);
  const ref = Id.nullable();
  const event = z
    .object({
      id: Id,
      clientEventId: z.uuid().nullable(),
      type: EventType,
      side: Side,
      minute: z.number().int().min(1).max(MINUTE_MAX),
      addedTime: z.number().int().min(0).max(ADDED_TIME_MAX).nullable(),
      playerId: ref,
      relatedPlayerId: ref,
      scored: z.boolean().nullable(),
      /** A comment's text; absent from documents written before comments existed. */
      text: text(COMMENT_MAX_LENGTH).nullable().optional(),
      createdAt: IsoDate,
      /** The login of the account that recorded it, one of `authors`. */
      createdBy: text(100),
    })
    .strict();
  const match = z
    .object({
      id: Id,
      roundId: ref,
      groupId: ref,
      tieId: ref,
      leg: z.number().int().nullable(),
      homeClubId: Id,
      awayClubId: Id,
      kickoffAt: IsoDate,
      status: MatchStatus,
      period: Period.nullable(),
      periodStartedAt: IsoDate.nullable(),
      finishedAt: IsoDate.nullable(),
      venueId: ref,
      refereeId: ref,
      /** The realtime position of `match:{id}`, kept so a follower's resume after the move asks for a snapshot. */
      epoch: text(100),
      seq: count,
      stats: z.array(
        z
          .object({
            side: Side,
            shots: count,
            shotsOnTarget: count,
            corners: count,
            fouls: count,
            offsides: count,
            saves: count,
          })
          .strict(),
      ),
      lineups: z.array(
        z
          .object({
            side: Side,
            playerId: Id,
            shirtNumber: ShirtNumber,
            role: LineupRole,
            position: text(20).nullable(),
          })
          .strict(),
      ),
      events: z.array(event),
    })
    .strict();
  return z
    .object({
      format: z.literal(SEASON_EXPORT_FORMAT),
      version: z.literal(SEASON_EXPORT_VERSION),
      exportedAt: IsoDate,
      // A file exported before predictions and the vote (decisions 041, 042) has neither setting: the defaults.
      competition: Competition.extend({
        name: text(100),
        predictionPoints: PredictionPoints.nullable().default(null),
        motmVoteHours: Competition.shape.motmVoteHours.default(24),
      }).strict(),
      season: z
        .object({
          id: Id,
          name: text(100),
          format: SeasonFormat,
          startsOn: DateOnly.nullable(),
          endsOn: DateOnly.nullable(),
          active: z.boolean(),
        })
        .strict(),
      clubs: z.array(
        Club.extend({
          name: text(100),
          shortName: text(5),
          logoUrl: text(500).nullable(),
          homeGround: text(200).nullable(),
        }).strict(),
      ),
      venues: z.array(z.object({ id: Id, name: text(100), address: text(200).nullable() }).strict()),
      referees: z.array(z.object({ id: Id, name: text(100) }).strict()),
      players: z.array(
        z
          .object({
            id: Id,
            firstName: text(100),
            lastName: text(100),
            birthDate: DateOnly.nullable(),
            position: text(20).nullable(),
            /** The player's current club and squad number, when that club is in the export. */
            squad: z.object({ clubId: Id, shirtNumber: ShirtNumber.nullable() }).strict().nullable(),
          })
          .strict(),
      ),
      groups: z.array(z.object({ id: Id, label: text(20) }).strict()),
      participants: z.array(ParticipantBody.required().extend({ clubId: Id }).strict()),
      rosters: z.array(z.object({ clubId: Id, playerId: Id, shirtNumber: ShirtNumber }).strict()),
      rounds: z.array(
        z
          .object({
            id: Id,
            label: text(100).nullable(),
            ordinal: z.number().int(),
            stage: RoundRef.shape.stage,
            number: z.number().int(),
          })
          .strict(),
      ),
      ties: z.array(
        z
          .object({
            id: Id,
            roundId: ref,
            kind: TieKind,
            bestOf: z.number().int().nullable(),
            homeClubId: ref,
            awayClubId: ref,
            winnerClubId: ref,
            nextTieId: ref,
            nextSlot: Side.nullable(),
            bracketPosition: z.number().int().nullable(),
          })
          .strict(),
      ),
      /** The accounts that recorded the events; an import finds each by login or adds it inactive, without password. */
      authors: z.array(z.object({ login: text(100), displayName: text(100), role: Role }).strict()),
      matches: z.array(match),
      standings: Standings,
    })
    .strict();
}

export const SeasonExport = seasonDocument(() => z.string());
export type SeasonExport = z.infer<typeof SeasonExport>;
export const SeasonImportBody = seasonDocument((max) => StoredText.max(max));
export const SeasonImportAnswer = z.object({
  season: z.object({ id: Id, name: z.string(), competitionId: Id }),
  imported: z.object({
    clubs: z.number().int(),
    players: z.number().int(),
    matches: z.number().int(),
    events: z.number().int(),
    authors: z.number().int(),
  }),
});
/** `GET …/export.zip`: CSV files in a ZIP archive. */
export const SeasonExportZip = z.string().meta({ format: 'binary' }).describe('A ZIP archive of CSV files');
