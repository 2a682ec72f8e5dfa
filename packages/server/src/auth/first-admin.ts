import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { generatePassword, hashPassword } from './password.ts';

export interface FirstAdmin {
  login: string;
  /** Present only when generated now; it is printed once and never stored in clear. */
  generatedPassword?: string;
  created: boolean;
}

/** Creates the first admin when none exists: from the environment, or with a generated password. */
export async function ensureFirstAdmin(
  db: Db,
  login: string | undefined,
  password: string | undefined,
): Promise<FirstAdmin> {
  const [existing] = await db.select({ login: users.login }).from(users).where(eq(users.role, 'admin')).limit(1);
  if (existing) return { login: existing.login, created: false };
  if (password !== undefined && password.length < 10) {
    throw new Error('TOUCHLINE_ADMIN_PASSWORD must have at least 10 characters');
  }
  const adminLogin = login ?? 'admin';
  const generated = password === undefined ? generatePassword() : undefined;
  await db.insert(users).values({
    login: adminLogin,
    displayName: 'League admin',
    role: 'admin',
    passwordHash: await hashPassword(password ?? generated!),
  });
  return { login: adminLogin, created: true, ...(generated ? { generatedPassword: generated } : {}) };
}
