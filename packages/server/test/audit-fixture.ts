import type { AuditEntry } from '@touchline/contract';

/** An audit entry about one thing, the rest of it empty: what realtime tests put in an `admin` patch. */
export const auditAbout = (entity: string, entityId: string): AuditEntry => ({
  id: '1',
  at: '2026-01-01T00:00:00.000Z',
  actor: null,
  action: 'update',
  entity,
  entityId,
  matchId: null,
  before: null,
  after: null,
  reason: null,
  refs: {},
});
