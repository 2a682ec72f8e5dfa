import type { User } from '@touchline/contract';
import type { users } from '../db/schema.ts';

export const toUser = (u: typeof users.$inferSelect): User => ({
  id: String(u.id),
  login: u.login,
  displayName: u.displayName,
  role: u.role,
  ...(u.clubId !== null ? { clubId: String(u.clubId) } : {}),
});

/** An account as the staff screens and their audit rows show it. */
export const toAdminUser = (u: typeof users.$inferSelect) => ({
  ...toUser(u),
  active: u.active,
  createdAt: u.createdAt.toISOString(),
});

export const principalOf = (u: typeof users.$inferSelect) => ({
  userId: String(u.id),
  role: u.role,
  ...(u.clubId !== null ? { clubId: String(u.clubId) } : {}),
  tokenVersion: u.tokenVersion,
});
