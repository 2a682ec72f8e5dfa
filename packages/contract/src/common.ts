import { z } from 'zod';
import { COUNTER_METRICS, ROLES, STAFF_ROLES } from './constants.ts';
import { ErrorCode } from './errors.ts';

/** Ids are PostgreSQL `integer` identities, so never above this. */
export const ID_MAX = 2_147_483_647;
/** Ids are positive integers in the database and strings in JSON. A larger number is no id (and would fail in SQL). */
export const Id = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, 'must be a numeric id')
  .refine((s) => Number(s) <= ID_MAX, 'must be a numeric id');

/** Control characters (C0, DEL, C1) and the Unicode line and paragraph separators. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
/**
 * Every text that is stored, or searched for in stored text: one line, no control characters. PostgreSQL `text`
 * cannot hold NUL, and a line break in a name would break the lines of an iCal feed or a CSV export.
 * The issue names its code, so the answer is 400 `control_characters` whichever field it is.
 */
export const StoredText = z.string().refine((s) => !CONTROL.test(s), {
  message: 'must not contain control characters or line breaks',
  params: { code: ErrorCode.control_characters },
});
export type Id = z.infer<typeof Id>;

export const IsoDate = z.string().datetime({ offset: true });

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;

export const Side = z.enum(['home', 'away']);
export type Side = z.infer<typeof Side>;

export const MatchStatus = z.enum(['scheduled', 'live', 'finished', 'postponed', 'cancelled']);
export type MatchStatus = z.infer<typeof MatchStatus>;

export const Period = z.enum([
  'first_half',
  'half_time',
  'second_half',
  'extra_time_first',
  'extra_time_break',
  'extra_time_second',
  'penalties',
]);
export type Period = z.infer<typeof Period>;

export const EventType = z.enum([
  'goal',
  'penalty_goal',
  'own_goal',
  'penalty_missed',
  'yellow_card',
  'second_yellow',
  'red_card',
  'substitution',
  'shootout_kick',
  /** A line of the live text ticker: in the timeline, never in a statistic (docs/rules.md). */
  'comment',
]);
export type EventType = z.infer<typeof EventType>;

export const CounterMetric = z.enum(COUNTER_METRICS);
export type CounterMetric = z.infer<typeof CounterMetric>;

export const CompetitionType = z.enum(['league', 'cup']);
export type CompetitionType = z.infer<typeof CompetitionType>;

export const LineupRole = z.enum(['starter', 'substitute']);
export type LineupRole = z.infer<typeof LineupRole>;
