import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import { eq, sql } from 'drizzle-orm';
import { rawRows } from '../src/db/raw.ts';
import { follows, notifications, notifyRecipients } from '../src/db/schema.ts';
import { NotifyMetrics } from '../src/metrics/notify-metrics.ts';
import { telegramBudget } from '../src/notify/budget.ts';
import type { Deliverer, DeliveryResult, Notice, Outgoing } from '../src/notify/deliver.ts';
import { planReminders } from '../src/notify/planner.ts';
import { follow, pauseRecipient } from '../src/notify/recipients.ts';
import { sendDue } from '../src/notify/sender.ts';
import { matches } from './api.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';
import { telegramFan } from './notify-fans.ts';

const notice = (matchId: string, items: Notice['items']): Notice => ({
  matchId,
  match: { home: 'A', away: 'B', competition: 'L', kickoffAt: new Date().toISOString(), score: { home: 0, away: 0 } },
  items,
});

/** A deliverer that records what it was handed and answers as told. */
function recording(channel: Deliverer['channel'], answer: (m: Outgoing) => DeliveryResult) {
  const seen: Outgoing[] = [];
  const deliverer: Deliverer = { channel, deliver: async (m) => (seen.push(m), answer(m)) };
  return { seen, deliverer };
}

describe.each(dbKinds)('the outbox on %s', (kind) => {
  let s: TestServer;
  const metrics = new NotifyMetrics(new Registry());
  const send = (deliverer: Deliverer) =>
    sendDue({
      db: s.database.db,
      instanceId: 'test',
      deliverers: [deliverer],
      budget: telegramBudget(30),
      metrics,
      batch: 30,
    });
  const enqueue = async (recipientId: number, key: string, matchId: string, items: Notice['items']) => {
    await s.database.db.insert(notifications).values({
      recipientId,
      channel: sql`(select channel from notify_recipients where id = ${recipientId})`,
      noticeKey: key,
      matchId: Number(matchId),
      kind: items[0]!.kind,
      payload: notice(matchId, items),
      committedAt: new Date(),
    });
  };
  beforeAll(async () => {
    s = await startTestServer(kind, { demo: true });
  });
  afterAll(() => s.close());

  it("hands the league channel its match post's id, so later news edits it", async () => {
    const [m] = await matches(s.app, '?status=scheduled');
    const [channel] = await s.database.db
      .insert(notifyRecipients)
      .values({ channel: 'channel', chatId: '-100777', kinds: ['kickoff', 'goal'], locale: 'ru' })
      .returning();
    const { seen, deliverer } = recording('channel', () => ({ ok: true, externalId: '555' }));
    await enqueue(channel!.id, 'k', m!.id, [{ kind: 'kickoff' }]);
    expect(await send(deliverer)).toBe(1);
    await enqueue(channel!.id, 'g', m!.id, [{ kind: 'goal', eventId: '1', side: 'home', minute: 3, type: 'goal' }]);
    expect(await send(deliverer)).toBe(1);
    expect(seen.map((o) => o.editExternalId)).toEqual([undefined, '555']);
  });

  it('forgets a push subscription its service says is gone, with its follows', async () => {
    const [m] = await matches(s.app, '?status=scheduled');
    const [push] = await s.database.db
      .insert(notifyRecipients)
      .values({ channel: 'push', endpoint: 'https://push.example/gone', p256dh: 'k', auth: 'a', kinds: ['goal'] })
      .returning();
    await follow(s.database.db, push!.id, 'match', Number(m!.id));
    await enqueue(push!.id, 'gone', m!.id, [{ kind: 'goal', eventId: '1', side: 'home', minute: 3, type: 'goal' }]);
    const { deliverer } = recording('push', () => ({ ok: false, retry: false, recipient: 'remove', error: '410' }));
    await send(deliverer);
    expect(await s.database.db.select().from(notifyRecipients).where(eq(notifyRecipients.id, push!.id))).toEqual([]);
    expect(await s.database.db.select().from(follows).where(eq(follows.recipientId, push!.id))).toEqual([]);
  });

  it("cancels a paused fan's waiting rows when it meets them, and sends the next fan's", async () => {
    const [m] = await matches(s.app, '?status=scheduled');
    const paused = await telegramFan(s.database.db, 'match', m!.id);
    const next = await telegramFan(s.database.db, 'match', m!.id);
    const item = [{ kind: 'goal' as const, eventId: '9', side: 'home' as const, minute: 9, type: 'goal' as const }];
    await enqueue(paused.recipientId, 'stopped', m!.id, item);
    await enqueue(next.recipientId, 'stopped', m!.id, item);
    await pauseRecipient(s.database.db, paused.recipientId, 'stop');
    const { seen, deliverer } = recording('telegram', () => ({ ok: true }));
    await send(deliverer);
    expect(seen.map((o) => o.recipient.id)).toEqual([next.recipientId]);
    const status = await rawRows<{ status: string }>(
      s.database.db,
      sql`select status from notifications where recipient_id = ${paused.recipientId}`,
    );
    expect(status).toEqual([{ status: 'cancelled' }]);
  });

  it('retries a failed delivery later, then gives it up', async () => {
    const [m] = await matches(s.app, '?status=scheduled');
    const fan = await telegramFan(s.database.db, 'match', m!.id);
    await enqueue(fan.recipientId, 'flaky', m!.id, [{ kind: 'kickoff' }]);
    const { seen, deliverer } = recording('telegram', () => ({ ok: false, retry: true, error: '502' }));
    const row = () =>
      rawRows<{ status: string; attempts: number; later: boolean }>(
        s.database.db,
        sql`select status, attempts, not_before > now() as later from notifications where recipient_id = ${fan.recipientId}`,
      );
    await send(deliverer);
    expect(await row()).toEqual([{ status: 'pending', attempts: 1, later: true }]);
    await send(deliverer);
    expect(seen).toHaveLength(1);
    // Its backoff over, each try is one more, until the last.
    for (let i = 0; i < 10; i++) {
      await s.database.db.execute(
        sql`update notifications set not_before = now() where recipient_id = ${fan.recipientId}`,
      );
      await send(deliverer);
    }
    expect(seen).toHaveLength(6);
    expect((await row())[0]!.status).toBe('failed');
  });

  it('reminds followers once before kick-off, within their own minutes', async () => {
    const [m] = (await matches(s.app, '?status=scheduled')).slice(-1);
    await s.database.db.execute(
      sql`update matches set kickoff_at = now() + interval '30 minutes' where id = ${Number(m!.id)}`,
    );
    const soon = await telegramFan(s.database.db, 'match', m!.id);
    const tooEarly = await telegramFan(s.database.db, 'club', m!.awayClub.id);
    await s.database.db
      .update(notifyRecipients)
      .set({ reminderMinutes: 10 })
      .where(eq(notifyRecipients.id, tooEarly.recipientId));
    const reminders = () =>
      rawRows<{ recipient_id: number; payload: Notice }>(
        s.database.db,
        sql`select recipient_id, payload from notifications where kind = 'reminder' and match_id = ${Number(m!.id)}`,
      );
    await planReminders(s.database.db);
    await planReminders(s.database.db);
    const rows = await reminders();
    expect(rows.map((r) => r.recipient_id)).toEqual([soon.recipientId]);
    expect(rows[0]!.payload.items).toEqual([{ kind: 'reminder', minutesBefore: 30 }]);
    expect(rows[0]!.payload.match.home).toBe(m!.homeClub.name);
  });
});
