import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rawRows } from '../db/raw.ts';
import type { NotifyMetrics } from '../metrics/notify-metrics.ts';
import type { SendBudget } from './budget.ts';
import type { Deliverer, DeliveryResult, Notice, Outgoing, Recipient } from './deliver.ts';

/**
 * How long a claim holds a row; a row whose sender died is claimed again after it (at least once across a crash).
 * Longer than a deliverer's own timeout, so a slow delivery is not sent twice.
 */
export const LEASE_SECONDS = 30;
/**
 * Rows claimed per pass: a quarter of a second's budget, at least 30, so the rate is set by the configured limit
 * rather than by the round trips of a pass.
 */
export const batchFor = (perSecond: number) => Math.min(500, Math.max(30, Math.ceil(perSecond / 4)));
/** Tries before a row is given up as failed. */
export const MAX_ATTEMPTS = 6;
/** The wait after the n-th failed try: 5, 10, 20 … seconds, at most 5 minutes (about 5 minutes in all). */
const backoffSeconds = (attempts: number) => Math.min(5 * 2 ** (attempts - 1), 300);
/** Channels written through Telegram, which share its budget. */
const THROUGH_TELEGRAM = new Set<Recipient['channel']>(['telegram', 'channel']);

interface ClaimedRow {
  id: number;
  notice_key: string;
  kind: string;
  payload: Notice;
  match_id: number | null;
  committed_at: string;
  attempts: number;
  recipient_id: number;
  channel: Recipient['channel'];
  chat_id: string | null;
  endpoint: string | null;
  p256dh: string | null;
  auth: string | null;
  kinds: string[];
  locale: 'ru' | 'en';
}

export interface SenderDeps {
  db: Db;
  /** This instance, as it names its claims. */
  instanceId: string;
  deliverers: readonly Deliverer[];
  budget: SendBudget;
  metrics: NotifyMetrics;
  /** Rows claimed per pass (`batchFor`). */
  batch: number;
}

/**
 * The outbox's sender (docs/decisions/034): claims due rows with a lease (`FOR UPDATE SKIP LOCKED`, so each row is
 * with one instance at a time), hands each to its channel's deliverer, and records the answer. Returns how many rows
 * it claimed, so the loop knows whether more are waiting.
 */
export async function sendDue(deps: SenderDeps): Promise<number> {
  const channels = deps.deliverers.map((d) => d.channel);
  if (channels.length === 0) return 0;
  const rows = await claim(deps.db, deps.instanceId, channels, deps.batch);
  const delivered = (await Promise.all(rows.map((row) => sendOne(deps, row)))).filter((d) => d !== undefined);
  await markSent(deps, delivered);
  return rows.length;
}

/** A row its deliverer delivered, to be marked sent with the others of its pass. */
interface Delivered {
  row: ClaimedRow;
  externalId: string | null;
}

/**
 * One statement for every delivery of a pass: a commit per message would make the disk's flush, not the limit, set
 * the send rate.
 */
async function markSent(deps: SenderDeps, delivered: Delivered[]): Promise<void> {
  if (delivered.length === 0) return;
  const values = sql.join(
    delivered.map((d) => sql`(${d.row.id}::int, ${d.externalId}::text)`),
    sql`, `,
  );
  await deps.db.execute(
    sql`update notifications n set status = 'sent', sent_at = now(), external_id = v.external_id,
          claimed_by = null, claimed_until = null, error = null
        from (values ${values}) as v(id, external_id)
        where n.id = v.id and n.claimed_by = ${deps.instanceId}`,
  );
  for (const d of delivered) deps.metrics.delivered(d.row.kind, d.row.channel, new Date(d.row.committed_at));
}

/**
 * Takes the next due rows of this instance's channels: picked from the pending index alone, in order, so a burst of
 * thousands of rows costs one short index walk whatever the table's statistics say (a join here let a freshly filled
 * table be planned as a nested loop over every pending row, seconds per claim). A recipient paused since planning
 * (`/stop`) has its rows cancelled here, so they never block the head of the queue.
 */
async function claim(db: Db, me: string, channels: string[], batch: number): Promise<ClaimedRow[]> {
  return rawRows<ClaimedRow>(
    db,
    sql`with due as materialized (
          select id from notifications
          where status = 'pending' and not_before <= now()
            and (claimed_until is null or claimed_until < now())
            and channel in (${sql.join(
              channels.map((c) => sql`${c}`),
              sql`, `,
            )})
          order by not_before, id
          limit ${batch}
          for update skip locked),
        dropped as (
          update notifications n set status = 'cancelled', claimed_by = null, claimed_until = null
          from due, notify_recipients r
          where n.id = due.id and r.id = n.recipient_id and r.paused_at is not null)
        update notifications n
        set claimed_by = ${me}, claimed_until = now() + ${LEASE_SECONDS}::int * interval '1 second',
            attempts = n.attempts + 1
        from due, notify_recipients r
        where n.id = due.id and r.id = n.recipient_id and r.paused_at is null
        returning n.id, n.notice_key, n.kind, n.payload, n.match_id, n.committed_at::text as committed_at, n.attempts,
                  r.id as recipient_id, r.channel, r.chat_id, r.endpoint, r.p256dh, r.auth, r.kinds, r.locale`,
  );
}

