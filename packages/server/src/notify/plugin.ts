import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import { telegramBudget } from './budget.ts';
import type { Deliverer } from './deliver.ts';
import { Loop } from './loop.ts';
import { dueMatches, planMatch, planReminders, type Planned } from './planner.ts';
import { batchFor, sendDue } from './sender.ts';

/** How often an idle loop looks again: well inside the hold window, light on the database. */
const IDLE_MS = 250;
/** Reminders are looked for this often. */
const REMINDER_EVERY_MS = 15_000;

export interface NotifyOptions {
  instanceId: string;
  /** One per channel; each engineer's channel is one line in app.ts. */
  deliverers: Deliverer[];
}

/**
 * Fans' notifications (docs/decisions/034): the planner derives outbox rows from the committed change log and the
 * sender delivers them; every instance runs both, the database decides who does what. Off with TOUCHLINE_NOTIFY=0.
 */
export const notifyPlugin = fp<NotifyOptions>(
  async (app, opts) => {
    const { config, db } = app;
    if (!config.notify) return;
    const redis = config.redisUrl
      ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
      : undefined;
    redis?.on('error', (err: Error) => app.log.warn({ err: err.message }, 'notifications: redis error'));
    const budget = telegramBudget(config.telegramMaxPerSecond, redis);
    const metrics = app.metrics.notify;
    const count = (planned: Planned[]) => {
      for (const p of planned) metrics.planned.inc({ kind: p.kind, channel: p.channel }, p.count);
    };
    let remindersAt = 0;
    const plan = async () => {
      if (Date.now() >= remindersAt) {
        remindersAt = Date.now() + REMINDER_EVERY_MS;
        count(await planReminders(db));
      }
      for (const id of await dueMatches(db, config.notifyHoldSeconds)) {
        // A match another instance is planning, or one deleted meanwhile, waits for the next pass.
        const planned = await planMatch(db, id, config.notifyHoldSeconds).catch((err: unknown) => {
          app.log.debug({ err, matchId: id }, 'notifications: match not planned this pass');
          return [];
        });
        count(planned);
      }
      return false;
    };
    const batch = batchFor(config.telegramMaxPerSecond);
    const send = async () =>
      (await sendDue({ db, instanceId: opts.instanceId, deliverers: opts.deliverers, budget, metrics, batch })) > 0;
    const onError = (what: string) => (err: unknown) => app.log.warn({ err }, `notifications: ${what} failed`);
    const loops = [new Loop(plan, IDLE_MS, onError('planning')), new Loop(send, IDLE_MS, onError('sending'))];

    app.addHook('onReady', async () => loops.forEach((l) => l.start()));
    app.addHook('preClose', async () => {
      await Promise.all(loops.map((l) => l.stop()));
      redis?.disconnect();
    });
  },
  { name: 'touchline-notify', dependencies: ['touchline-metrics'] },
);
