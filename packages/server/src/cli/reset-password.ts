import { eq } from 'drizzle-orm';
import type { AuditEntry } from '@touchline/contract';
import { recordAudit } from '../audit/record.ts';
import { assertHasPassword, newPasswordHash, passwordReset } from '../auth/password-reset.ts';
import { toAdminUser } from '../auth/users.ts';
import type { Executor } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';

/** How the audit log names the command as the actor of its change (decision 030). */
const RESET_COMMAND = 'admin reset-password';

/**
 * The account of `login`; none, or one without a password, is refused (before the password is asked for). `lock`
 * holds the row until the transaction ends, as the staff screen's reset does.
 */
export async function accountOf(ex: Executor, login: string, lock = false) {
  const query = ex.select().from(users).where(eq(users.login, login));
  const [account] = await (lock ? query.for('update') : query);
  if (!account) throw new ApiError('not_found', 'No account has that login');
  assertHasPassword(account);
  return account;
}

/** Sets the password as an admin's reset does, in one transaction with its audit row; returns the row. */
export async function resetPassword(ex: Executor, login: string, password: string): Promise<AuditEntry> {
  const passwordHash = await newPasswordHash(password);
  return ex.transaction(async (tx) => {
    const before = await accountOf(tx, login, true);
    const [after] = await tx
      .update(users)
      .set(passwordReset(before, passwordHash))
      .where(eq(users.id, before.id))
      .returning();
    return recordAudit(tx, {
      actorId: null,
      actorCommand: RESET_COMMAND,
      action: 'reset_password',
      entity: 'user',
      entityId: before.id,
      before: toAdminUser(before),
      after: toAdminUser(after!),
    });
  });
}
