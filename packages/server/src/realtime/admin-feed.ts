import { setTimeout as sleep } from 'node:timers/promises';
import { and, asc, desc, gt, lt, max } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.ts';
import { withNames } from '../audit/names.ts';
import { auditWithActors, toAuditEntry } from '../audit/record.ts';
import { ADMIN_TOPIC_EPOCH, auditPatch } from '../changes/audit-patch.ts';
import { auditLog } from '../db/schema.ts';
import { type Feed, REPLAY_LIMIT } from './feed.ts';

const SNAPSHOT_ROWS = 50;
/** How long a gap in audit ids may be an earlier transaction still committing. */
const COMMIT_GRACE_MS = 150;

/** admin: the audit feed. Its seq is the audit row id, which only rises (rolled-back inserts leave holes). */
export function adminFeed(db: Db): Feed {
  const epoch = ADMIN_TOPIC_EPOCH;
  const headOf = async (ex: Executor) => {
    const [row] = await ex.select({ id: max(auditLog.id) }).from(auditLog);
    return { epoch, seq: row?.id ?? 0 };
  };
  const rows = (ex: Executor, after: number, before?: number) =>
    auditWithActors(ex)
      .where(and(gt(auditLog.id, after), before === undefined ? undefined : lt(auditLog.id, before)))
      .orderBy(asc(auditLog.id))
      .limit(REPLAY_LIMIT + 1);
  /** Named entries, as patches: the same shape `recordAudit` publishes. */
  const toPatches = async (ex: Executor, list: Awaited<ReturnType<typeof rows>>) =>
    (
      await withNames(
        ex,
        list.map(({ a, u }) => toAuditEntry(a, u)),
      )
    ).map(auditPatch);

  return {
    contiguous: false,
    head: () => headOf(db),
    async snapshot() {
      const latest = (await auditWithActors(db).orderBy(desc(auditLog.id)).limit(SNAPSHOT_ROWS)).reverse();
      const data = await withNames(
        db,
        latest.map(({ a, u }) => toAuditEntry(a, u)),
      );
      return { epoch, seq: latest.at(-1)?.a.id ?? 0, data };
    },
    replay: (since) =>
      db.transaction(
        async (tx) => {
          const head = await headOf(tx);
          if (since.epoch !== epoch || since.seq > head.seq) return undefined;
          const list = await rows(tx, since.seq);
          return list.length > REPLAY_LIMIT ? undefined : { head, patches: await toPatches(tx, list) };
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      ),
    async between(after, before) {
      let list = await rows(db, after, before);
      // Ids are taken before commit: a later id can be published while an earlier one is still committing.
      if (before !== undefined && list.length < before - after - 1) {
        await sleep(COMMIT_GRACE_MS);
        list = await rows(db, after, before);
      }
      return toPatches(db, list);
    },
  };
}
