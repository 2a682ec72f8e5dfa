import type { AuditEntry, Change } from '@touchline/contract';
import type { Bus, BusMessage } from './bus.ts';

export type CommittedPatch = Omit<BusMessage, 'origin' | 'committedAt'>;

/** After a commit, delivers patches to this instance's sockets at once and to other instances through the bus. */
export class Fanout {
  private readonly listeners = new Set<(msg: BusMessage) => void>();

  constructor(private readonly bus: Bus) {
    bus.onMessage((msg) => this.emit(msg));
  }

  onMessage(fn: (msg: BusMessage) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  publish(patches: readonly CommittedPatch[]): void {
    const committedAt = Date.now();
    for (const p of patches) {
      const msg: BusMessage = { ...p, committedAt, origin: this.bus.instanceId };
      this.emit(msg);
      this.bus.publish(msg);
    }
  }

  private emit(msg: BusMessage) {
    for (const fn of this.listeners) fn(msg);
  }
}

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
