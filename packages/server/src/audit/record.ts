import type { Executor } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';

export interface AuditEntry {
  actorId: string | number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  matchId?: number | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Writes who changed what, with before and after, inside the caller's transaction. */
export async function recordAudit(tx: Executor, e: AuditEntry) {
  const [row] = await tx
    .insert(auditLog)
    .values({
      actorId: e.actorId === null ? null : Number(e.actorId),
      action: e.action,
      entity: e.entity,
      entityId: e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
      matchId: e.matchId ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      reason: e.reason ?? null,
    })
    .returning();
  return row!;
}
