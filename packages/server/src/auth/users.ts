import type { User } from '@touchline/contract';
import type { users } from '../db/schema.ts';

export const toUser = (u: typeof users.$inferSelect): User => ({
  id: String(u.id),
  login: u.login,
  displayName: u.displayName,
  role: u.role,
  ...(u.clubId !== null ? { clubId: String(u.clubId) } : {}),
});

export const principalOf = (u: typeof users.$inferSelect) => ({
  userId: String(u.id),
  role: u.role,
  ...(u.clubId !== null ? { clubId: String(u.clubId) } : {}),
  tokenVersion: u.tokenVersion,
});
