import fp from 'fastify-plugin';
import { eq, inArray, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Role } from '@touchline/contract';
import type { Executor } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { createKeyring, type Keyring, localKeyringSpec, type Principal } from './keyring.ts';

declare module 'fastify' {
  interface FastifyInstance {
    keyring: Keyring;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** A token was sent but is not valid: such a request is never treated as anonymous on a protected route. */
    tokenRejected: boolean;
  }
}

const bearer = (req: FastifyRequest) => {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
};

/** Reads the bearer token of every request; routes then ask for what they need with the guards below. */
export const authPlugin = fp(async (app) => {
  if (!app.config.jwtKeys && app.config.databaseUrl) {
    app.log.warn(
      'TOUCHLINE_JWT_KEYS is unset: using a key from the data folder; several instances need a shared keyring',
    );
  }
  app.decorate('keyring', createKeyring(app.config.jwtKeys ?? localKeyringSpec(app.config.dataDir)));
  app.decorateRequest('principal', null);
  app.decorateRequest('tokenRejected', false);
  app.addHook('onRequest', async (req) => {
    const token = bearer(req);
    if (!token) return;
    req.principal = await app.keyring.verify(token);
    req.tokenRejected = req.principal === null;
  });
});

/** The caller as their token names them, or 401. Their account is not read: `requireUser` or the caller does that. */
export function signedIn(req: FastifyRequest): Principal {
  const p = req.principal;
  if (!p) {
    throw req.tokenRejected
      ? new ApiError('invalid_token', 'The token is invalid or expired')
      : new ApiError('unauthorized', 'Sign in first');
  }
  return p;
}

/** The 401 of a valid token whose account no longer holds (`isActiveAccount`). */
export const accountEnded = () => new ApiError('invalid_token', 'The account is no longer active');

/** The caller, or 401. Staff accounts are re-read so a deactivated account stops at once. */
export async function requireUser(req: FastifyRequest, roles?: readonly Role[]): Promise<Principal> {
  const p = signedIn(req);
  if (!(await isActiveAccount(req.server.db, p))) throw accountEnded();
  return roles ? requireRole(p, roles) : p;
}

/** The caller, or 403 unless they hold one of these roles. */
export function requireRole(p: Principal, roles: readonly Role[]): Principal {
  if (!roles.includes(p.role)) throw new ApiError('forbidden', 'Your role may not do this');
  return p;
}

type Account = Pick<Principal, 'userId' | 'role' | 'tokenVersion'>;
type AccountRow = { active: boolean; role: string; tokenVersion: number };
const holds = (row: AccountRow | undefined, p: Account) =>
  row !== undefined && row.active && row.role === p.role && row.tokenVersion === (p.tokenVersion ?? 0);

/**
 * A signed token is not enough: the account must still exist, be active, hold the role the token names, and not
 * have had its password reset since the token was signed (decision 021).
 */
export async function isActiveAccount(db: Executor, p: Account): Promise<boolean> {
  const [row] = await db
    .select({ active: users.active, role: users.role, tokenVersion: users.tokenVersion })
    .from(users)
    .where(eq(users.id, Number(p.userId)))
    .prepare('account_state')
    .execute();
  return holds(row, p);
}

/**
 * The account's state as a column of the caller's own statement, so a write checks it without a statement of its own
 * (a match write reads it with its lock, decision 054); `accountHolds` judges it.
 */
export const accountColumn = (p: Account) =>
  sql<AccountRow | string | null>`(select json_build_object('active', u.active, 'role', u.role,
    'tokenVersion', u.token_version) from ${users} u where u.id = ${Number(p.userId)})`;

/** `isActiveAccount`'s rule on what `accountColumn` read; a driver that leaves JSON as text is parsed here. */
export const accountHolds = (json: AccountRow | string | null, p: Account) =>
  holds(typeof json === 'string' ? (JSON.parse(json) as AccountRow) : (json ?? undefined), p);

/** Rows read per query when many accounts are checked at once. */
const CHECK_CHUNK = 1000;

/** The same rule for many accounts in few reads: answers, for each of `accounts`, whether it still passes. */
export async function activeAccounts(
  db: Executor,
  accounts: readonly Account[],
): Promise<(account: Account) => boolean> {
  const ids = [...new Set(accounts.map((a) => Number(a.userId)))];
  const rows = new Map<string, AccountRow>();
  for (let i = 0; i < ids.length; i += CHECK_CHUNK) {
    const chunk = ids.slice(i, i + CHECK_CHUNK);
    const found = await db
      .select({ id: users.id, active: users.active, role: users.role, tokenVersion: users.tokenVersion })
      .from(users)
      .where(inArray(users.id, chunk));
    for (const r of found) rows.set(String(r.id), r);
  }
  return (a) => holds(rows.get(a.userId), a);
}
