import { MIN_PASSWORD_LENGTH } from '@touchline/contract';
import type { users } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { hashPassword } from './password.ts';

/** The hash of a password an admin sets, from the staff screen or the command line; a short one is refused. */
export async function newPasswordHash(password: string): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new ApiError('weak_password', `A password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  return hashPassword(password);
}

/**
 * What a reset changes. A reset usually means the password leaked: the token version rises, so every token signed
 * before it stops working (decision 021).
 */
export function passwordReset(u: typeof users.$inferSelect, passwordHash: string) {
  assertHasPassword(u);
  return { passwordHash, tokenVersion: u.tokenVersion + 1 };
}

export function assertHasPassword(u: typeof users.$inferSelect): void {
  if (u.role === 'fan') throw new ApiError('conflict', 'Fans sign in through Telegram and have no password');
}
