import { and, eq, inArray, not, or } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DEFAULT_NOTIFY_KINDS,
  FollowTarget,
  Id,
  MyFollowsAnswer,
  NoContent,
  NotificationSettingsBody,
  type NotifyKind,
  PUSH_AUTH_HEADER,
  PushSubscribeBody,
  PushUnsubscribeBody,
  REMINDER_MINUTES,
} from '@touchline/contract';
import type { Db } from '../db/client.ts';
import { follows, notifyRecipients } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { follow, followsOf, setKinds, setReminder, unfollow } from '../notify/recipients.ts';
import { pushRecipientOf, recipientOfCaller } from './identity.ts';
import { pushEndpointAllowed } from './push-endpoint.ts';
import { requireTargets } from './targets.ts';

const tags = ['follows'];
const FollowParams = z.object({ target: FollowTarget, id: Id });

async function answer(db: Db, recipientId: number | null): Promise<MyFollowsAnswer> {
  if (recipientId === null) {
    return { follows: [], kinds: DEFAULT_NOTIFY_KINDS, reminderMinutes: REMINDER_MINUTES.default, paused: false };
  }
  const [r] = await db.select().from(notifyRecipients).where(eq(notifyRecipients.id, recipientId));
  return {
    follows: (await followsOf(db, recipientId)).map((f) => ({ target: f.target, id: String(f.targetId) })),
    kinds: r!.kinds as NotifyKind[],
    reminderMinutes: r!.reminderMinutes,
    paused: r!.pausedAt !== null,
  };
}

/** The fans' follows and Web Push subscriptions (docs/protocol.md, fans' notifications; decision 035). */
export const followRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/me/follows', { schema: { tags, response: { 200: MyFollowsAnswer } } }, async (req) =>
    answer(app.db, await recipientOfCaller(req, false)),
  );

  app.put(
    '/me/follows/:target/:id',
    { schema: { tags, params: FollowParams, response: { 204: NoContent } } },
    async (req, reply) => {
      const { target, id } = req.params;
      await requireTargets(app.db, [{ target, id }]);
      await follow(app.db, (await recipientOfCaller(req, true))!, target, Number(id));
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/me/follows/:target/:id',
    { schema: { tags, params: FollowParams, response: { 204: NoContent } } },
    async (req, reply) => {
      const { target, id } = req.params;
      await requireTargets(app.db, [{ target, id }]);
      const recipientId = await recipientOfCaller(req, false);
      if (recipientId !== null) await unfollow(app.db, recipientId, target, Number(id));
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/me/notifications',
    { schema: { tags, body: NotificationSettingsBody, response: { 200: MyFollowsAnswer } } },
    async (req) => {
      const recipientId = (await recipientOfCaller(req, true))!;
      const { kinds, reminderMinutes } = req.body;
      await setKinds(app.db, recipientId, kinds);
      if (reminderMinutes !== undefined) await setReminder(app.db, recipientId, reminderMinutes);
      return answer(app.db, recipientId);
    },
  );

  app.post(
    '/push/subscriptions',
    { schema: { tags, body: PushSubscribeBody, response: { 200: MyFollowsAnswer } } },
    async (req) => {
      if (!app.vapid) throw new ApiError('push_unavailable', 'Web Push is not configured on this server');
      const { subscription, kinds, locale } = req.body;
      const { endpoint, keys } = subscription;
      if (!pushEndpointAllowed(endpoint, app.config.pushAllowedHosts)) {
        throw new ApiError('push_endpoint_refused', 'The endpoint is not https on a known push service');
      }
      await requireTargets(app.db, req.body.follows);
      const wanted = req.body.follows;
      const recipientId = await app.db.transaction(async (tx) => {
        // Re-subscribing an endpoint needs its secret: nobody replaces another browser's follows.
        const [row] = await tx
          .insert(notifyRecipients)
          .values({ channel: 'push', endpoint, p256dh: keys.p256dh, auth: keys.auth, kinds, locale: locale ?? 'ru' })
          .onConflictDoUpdate({
            target: notifyRecipients.endpoint,
            set: { p256dh: keys.p256dh, kinds, ...(locale ? { locale } : {}) },
            setWhere: eq(notifyRecipients.auth, keys.auth),
          })
          .returning({ id: notifyRecipients.id });
        if (!row) throw new ApiError('unknown_subscription', 'This endpoint is subscribed with another secret');
        // A follow kept keeps its first time, so re-sending the list brings no old news (decision 035).
        const keep = (target: 'club' | 'match') => wanted.filter((f) => f.target === target).map((f) => Number(f.id));
        await tx
          .delete(follows)
          .where(
            and(
              eq(follows.recipientId, row.id),
              not(
                or(
                  and(eq(follows.target, 'club'), inArray(follows.targetId, keep('club'))),
                  and(eq(follows.target, 'match'), inArray(follows.targetId, keep('match'))),
                )!,
              ),
            ),
          );
        for (const f of wanted) await follow(tx, row.id, f.target, Number(f.id));
        return row.id;
      });
      return answer(app.db, recipientId);
    },
  );

  app.delete(
    '/push/subscriptions',
    { schema: { tags, body: PushUnsubscribeBody, response: { 204: NoContent } } },
    async (req, reply) => {
      const recipientId = await pushRecipientOf(app.db, req.body.endpoint, req.headers[PUSH_AUTH_HEADER] as string);
      // The follows go with it (on delete cascade); what is already queued to it is never sent.
      await app.db.delete(notifyRecipients).where(eq(notifyRecipients.id, recipientId));
      return reply.code(204).send(null);
    },
  );
};
