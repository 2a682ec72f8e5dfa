import { type SQL, sql } from 'drizzle-orm';
import type { AuditEntry, Change, MatchStatus, Role } from '@touchline/contract';
import { type AuditInput, toAuditEntry } from '../audit/record.ts';
import { applyNames, namesQuery, type RefName } from '../audit/names.ts';
import type { Tx } from '../db/client.ts';
import { rawRows } from '../db/raw.ts';
import type { auditLog } from '../db/schema.ts';

export interface MatchRecord {
  matchId: number;
  epoch: string;
  seq: number;
  changes: Change[];
  clientWriteId: string | undefined;
  audit: AuditInput[];
}

interface Row {
  status: MatchStatus;
  id: number | null;
  at: Date | string | null;
  actor_id: number | null;
  actor_command: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  match_id: number | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  login: string | null;
  display_name: string | null;
  role: Role;
  names?: RefName[] | string;
}

// An absent value is SQL NULL, as the audit writer stores it: JSON `null` would not survive a backup's round trip.
const json = (v: unknown) => sql`${v === undefined || v === null ? null : JSON.stringify(v)}::jsonb`;

const auditValues = (a: AuditInput): SQL =>
  sql`(${a.actorId === null ? null : Number(a.actorId)}::int, ${a.actorCommand ?? null}::text, ${a.action}::text,
    ${a.entity}::text, ${a.entityId === undefined || a.entityId === null ? null : String(a.entityId)}::text,
    ${a.matchId ?? null}::int, ${json(a.before)}, ${json(a.after)}, ${a.reason ?? null}::text)`;

/**
 * A match write's bookkeeping in one statement (decision 047): the match's new seq, the patch in the change log,
 * the client write id, and the audit rows with their actors, in the write's transaction. Answers the match's status
 * after the write and the named audit entries for the `admin` topic.
 */
export async function recordMatchWrite(tx: Tx, r: MatchRecord): Promise<{ status: MatchStatus; audit: AuditEntry[] }> {
  const ctes: SQL[] = [
    sql`bump as (update matches set seq = ${r.seq} where id = ${r.matchId} returning status)`,
    sql`log as (insert into change_log (topic, seq, epoch, changes)
      values (${`match:${r.matchId}`}, ${r.seq}, ${r.epoch}, ${json(r.changes)}))`,
  ];
  if (r.clientWriteId) {
    ctes.push(sql`cw as (insert into client_writes (match_id, client_write_id, seq)
      values (${r.matchId}, ${r.clientWriteId}::uuid, ${r.seq}))`);
  }
  if (r.audit.length > 0) {
    ctes.push(sql`audit as (insert into audit_log
      (actor_id, actor_command, action, entity, entity_id, match_id, before, after, reason)
      values ${sql.join(r.audit.map(auditValues), sql`, `)} returning *)`);
  }
  // The names the audit entries refer to, known before they are written, read in the same statement.
  const { keys, query: names } = namesQuery(
    tx,
    r.audit.map((a) => ({
      entity: a.entity,
      entityId: a.entityId === undefined || a.entityId === null ? null : String(a.entityId),
      matchId: a.matchId === undefined || a.matchId === null ? null : String(a.matchId),
      before: a.before ?? null,
      after: a.after ?? null,
    })),
  );
  const namesColumn = names ? sql`(select coalesce(json_agg(n), '[]'::json) from (${names}) n)` : sql`'[]'::json`;
  const select =
    r.audit.length > 0
      ? sql`select b.status, a.*, u.login, u.display_name, u.role, ${namesColumn} as names from bump b
          cross join audit a left join users u on u.id = a.actor_id order by a.id`
      : sql`select b.status from bump b`;
  const rows = await rawRows<Row>(tx, sql`with ${sql.join(ctes, sql`, `)} ${select}`);
  const status = rows[0]!.status;
  const entries = rows.map((row) =>
    toAuditEntry(
      {
        id: row.id!,
        at: new Date(row.at!),
        actorId: row.actor_id,
        actorCommand: row.actor_command,
        action: row.action,
        entity: row.entity,
        entityId: row.entity_id,
        matchId: row.match_id,
        before: row.before,
        after: row.after,
        reason: row.reason,
      } satisfies typeof auditLog.$inferSelect,
      row.actor_id === null
        ? null
        : { id: row.actor_id, login: row.login!, displayName: row.display_name!, role: row.role },
    ),
  );
  const read = rows[0]?.names ?? [];
  return { status, audit: applyNames(entries, keys, typeof read === 'string' ? JSON.parse(read) : read) };
}
