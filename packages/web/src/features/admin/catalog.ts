import type { SeasonFormat, TieKind } from '../../lib/admin-api.ts';

/** The sections of the league office, in the order the home screen and the section menu list them. */
export const SECTIONS = ['competitions', 'clubs', 'players', 'matches', 'staff', 'audit'] as const;
export type Section = (typeof SECTIONS)[number];

export const FORMATS: readonly SeasonFormat[] = [
  'round_robin',
  'double_round_robin',
  'round_robin_playoff',
  'groups_knockout',
  'knockout',
];

export const TIE_KINDS: readonly TieKind[] = ['single', 'two_legged', 'best_of'];

/** The roles an admin creates accounts for (fans sign in through Telegram). */
export const STAFF_ROLES = ['operator', 'judge', 'captain', 'admin'] as const;

/** The server's minimum password length (weak_password below it). */
export const MIN_PASSWORD = 10;

/** Positions the player form suggests; any short text is accepted. */
export const POSITIONS = ['GK', 'DF', 'MF', 'FW'];