async function sendOne(deps: SenderDeps, row: ClaimedRow): Promise<Delivered | undefined> {
  const { db, metrics } = deps;
  const labels = { kind: row.kind, channel: row.channel };
  if (THROUGH_TELEGRAM.has(row.channel)) {
    const waitMs = await deps.budget.take(`${row.channel}:${row.chat_id}`);
    if (waitMs > 0) {
      metrics.heldBack.inc(labels);
      await release(db, deps.instanceId, row.id, waitMs / 1000, { countTry: false });
      return;
    }
  }
  const deliverer = deps.deliverers.find((d) => d.channel === row.channel)!;
  const result = await deliverer
    .deliver(await outgoing(db, row))
    .catch((err: unknown): DeliveryResult => ({ ok: false, retry: true, error: String(err) }));
  if (result.ok) return { row, externalId: result.externalId ?? null };
  if (result.retry && result.retryAfterSeconds !== undefined) {
    // Telegram's own flow control: not a failed try, and everyone waits as long as it asked.
    metrics.heldBack.inc(labels);
    if (THROUGH_TELEGRAM.has(row.channel)) await deps.budget.pause(result.retryAfterSeconds);
    await release(db, deps.instanceId, row.id, result.retryAfterSeconds, { countTry: false, error: result.error });
  } else if (result.retry && row.attempts < MAX_ATTEMPTS) {
    metrics.retried.inc(labels);
    await release(db, deps.instanceId, row.id, backoffSeconds(row.attempts), { countTry: true, error: result.error });
  } else {
    metrics.failed.inc(labels);
    await fail(db, row, result.error);
    if (!result.retry && result.recipient) await dropRecipient(db, row.recipient_id, result.recipient, result.error);
  }
}

/** The row as its deliverer needs it; a league channel's notice edits the match's post (its kick-off message). */
async function outgoing(db: Db, row: ClaimedRow): Promise<Outgoing> {
  const recipient: Recipient = {
    id: row.recipient_id,
    channel: row.channel,
    chatId: row.chat_id,
    endpoint: row.endpoint,
    p256dh: row.p256dh,
    auth: row.auth,
    kinds: row.kinds,
    locale: row.locale,
  };
  const message: Outgoing = { id: row.id, noticeKey: row.notice_key, kind: row.kind, recipient, notice: row.payload };
  if (row.channel !== 'channel' || row.match_id === null) return message;
  const [post] = await rawRows<{ external_id: string }>(
    db,
    sql`select external_id from notifications
        where recipient_id = ${row.recipient_id} and match_id = ${row.match_id} and status = 'sent'
          and external_id is not null and payload->'items' @> '[{"kind":"kickoff"}]'::jsonb
        order by id limit 1`,
  );
  return post ? { ...message, editExternalId: post.external_id } : message;
}

async function release(
  db: Db,
  me: string,
  id: number,
  afterSeconds: number,
  opts: { countTry: boolean; error?: string },
): Promise<void> {
  await db.execute(
    sql`update notifications
        set not_before = now() + ${afterSeconds}::float8 * interval '1 second', claimed_by = null, claimed_until = null,
            attempts = attempts - ${opts.countTry ? 0 : 1}, error = ${opts.error ?? null}
        where id = ${id} and claimed_by = ${me}`,
  );
}

async function fail(db: Db, row: ClaimedRow, error: string): Promise<void> {
  await db.execute(
    sql`update notifications set status = 'failed', error = ${error}, claimed_by = null, claimed_until = null
        where id = ${row.id}`,
  );
}

/**
 * The recipient is gone: `pause` (Telegram 403, the bot was blocked) keeps the follows and cancels what waits for
 * them; `remove` (a push subscription that expired) deletes the recipient, its follows and outbox rows with it.
 */
async function dropRecipient(db: Db, recipientId: number, how: 'pause' | 'remove', reason: string): Promise<void> {
  if (how === 'remove') {
    await db.execute(sql`delete from notify_recipients where id = ${recipientId}`);
    return;
  }
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`update notify_recipients set paused_at = now(), pause_reason = ${reason} where id = ${recipientId}`,
    );
    await tx.execute(
      sql`update notifications set status = 'cancelled', claimed_by = null, claimed_until = null
          where recipient_id = ${recipientId} and status = 'pending'`,
    );
  });
}
