import { z } from 'zod';
import { ADDED_TIME_MAX, COMMENT_MAX_LENGTH, MINUTE_MAX } from './constants.ts';
import {
  CounterMetric,
  EventType,
  Id,
  LineupRole,
  MatchStatus,
  Period,
  Side,
  StaffRole,
  StoredText,
} from './common.ts';
import { LineupEntry, MatchEvent, MatchSummary, SideStats, User } from './models.ts';
import type { ErrorCode } from './errors.ts';

export const LoginBody = z.object({ login: StoredText.min(1).max(100), password: z.string().min(1).max(200) });
export const TelegramBody = z.object({ initData: z.string().min(1).max(8192) });
export const AuthAnswer = z.object({ token: z.string(), expiresIn: z.number().int(), user: User });
export type AuthAnswer = z.infer<typeof AuthAnswer>;
export const MeAnswer = z.object({ user: User });
export type MeAnswer = z.infer<typeof MeAnswer>;
export const CreateUserBody = z
  .object({
    login: z.string().regex(/^[a-zA-Z0-9._-]{3,50}$/),
    password: z.string().max(200),
    role: StaffRole,
    displayName: StoredText.min(1).max(100).optional(),
    clubId: Id.optional(),
  })
  .refine((b) => b.role !== 'captain' || b.clubId !== undefined, {
    message: 'clubId is required for a captain',
    path: ['clubId'],
  });

export const ExpectedSeq = z.number().int().min(0);

export const EventFields = z.object({
  type: EventType,
  side: Side,
  minute: z.number().int().min(1).max(MINUTE_MAX),
  addedTime: z.number().int().min(0).max(ADDED_TIME_MAX).optional(),
  playerId: Id.nullable().optional(),
  relatedPlayerId: Id.nullable().optional(),
  scored: z.boolean().optional(),
  /** A comment's text (type `comment` only). */
  text: StoredText.pipe(z.string().trim().min(1).max(COMMENT_MAX_LENGTH)).optional(),
});
export type EventFields = z.infer<typeof EventFields>;
export const CreateEventBody = EventFields.extend({
  clientEventId: z.string().uuid().optional(),
  expectedSeq: ExpectedSeq.optional(),
}).strict();
export type CreateEventBody = z.infer<typeof CreateEventBody>;
/** A client write id: a resend after a lost answer counts once, and the write's patch names it. */
export const ClientWriteId = z.string().uuid();
export const PatchEventBody = EventFields.partial()
  .extend({ expectedSeq: ExpectedSeq.optional(), clientEventId: ClientWriteId.optional() })
  .strict();
export type PatchEventBody = z.infer<typeof PatchEventBody>;
export const EventAnswer = z.object({ event: MatchEvent, seq: z.number().int() });
export type EventAnswer = z.infer<typeof EventAnswer>;
export const SeqAnswer = z.object({ seq: z.number().int() });
export type SeqAnswer = z.infer<typeof SeqAnswer>;

export const STAT_DELTA_MAX = 20;
export const StatsBody = z
  .object({
    side: Side,
    metric: CounterMetric,
    delta: z
      .number()
      .int()
      .min(-STAT_DELTA_MAX)
      .max(STAT_DELTA_MAX)
      .refine((d) => d !== 0),
    expectedSeq: ExpectedSeq.optional(),
    /** Makes a retried ± count once (an outbox resends when an answer was lost). */
    clientEventId: z.string().uuid().optional(),
  })
  .strict();
export type StatsBody = z.infer<typeof StatsBody>;
export const StatsAnswer = z.object({ stats: SideStats, seq: z.number().int() });
export type StatsAnswer = z.infer<typeof StatsAnswer>;

export const StateBody = z
  .object({
    status: MatchStatus.optional(),
    period: Period.optional(),
    expectedSeq: ExpectedSeq.optional(),
    clientEventId: z.string().uuid().optional(),
  })
  .strict()
  .refine((b) => b.status !== undefined || b.period !== undefined, { message: 'status or period is required' });
export type StateBody = z.infer<typeof StateBody>;
export const StateAnswer = z.object({ match: MatchSummary, seq: z.number().int() });
export type StateAnswer = z.infer<typeof StateAnswer>;

export const LineupBody = z
  .object({
    entries: z
      .array(
        z
          .object({
            playerId: Id,
            shirtNumber: z.number().int().min(1).max(99),
            role: LineupRole,
            position: StoredText.max(20).optional(),
          })
          .strict(),
      )
      .max(40),
    expectedSeq: ExpectedSeq.optional(),
    clientEventId: z.string().uuid().optional(),
  })
  .strict();
export type LineupBody = z.infer<typeof LineupBody>;
export const LineupAnswer = z.object({ lineup: z.array(LineupEntry), seq: z.number().int() });
export type LineupAnswer = z.infer<typeof LineupAnswer>;

/** A competition's matchday lineup rules (the domain's `lineupProblems` applies them). */
export const LineupRules = z.object({
  lineupStarters: z.number().int().min(1).max(11),
  lineupRequiresGoalkeeper: z.boolean(),
  /** With 11 starters, the 40 names a lineup may hold. */
  lineupMaxSubstitutes: z.number().int().min(0).max(29),
});
export type LineupRules = z.infer<typeof LineupRules>;
/** `GET /api/matches/:id/lineup-options/:side`: what a captain picks from, and the rules the lineup must keep. */
export const LineupOptionsAnswer = z.object({
  rules: LineupRules,
  roster: z.array(
    z.object({
      playerId: Id,
      firstName: z.string(),
      lastName: z.string(),
      shirtNumber: z.number().int(),
      position: z.string().optional(),
      /** Tells namesakes apart without showing the whole birth date. */
      birthYear: z.number().int().optional(),
      suspended: z.object({ reason: z.string(), matchesRemaining: z.number().int() }).optional(),
    }),
  ),
});
export type LineupOptionsAnswer = z.infer<typeof LineupOptionsAnswer>;
export type RosterPlayer = LineupOptionsAnswer['roster'][number];

export const MatchListQuery = z.object({
  status: MatchStatus.optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  seasonId: Id.optional(),
  clubId: Id.optional(),
});
export type MatchListQuery = z.infer<typeof MatchListQuery>;
export const MatchList = z.object({ matches: z.array(MatchSummary) });
export type MatchList = z.infer<typeof MatchList>;

/** Which error code a failed field maps to, so validation answers carry the codes of docs/protocol.md §2. */
export const fieldErrorCodes: Record<string, ErrorCode> = {
  minute: 'invalid_minute',
  addedTime: 'invalid_minute',
  metric: 'unknown_metric',
  delta: 'delta_out_of_range',
  chatId: 'invalid_chat_id',
};
