import type { AuditEntry } from '../../lib/admin-api.ts';

/** An entry from the `admin` topic, which sends the REST page's shape; anything else is dropped, not shown half-read. */
export function toAuditEntry(raw: unknown): AuditEntry | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Partial<AuditEntry>;
  const ok =
    typeof r.id === 'string' &&
    typeof r.at === 'string' &&
    typeof r.action === 'string' &&
    typeof r.entity === 'string';
  return ok ? (r as AuditEntry) : undefined;
}

export interface AuditFilter {
  matchId?: string | undefined;
  userId?: string | undefined;
}

export const matchesFilter = (e: AuditEntry, f: AuditFilter) =>
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
  before?: string;
  after?: string;
}

const MAX_DEPTH = 3;
const MAX_TEXT = 80;

const clip = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);

/** A leaf as a short text: lists of named things by their names, everything else as JSON. */
function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return clip(v);
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) {
    return clip(
      v
        .map((item) => {
          if (item && typeof item === 'object') {
            const o = item as Record<string, unknown>;
            const name = o.displayName ?? o.name ?? o.label ?? o.login;
            return typeof name === 'string' ? name : JSON.stringify(item);
          }
          return String(item);
        })
        .join(', ') || '—',
    );
  }
  return clip(JSON.stringify(v));
}

/** Path → leaf text; arrays are leaves, objects are opened up to MAX_DEPTH levels. */
function flatten(v: unknown, prefix: string, out: Map<string, string>, depth = 0) {
  if (v && typeof v === 'object' && !Array.isArray(v) && depth < MAX_DEPTH) {
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 0) out.set(prefix, '{}');
    for (const [k, child] of entries) flatten(child, prefix ? `${prefix}.${k}` : k, out, depth + 1);
    return;
  }
  out.set(prefix, show(v));
}

/** A compact before/after: only what changed, what appeared and what went, in the order the values list them. */
export function auditDiff(before: unknown, after: unknown): DiffLine[] {
  const b = new Map<string, string>();
  const a = new Map<string, string>();
  if (before !== null && before !== undefined) flatten(before, '', b);
  if (after !== null && after !== undefined) flatten(after, '', a);
  const paths = [...new Set([...b.keys(), ...a.keys()])];
  return paths
    .filter((p) => b.get(p) !== a.get(p))
    .map((path) => ({
      path,
      ...(b.has(path) ? { before: b.get(path) } : {}),
      ...(a.has(path) ? { after: a.get(path) } : {}),
    }));
}
