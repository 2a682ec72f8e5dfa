/** SQLSTATE classes and codes that mean the database went away, not that the query was wrong. */
const LOST_SQLSTATE = /^(08|57P0[1-3]|53300)/;
const LOST_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
/** node-postgres reports a dropped or never-made connection by message alone. */
const LOST_MESSAGE = /Connection terminated|not queryable|timeout exceeded when trying to connect/;

/**
 * Whether an error, or one it wraps (Drizzle wraps the driver's in `cause`), says the database cannot be reached:
 * a restart, a failover, a terminated session. Such a request is answered 503 and may be retried.
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!(err instanceof Error) || depth > 5) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (LOST_SQLSTATE.test(code) || LOST_ERRNO.has(code))) return true;
  if (LOST_MESSAGE.test(err.message)) return true;
  const inner = err instanceof AggregateError ? err.errors : [err.cause];
  return inner.some((e) => isDatabaseUnavailable(e, depth + 1));
}
