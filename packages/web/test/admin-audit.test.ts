import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@touchline/contract';
import { auditDiff, auditSubject, mergeEntries, toAuditEntry, type Wording } from '../src/features/admin/audit.ts';

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
  refs: {},
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
  it('shows only what changed, nested fields by path, named things by name', () => {
    const before = { id: '3', name: 'Олимп', score: { home: 1 }, club: { id: '1', name: 'A' }, logoUrl: null };
    const after = { id: '3', name: 'Олимп-2', score: { home: 2 }, club: { id: '2', name: 'B' }, logoUrl: null };
    expect(auditDiff(before, after)).toEqual([
      { path: 'name', label: 'name', before: 'Олимп', after: 'Олимп-2' },
      { path: 'score.home', label: 'score · home', before: '1', after: '2' },
      { path: 'club', label: 'club', before: 'A', after: 'B' },
    ]);
  });

  it('lists a creation as new values and a deletion as old ones', () => {
    expect(auditDiff(null, { name: 'Олимп', active: true })).toEqual([
      { path: 'name', label: 'name', after: 'Олимп' },
      { path: 'active', label: 'active', after: 'true' },
    ]);
    expect(auditDiff({ name: 'Олимп' }, null)).toEqual([{ path: 'name', label: 'name', before: 'Олимп' }]);
  });

  it('names lists of people and shortens long values', () => {
    const lines = auditDiff(
      [{ id: '4', login: 'op1', displayName: 'Оператор 1' }],
      [
        { id: '4', login: 'op1', displayName: 'Оператор 1' },
        { id: '5', login: 'op2', displayName: 'Оператор 2' },
      ],
    );
    expect(lines).toEqual([{ path: '', label: '', before: 'Оператор 1', after: 'Оператор 1, Оператор 2' }]);
    // Nobody assigned yet reads as nothing, not as JSON.
    expect(auditDiff([], [{ id: '5', displayName: 'Оператор 2' }])).toEqual([
      { path: '', label: '', before: '—', after: 'Оператор 2' },
    ]);
    const [long] = auditDiff({ note: 'x'.repeat(200) }, { note: 'y' });
    expect(long!.before!.length).toBeLessThanOrEqual(80);
    expect(auditDiff({ a: 1 }, { a: 1 })).toEqual([]);
  });
});

describe('readable audit entries', () => {
  const words: Record<string, string> = {
    'admin.audit.fields.playerId': 'Player',
    'admin.audit.fields.createdBy': 'Entered by',
    'admin.audit.fields.minute': 'Minute',
    'admin.audit.fields.type': 'Type',
    'admin.audit.fields.kickoffAt': 'Kick-off',
    'admin.audit.fields.awayGoals': 'Away goals',
    'admin.audit.side.home': 'home',
    'event.goal': 'Goal',
    'admin.audit.yes': 'yes',
    'admin.audit.no': 'no',
  };
  const wording = (refs: Record<string, string>): Wording => ({
    refs,
    word: (key, fallback) => words[key] ?? fallback,
    // The league's zone is the caller's: here a fixed Moscow clock.
    time: (iso) => new Date(iso).toLocaleString('en-GB', { timeZone: 'Europe/Moscow' }),
  });

  it('names a statistic as the match screens do (one word per statistic, in the stats namespace)', () => {
    const stats = (shots: number) => ({ home: { shots, corners: 0 } });
    const named: Wording = { ...wording({}), word: (key, fallback) => ({ 'stats.shots': 'Shots' })[key] ?? fallback };
    expect(auditDiff(stats(1), stats(2), named)).toEqual([
      { path: 'home.shots', label: 'home · Shots', before: '1', after: '2' },
    ]);
  });

  it('shows names for ids, translated fields and codes, and times in the league’s zone', () => {
    const refs = { 'player:63': 'Иван Петров', 'player:62': 'Пётр Иванов', 'user:2': 'Оператор 1' };
    const before = {
      id: '9',
      type: 'goal',
      minute: 14,
      playerId: '63',
      createdBy: '2',
      createdAt: '2025-11-25T12:00:00.000Z',
    };
    expect(auditDiff(before, { ...before, playerId: '62' }, wording(refs))).toEqual([
      { path: 'playerId', label: 'Player', before: 'Иван Петров', after: 'Пётр Иванов' },
    ]);
    expect(auditDiff(null, before, wording(refs))).toEqual([
      { path: 'type', label: 'Type', after: 'Goal' },
      { path: 'minute', label: 'Minute', after: '14' },
      { path: 'playerId', label: 'Player', after: 'Иван Петров' },
      { path: 'createdBy', label: 'Entered by', after: 'Оператор 1' },
      { path: 'createdAt', label: 'createdAt', after: '25/11/2025, 15:00:00' },
    ]);
    expect(
      auditDiff(
        { kickoffAt: '2025-11-25T15:30:00.000Z', awayGoals: false },
        { kickoffAt: '2025-11-26T15:30:00.000Z', awayGoals: true },
        wording({}),
      ),
    ).toEqual([
      { path: 'kickoffAt', label: 'Kick-off', before: '25/11/2025, 18:30:00', after: '26/11/2025, 18:30:00' },
      { path: 'awayGoals', label: 'Away goals', before: 'no', after: 'yes' },
    ]);
  });

  it('names what an entry is about', () => {
    const refs = { 'match:4': 'Олимп – Звезда', 'club:3': 'Олимп' };
    expect(auditSubject(entry('1', { entity: 'club', entityId: '3', refs }), wording(refs))).toBe('Олимп');
    expect(auditSubject(entry('2', { entity: 'lineup', entityId: '4:home', refs }), wording(refs))).toBe(
      'Олимп – Звезда, home',
    );
    expect(auditSubject(entry('3', { entity: 'event', entityId: '77', refs }), wording(refs))).toBe(undefined);
  });
});
