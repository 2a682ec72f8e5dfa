import { z } from 'zod';
import { Id } from './common.ts';
import { NOTIFY_KINDS, REMINDER_MINUTES } from './constants.ts';

export const NotifyKind = z.enum(NOTIFY_KINDS);
export type NotifyKind = z.infer<typeof NotifyKind>;

export const FollowTarget = z.enum(['club', 'match']);
export type FollowTarget = z.infer<typeof FollowTarget>;
export const Follow = z.object({ target: FollowTarget, id: Id });
export type Follow = z.infer<typeof Follow>;

export const ReminderMinutes = z.number().int().min(REMINDER_MINUTES.min).max(REMINDER_MINUTES.max);
const Kinds = z
  .array(NotifyKind)
  .max(NOTIFY_KINDS.length)
  .refine((k) => new Set(k).size === k.length, 'each kind once');
/** A browser fan's follows are sent whole on subscribing; a bound keeps one request small. */
export const MAX_FOLLOWS = 200;

/** `GET /api/me/follows`: what "me" follows and hears about. */
export const MyFollowsAnswer = z.object({
  follows: z.array(Follow),
  kinds: z.array(NotifyKind),
  reminderMinutes: z.number().int(),
  /** Nothing is sent (the fan sent /stop, or blocked the bot); the follows are kept. */
  paused: z.boolean(),
});
export type MyFollowsAnswer = z.infer<typeof MyFollowsAnswer>;

/** `PUT /api/me/notifications`. */
export const NotificationSettingsBody = z.object({ kinds: Kinds, reminderMinutes: ReminderMinutes.optional() });
export type NotificationSettingsBody = z.infer<typeof NotificationSettingsBody>;

/** A browser's PushSubscription as `toJSON()` gives it; `auth` is the secret that also proves the identity. */
export const PushSubscriptionJson = z.object({
  endpoint: z.string().max(1000),
  keys: z.object({ p256dh: z.string().min(1).max(200), auth: z.string().min(1).max(100) }),
});
export type PushSubscriptionJson = z.infer<typeof PushSubscriptionJson>;

/** `POST /api/push/subscriptions`: upsert by endpoint, replacing its follows and kinds. */
export const PushSubscribeBody = z.object({
  subscription: PushSubscriptionJson,
  follows: z.array(Follow).max(MAX_FOLLOWS),
  kinds: Kinds,
  locale: z.enum(['ru', 'en']).optional(),
});
export type PushSubscribeBody = z.infer<typeof PushSubscribeBody>;

/** `DELETE /api/push/subscriptions`. */
export const PushUnsubscribeBody = z.object({ endpoint: z.string().max(1000) });
export type PushUnsubscribeBody = z.infer<typeof PushUnsubscribeBody>;
