import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../src/lib/admin-api.ts';
import { auditDiff, mergeEntries, toAuditEntry } from '../src/features/admin/audit.ts';

const admin: NonNullable<AuditEntry['actor']> = { id: '1', login: 'office', displayName: 'Лига', role: 'admin' };

const entry = (id: string, over: Partial<AuditEntry> = {}): AuditEntry => ({
  id,
  at: '2025-11-25T12:00:00.000Z',
  actor: admin,
  action: 'update',
  entity: 'club',
  entityId: '3',
  matchId: null,
  before: null,
  after: null,
  reason: null,
  ...over,
});

describe('audit entries', () => {
  it('takes the entries the admin topic sends, and drops what it cannot read', () => {
    expect(toAuditEntry(entry('5'))).toEqual(entry('5'));
    expect(toAuditEntry({ id: 8 })).toBeUndefined();
    expect(toAuditEntry({ id: 6, actorId: 77, action: 'create', entity: 'club', at: 'x' })).toBeUndefined();
    expect(toAuditEntry('nope')).toBeUndefined();
  });

  it('merges live entries once each, newest first, through the filter', () => {
    const page = [entry('10'), entry('9', { matchId: '4' })];
    const live = [entry('11', { matchId: '4' }), entry('10'), entry('12', { actor: { ...admin, id: '2' } })];
    expect(mergeEntries(page, live, {}).map((e) => e.id)).toEqual(['12', '11', '10', '9']);
    expect(mergeEntries([entry('9', { matchId: '4' })], live, { matchId: '4' }).map((e) => e.id)).toEqual(['11', '9']);
    expect(mergeEntries([], live, { userId: '2' }).map((e) => e.id)).toEqual(['12']);
  });
});

describe('audit diff', () => {
  it('shows only what changed, nested fields by path', () => {
    const before = { id: '3', name: 'Олимп', shortName: 'ОЛИ', club: { id: '1', name: 'A' }, logoUrl: null };
    const after = { id: '3', name: 'Олимп-2', shortName: 'ОЛИ', club: { id: '2', name: 'B' }, logoUrl: null };
    expect(auditDiff(before, after)).toEqual([
      { path: 'name', before: 'Олимп', after: 'Олимп-2' },
      { path: 'club.id', before: '1', after: '2' },
      { path: 'club.name', before: 'A', after: 'B' },
    ]);
  });

  it('lists a creation as new values and a deletion as old ones', () => {
    expect(auditDiff(null, { name: 'Олимп', active: true })).toEqual([
      { path: 'name', after: 'Олимп' },
      { path: 'active', after: 'true' },
    ]);
    expect(auditDiff({ name: 'Олимп' }, null)).toEqual([{ path: 'name', before: 'Олимп' }]);
  });

  it('names lists of people and shortens long values', () => {
    const lines = auditDiff(
      [{ id: '4', login: 'op1', displayName: 'Оператор 1' }],
      [
        { id: '4', login: 'op1', displayName: 'Оператор 1' },
        { id: '5', login: 'op2', displayName: 'Оператор 2' },
      ],
    );
    expect(lines).toEqual([{ path: '', before: 'Оператор 1', after: 'Оператор 1, Оператор 2' }]);
    // Nobody assigned yet reads as nothing, not as JSON.
    expect(auditDiff([], [{ id: '5', displayName: 'Оператор 2' }])).toEqual([
      { path: '', before: '—', after: 'Оператор 2' },
    ]);
    const [long] = auditDiff({ note: 'x'.repeat(200) }, { note: 'y' });
    expect(long!.before!.length).toBeLessThanOrEqual(80);
    expect(auditDiff({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
