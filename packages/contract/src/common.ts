import { z } from 'zod';

/** Ids are PostgreSQL `integer` identities, so never above this. */
export const ID_MAX = 2_147_483_647;
/** Ids are positive integers in the database and strings in JSON. A larger number is no id (and would fail in SQL). */
export const Id = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, 'must be a numeric id')
  .refine((s) => Number(s) <= ID_MAX, 'must be a numeric id');

/** Text that is stored: PostgreSQL `text` cannot hold the NUL character, so it is refused at the edge. */
export const StoredText = z.string().refine((s) => !s.includes('\u0000'), 'must not contain the NUL character');
export type Id = z.infer<typeof Id>;

export const IsoDate = z.string().datetime({ offset: true });

export const Role = z.enum(['admin', 'operator', 'judge', 'captain', 'fan']);
export type Role = z.infer<typeof Role>;
export const StaffRole = z.enum(['admin', 'operator', 'judge', 'captain']);
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
]);
export type EventType = z.infer<typeof EventType>;

export const CounterMetric = z.enum(['shots', 'shots_on_target', 'corners', 'fouls', 'offsides', 'saves']);
export type CounterMetric = z.infer<typeof CounterMetric>;

export const CompetitionType = z.enum(['league', 'cup']);
export type CompetitionType = z.infer<typeof CompetitionType>;

export const LineupRole = z.enum(['starter', 'substitute']);
export type LineupRole = z.infer<typeof LineupRole>;
