import { timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { PUSH_AUTH_HEADER, PUSH_ENDPOINT_HEADER } from '@touchline/contract';
import type { Db } from '../db/client.ts';
import { notifyRecipients, users } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { requireUser } from '../auth/plugin.ts';
import { telegramRecipient } from '../notify/recipients.ts';

const header = (req: FastifyRequest, name: string) => {
  const v = req.headers[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The push recipient of this endpoint, when `auth` is its secret; otherwise 401 (docs/protocol.md, "me"). */
export async function pushRecipientOf(db: Db, endpoint: string, auth: string | undefined): Promise<number> {
  const [row] = await db
    .select({ id: notifyRecipients.id, auth: notifyRecipients.auth })
    .from(notifyRecipients)
    .where(and(eq(notifyRecipients.channel, 'push'), eq(notifyRecipients.endpoint, endpoint)));
  if (!row || !auth || !row.auth || !sameSecret(row.auth, auth)) {
    throw new ApiError('unknown_subscription', 'No push subscription with this endpoint and secret');
  }
  return row.id;
}

/**
 * "Me" of the fans' API (docs/protocol.md): a signed-in Telegram fan (their private chat; made on first need when
 * `create`), or a browser known by its push subscription's endpoint and secret in headers. Null: a Telegram fan with
 * no recipient yet, on a read.
 */
export async function recipientOfCaller(req: FastifyRequest, create: boolean): Promise<number | null> {
  const db = req.server.db;
  if (req.headers.authorization) {
    const p = await requireUser(req);
    const [u] = await db
      .select({ telegramId: users.telegramId })
      .from(users)
      .where(eq(users.id, Number(p.userId)));
    if (p.role !== 'fan' || !u?.telegramId) {
      throw new ApiError('not_a_fan', 'Follows belong to fans signed in through Telegram, not to staff accounts');
    }
    const userId = Number(p.userId);
    if (create) return telegramRecipient(db, { userId, chatId: u.telegramId });
    const [r] = await db
      .select({ id: notifyRecipients.id })
      .from(notifyRecipients)
      .where(eq(notifyRecipients.userId, userId));
    return r?.id ?? null;
  }
  const endpoint = header(req, PUSH_ENDPOINT_HEADER);
  if (!endpoint) throw new ApiError('unauthorized', 'Sign in through Telegram or subscribe to push first');
  return pushRecipientOf(db, endpoint, header(req, PUSH_AUTH_HEADER));
}
