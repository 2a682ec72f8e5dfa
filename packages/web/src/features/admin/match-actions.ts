import type { MatchStatus } from '@touchline/contract';

export interface StatusAction {
  /** The locale key under admin.match.action. */
  action: 'postpone' | 'cancel' | 'restore' | 'reopen';
  to: MatchStatus;
  /** The server refuses to reopen a finished match without one (reason_required). */
  reasonRequired: boolean;
}

/**
 * The status changes the league office makes from each status: a table, not a chain of ifs. The server allows an
 * admin any change (domain `checkTransition`); these are the ones the screens offer.
 */
export const STATUS_ACTIONS: Record<MatchStatus, readonly StatusAction[]> = {
  scheduled: [
    { action: 'postpone', to: 'postponed', reasonRequired: false },
    { action: 'cancel', to: 'cancelled', reasonRequired: false },
  ],
  postponed: [
    { action: 'restore', to: 'scheduled', reasonRequired: false },
    { action: 'cancel', to: 'cancelled', reasonRequired: false },
  ],
  cancelled: [{ action: 'restore', to: 'scheduled', reasonRequired: false }],
  live: [
    { action: 'postpone', to: 'postponed', reasonRequired: false },
    { action: 'cancel', to: 'cancelled', reasonRequired: false },
  ],
  finished: [{ action: 'reopen', to: 'live', reasonRequired: true }],
};

/** Whether kick-off, venue and referee may still change: not once the match has been played. */
export const canReschedule = (status: MatchStatus) => status !== 'finished' && status !== 'live';
