import { COUNTER_METRICS } from '@touchline/contract/constants';
import { AUDIT_REF_FIELDS, type AuditRefKind, auditRefKey } from '@touchline/domain';
import type { AuditEntry } from '@touchline/contract';

/** An entry from the `admin` topic, which sends the REST page's shape; anything else is dropped, not shown half-read. */
export function toAuditEntry(raw: unknown): AuditEntry | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Partial<AuditEntry>;
  const ok =
    typeof r.id === 'string' &&
    typeof r.at === 'string' &&
    typeof r.action === 'string' &&
    typeof r.entity === 'string';
  // An entry from a server that names nothing yet still reads, with its ids.
  return ok ? { ...(r as AuditEntry), refs: r.refs ?? {} } : undefined;
}

export interface AuditFilter {
  matchId?: string | undefined;
  userId?: string | undefined;
}

const matchesFilter = (e: AuditEntry, f: AuditFilter) =>
  (!f.matchId || e.matchId === f.matchId) && (!f.userId || e.actor?.id === f.userId);

/** Live entries merged into a page: each once, newest first, only those the filter lets through. */
export function mergeEntries(current: readonly AuditEntry[], incoming: readonly AuditEntry[], filter: AuditFilter) {
  const byId = new Map(current.map((e) => [e.id, e]));
  for (const e of incoming) if (matchesFilter(e, filter)) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => Number(b.id) - Number(a.id));
}

export interface DiffLine {
  /** Dotted path of the changed value; empty when the whole value is a scalar. */
  path: string;
  /** The path in the reader's words. */
  label: string;
  before?: string;
  after?: string;
}

/** What turns an entry's raw values into words: the names the server sent, translations, the league's clock. */
export interface Wording {
  refs: Record<string, string>;
  /** The translation under `key`, or `fallback` when there is none. */
  word: (key: string, fallback: string) => string;
  /** An instant in the league's time zone. */
  time: (iso: string) => string;
}

const RAW: Wording = { refs: {}, word: (_key, fallback) => fallback, time: (iso) => iso };

const MAX_DEPTH = 3;
const MAX_TEXT = 80;
/** Identifiers of the row itself: they say nothing to a reader. */
const HIDDEN = new Set(['id', 'clientEventId']);
/** Where the words for a coded value live, by the field holding it (namespaces, not keys: `${ns}.${value}`). */
const ADMIN = 'admin';
const VALUE_WORDS: Record<string, string[]> = {
  type: ['event', `${ADMIN}.competitionType`],
  status: ['status'],
  period: ['period'],
  side: [`${ADMIN}.audit.side`],
  role: ['lineup', `${ADMIN}.role`],
  format: [`${ADMIN}.format`],
  shootoutPolicy: [`${ADMIN}.shootoutPolicy`],
  tieBreakers: [`${ADMIN}.tieBreaker`],
  reason: ['suspension'],
};
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const clip = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);

/** The name a named thing goes by (a club, a person, a lineup entry), if it is one. */
function nameOf(o: Record<string, unknown>): string | undefined {
  const name = o.displayName ?? o.name ?? o.label;
  if (typeof name === 'string') return name;
  if (typeof o.firstName === 'string' && typeof o.lastName === 'string') {
    const number = typeof o.shirtNumber === 'number' ? `${o.shirtNumber} ` : '';
    return `${number}${o.firstName} ${o.lastName}`;
  }
  return typeof o.login === 'string' ? o.login : undefined;
}

function word(key: string, v: string, w: Wording): string {
  if (INSTANT.test(v)) return w.time(v);
  for (const ns of VALUE_WORDS[key] ?? []) {
    const found = w.word(`${ns}.${v}`, '');
    if (found) return found;
  }
  return v;
}

/** A leaf as a short text in the reader's words. */
function show(key: string, v: unknown, w: Wording): string {
  if (v === null || v === undefined) return '—';
  const kind = AUDIT_REF_FIELDS[key];
  if (kind && (typeof v === 'string' || typeof v === 'number')) {
    return w.refs[auditRefKey(kind, v)] ?? `${w.word(`admin.audit.entity.${kind}`, kind)} ${v}`;
  }
  if (typeof v === 'boolean') return w.word(`admin.audit.${v ? 'yes' : 'no'}`, String(v));
  if (typeof v === 'string') return clip(word(key, v, w));
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) {
    const items = v.map((item) =>
      item && typeof item === 'object'
        ? (nameOf(item as Record<string, unknown>) ?? JSON.stringify(item))
        : word(key, String(item), w),
    );
    return clip(items.join(', ') || '—');
  }
  return clip(nameOf(v as Record<string, unknown>) ?? JSON.stringify(v));
}

/** Path → leaf text; arrays and named things are leaves, other objects are opened up to MAX_DEPTH levels. */
function flatten(v: unknown, prefix: string, key: string, out: Map<string, string>, w: Wording, depth = 0) {
  const open =
    v &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    depth < MAX_DEPTH &&
    // The value itself is opened; a named thing inside it reads as its name.
    (depth === 0 || !nameOf(v as Record<string, unknown>));
  if (open) {
    const entries = Object.entries(v as Record<string, unknown>).filter(([k]) => !HIDDEN.has(k));
    if (entries.length === 0) out.set(prefix, '{}');
    for (const [k, child] of entries) flatten(child, prefix ? `${prefix}.${k}` : k, k, out, w, depth + 1);
    return;
  }
  out.set(prefix, show(key, v, w));
}

/** A statistic is named in the words the match screens use for it. */
const STAT_FIELDS: ReadonlySet<string> = new Set(COUNTER_METRICS);
const fieldWord = (k: string) => (STAT_FIELDS.has(k) ? `stats.${k}` : `admin.audit.fields.${k}`);

const labelOf = (path: string, w: Wording) =>
  path
    .split('.')
    .map((k) => w.word(fieldWord(k), k))
    .join(' · ');

/** A compact before/after: only what changed, what appeared and what went, in the order the values list them. */
export function auditDiff(before: unknown, after: unknown, w: Wording = RAW): DiffLine[] {
  const b = new Map<string, string>();
  const a = new Map<string, string>();
  if (before !== null && before !== undefined) flatten(before, '', '', b, w);
  if (after !== null && after !== undefined) flatten(after, '', '', a, w);
  const paths = [...new Set([...b.keys(), ...a.keys()])];
  return paths
    .filter((p) => b.get(p) !== a.get(p))
    .map((path) => ({
      path,
      label: path ? labelOf(path, w) : '',
      ...(b.has(path) ? { before: b.get(path) } : {}),
      ...(a.has(path) ? { after: a.get(path) } : {}),
    }));
}

/** What the entry is about, by name: a club, a person, a match's lineup; undefined when only its match says it. */
export function auditSubject(e: AuditEntry, w: Wording): string | undefined {
  const [id, part] = (e.entityId ?? '').split(':');
  if (e.entity === 'lineup' || e.entity === 'stats') {
    const match = w.refs[auditRefKey('match', id!)];
    return match && part ? `${match}, ${w.word(`admin.audit.side.${part}`, part)}` : match;
  }
  if (e.entity === 'roster') return w.refs[auditRefKey('player', part ?? '')];
  if (e.entity === 'participant') return w.refs[auditRefKey('club', part ?? '')];
  if (e.entity === 'event' || !(e.entity in KINDS)) return undefined;
  return w.refs[auditRefKey(e.entity as AuditRefKind, id!)];
}
const KINDS: Record<AuditRefKind, true> = {
  player: true,
  club: true,
  user: true,
  match: true,
  venue: true,
  referee: true,
  season: true,
  competition: true,
  group: true,
};
