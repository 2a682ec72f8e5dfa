import { CloseCode, type ConnectionRole, type Role } from '@touchline/contract';
import type { Connection } from './connection.ts';

/** What a token grants a connection: a role, and for a signed-in client its account and the token's expiry. */
export interface Grant {
  role: ConnectionRole;
  account?: Account & { expiresAt: number };
}

export interface Account {
  userId: string;
  role: Role;
  tokenVersion?: number;
}

export interface RightsOptions {
  /** Reads the accounts again and answers, for each, whether it still holds its role. */
  stillValid(accounts: readonly Account[]): Promise<(account: Account) => boolean>;
  log: { warn(obj: object, msg: string): void };
  now: () => number;
}

/** setTimeout's longest delay; a later expiry is checked again when this fires. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Keeps each signed-in connection's rights current: it closes the connection with 4001 when its token expires, or
 * when its account, read again after a change or a bus outage, no longer holds the role (deactivated, role changed).
 * While the account is read, the connection's outgoing frames wait, so nothing published after the change reaches it.
 */
export class Rights {
  private readonly byAccount = new Map<string, Set<Connection>>();
  /** Counts account changes heard, so a token check that overlapped one is repeated. */
  private changes = 0;

  constructor(private readonly opts: RightsOptions) {}

  /** Taken before a token check starts; `admit` repeats the check if an account changed meanwhile. */
  ticket(): number {
    return this.changes;
  }

  admit(conn: Connection, grant: Grant, ticket: number): void {
    if (!grant.account) return;
    const { userId, role, tokenVersion, expiresAt } = grant.account;
    conn.account = { userId, role, ...(tokenVersion !== undefined ? { tokenVersion } : {}) };
    let set = this.byAccount.get(userId);
    if (!set) this.byAccount.set(userId, (set = new Set()));
    set.add(conn);
    this.expireAt(conn, expiresAt);
    if (ticket !== this.changes) void this.check([conn]);
  }

  forget(conn: Connection): void {
    if (!conn.account) return;
    const set = this.byAccount.get(conn.account.userId);
    set?.delete(conn);
    if (set?.size === 0) this.byAccount.delete(conn.account.userId);
  }

  /** An account was changed (on any instance): its connections are checked again. */
  changed(userId: string): void {
    this.changes++;
    const set = this.byAccount.get(userId);
    if (set) void this.check([...set]);
  }

  /** After a bus outage, changes may have been missed: every signed-in connection is checked again. */
  async checkAll(): Promise<void> {
    this.changes++;
    await this.check([...this.byAccount.values()].flatMap((set) => [...set]));
  }

  private expireAt(conn: Connection, expiresAt: number) {
    const left = expiresAt - this.opts.now();
    if (left <= 0) return conn.revoke();
    conn.expiryTimer = setTimeout(() => this.expireAt(conn, expiresAt), Math.min(left, MAX_DELAY_MS)).unref();
  }

  private async check(conns: Connection[]) {
    const open = conns.filter((c) => !c.closed);
    if (!open.length) return;
    for (const c of open) c.hold();
    try {
      const valid = await this.opts.stillValid(open.map((c) => c.account!));
      for (const c of open) {
        if (c.closed) continue;
        if (valid(c.account!)) c.release();
        else c.revoke();
      }
    } catch (err) {
      // Rights that cannot be confirmed are not assumed: the client reconnects and signs in again.
      this.opts.log.warn({ err }, 'realtime: could not check an account again');
      for (const c of open) c.close(CloseCode.serverError, 'server_error');
    }
  }
}
