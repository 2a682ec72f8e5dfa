import type { Db, Tx } from '../db/client.ts';
import { type AuditInput, recordAudit } from '../audit/record.ts';
import { auditPatch } from './audit-patch.ts';
import type { CommittedPatch, PatchPublisher } from './patch.ts';

/** What a write needs, passed in rather than read from the app, so it runs the same without Fastify. */
export interface ChangeDeps {
  db: Db;
  fanout: PatchPublisher;
}

export interface UnitOfWork {
  tx: Tx;
  /** Records who changed what, inside the transaction, and queues its `admin` patch. */
  audit(entry: AuditInput): Promise<void>;
  /** Queues patches already appended to the change log (`appendPatch`, `seasonPatch`). */
  publish(...patches: CommittedPatch[]): void;
}

/**
 * One write: a transaction whose queued patches are sent, in order, only once it has committed. A write that fails
 * sends nothing, so no client ever sees a patch the change log does not hold (docs/protocol.md §9.5).
 */
export async function unitOfWork<T>(deps: ChangeDeps, fn: (w: UnitOfWork) => Promise<T>): Promise<T> {
  const outbound: CommittedPatch[] = [];
  const result = await deps.db.transaction((tx) =>
    fn({
      tx,
      audit: async (entry) => {
        outbound.push(auditPatch(await recordAudit(tx, entry)));
      },
      publish: (...patches) => {
        outbound.push(...patches);
      },
    }),
  );
  deps.fanout.publish(outbound);
  return result;
}
