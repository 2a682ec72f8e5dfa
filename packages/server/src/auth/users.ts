import type { User } from '@touchline/contract';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema.ts';
import type { TelegramIdentity } from './telegram.ts';

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

/**
 * The fan account of a Telegram user, made on first sight and renamed as Telegram names them: one row whether they
 * signed in through the WebApp or wrote to the bot (docs/decisions/036). The caller decides whether it may be used.
 */
export async function upsertTelegramFan(
  db: Db,
  id: Pick<TelegramIdentity, 'telegramId' | 'displayName'>,
): Promise<typeof users.$inferSelect> {
  const [u] = await db
    .insert(users)
    .values({ login: `tg:${id.telegramId}`, displayName: id.displayName, role: 'fan', telegramId: id.telegramId })
    .onConflictDoUpdate({ target: users.telegramId, set: { displayName: id.displayName } })
    .returning();
  return u!;
}
