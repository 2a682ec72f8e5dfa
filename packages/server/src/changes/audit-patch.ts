import type { AuditEntry, Change } from '@touchline/contract';
import type { CommittedPatch } from './patch.ts';

/** The admin topic's seq is the audit row id: it only rises, and a replay reads the audit log. */
export const ADMIN_TOPIC_EPOCH = 'audit-v1';

export const auditPatch = (entry: AuditEntry): CommittedPatch => ({
  topic: 'admin',
  epoch: ADMIN_TOPIC_EPOCH,
  seq: Number(entry.id),
  changes: [{ op: 'created', entity: 'audit', id: entry.id, data: entry } satisfies Change],
});

/** What an `admin` patch's audit entry is about, or undefined for any other patch. */
export function auditSubject(p: {
  topic: string;
  changes: readonly Change[];
}): { entity: string; id: string } | undefined {
  if (p.topic !== 'admin') return undefined;
  const entry = p.changes[0]?.data as Partial<AuditEntry> | undefined;
  return entry?.entity ? { entity: entry.entity, id: entry.entityId ?? '' } : undefined;
}
