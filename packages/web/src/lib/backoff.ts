const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 15_000;

/**
 * Exponential back-off with full jitter: a uniform delay in [0, min(cap, base * 2^attempt)).
 * Full jitter spreads a crowd of clients that lost the server at the same moment.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  return random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
}

/**
 * After close 4009 the server is restarting and another instance is up: no back-off, only a uniform delay in
 * [0, 250 ms) so the fans of a whole instance do not land on the next one in the same millisecond.
 */
export const RESTART_SPREAD_MS = 250;
export const restartDelay = (random: () => number = Math.random): number => random() * RESTART_SPREAD_MS;
