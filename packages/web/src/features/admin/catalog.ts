import type { NotifyKind, StaffRole } from '@touchline/contract';
/** The sections of the league office, in the order the home screen and the section menu list them. */
export const SECTIONS = [
  'competitions',
  'clubs',
  'players',
  'matches',
  'staff',
  'telegram',
  'news',
  'widgets',
  'audit',
] as const;
export type Section = (typeof SECTIONS)[number];

export { SEASON_FORMATS as FORMATS, TIE_KINDS } from '@touchline/contract/constants';

/** The roles an admin creates accounts for, in the order the forms offer them (the least powerful first). */
export const STAFF_ROLES = ['operator', 'judge', 'captain', 'admin'] as const satisfies readonly StaffRole[];

export { MIN_PASSWORD_LENGTH as MIN_PASSWORD } from '@touchline/contract/constants';

/** Positions the player form suggests; any short text is accepted. */
export const POSITIONS = ['GK', 'DF', 'MF', 'FW'];

/** Every kind of news, in the order the channel form lists them; the record's type keeps it equal to the contract's. */
const KINDS: Record<NotifyKind, true> = {
  kickoff: true,
  goal: true,
  red_card: true,
  half_time: true,
  full_time: true,
  lineups: true,
  reminder: true,
};
export const NOTIFY_KINDS = Object.keys(KINDS) as NotifyKind[];
