import { eq } from 'drizzle-orm';
import type { AuditEntry } from '@touchline/contract';
import type { Executor } from '../db/client.ts';
import { auditLog, users } from '../db/schema.ts';
import { withNames } from './names.ts';

/** What a write tells the audit log about itself. */
export interface AuditInput {
  actorId: string | number | null;
  /** The command that made the change when no signed-in user did (decision 030). */
  actorCommand?: string;
  action: string;
  entity: string;
  entityId?: string | number | null;
  matchId?: number | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** The one shape of an audit entry, for the REST viewer and the `admin` topic alike; `withNames` fills `refs`. */
export function toAuditEntry(
  a: typeof auditLog.$inferSelect,
  u: Pick<typeof users.$inferSelect, 'id' | 'login' | 'displayName' | 'role'> | null,
): AuditEntry {
  return {
    id: String(a.id),
    at: a.at.toISOString(),
    actor: u ? { id: String(u.id), login: u.login, displayName: u.displayName, role: u.role } : null,
    ...(a.actorCommand !== null ? { actorCommand: a.actorCommand } : {}),
    action: a.action,
    entity: a.entity,
    entityId: a.entityId,
    matchId: a.matchId === null ? null : String(a.matchId),
    before: a.before,
    after: a.after,
    reason: a.reason,
    refs: {},
  };
}

/** Audit rows with their actors, for a caller to filter, order and page. */
export const auditWithActors = (ex: Executor) =>
  ex.select({ a: auditLog, u: users }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorId));

/** Writes who changed what, with before and after, inside the caller's transaction. */
export async function recordAudit(tx: Executor, e: AuditInput): Promise<AuditEntry> {
  const [row] = await tx
    .insert(auditLog)
    .values({
      actorId: e.actorId === null ? null : Number(e.actorId),
      actorCommand: e.actorCommand ?? null,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
      matchId: e.matchId ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      reason: e.reason ?? null,
    })
    .returning();
  const [actor] = row!.actorId === null ? [] : await tx.select().from(users).where(eq(users.id, row!.actorId));
  const [named] = await withNames(tx, [toAuditEntry(row!, actor ?? null)]);
  return named!;
}
