import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { rawRows as rowsOf } from '../db/raw.ts';

/** What a backup reads from PostgreSQL's own catalog, so it covers every table the migrations made (decision 032). */

export interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
}

/** A quoted identifier, safe to put into SQL text. */
export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Every table of the `public` schema, each after the tables its foreign keys point to, else by name. */
export async function publicTables(ex: Executor): Promise<TableInfo[]> {
  const columns = await rowsOf<{ table: string; column: string }>(
    ex,
    sql`select c.relname as "table", a.attname as "column"
        from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid
        where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
        order by c.relname, a.attnum`,
  );
  const keys = await rowsOf<{ table: string; column: string }>(
    ex,
    sql`select c.relname as "table", a.attname as "column"
        from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
        where n.nspname = 'public' and i.indisprimary
        order by c.relname, array_position(i.indkey, a.attnum)`,
  );
  const references = await rowsOf<{ child: string; parent: string }>(
    ex,
    sql`select child.relname as child, parent.relname as parent
        from pg_constraint k join pg_class child on child.oid = k.conrelid join pg_class parent on parent.oid = k.confrelid
        join pg_namespace n on n.oid = child.relnamespace
        where k.contype = 'f' and n.nspname = 'public'`,
  );
  const tables = new Map<string, TableInfo>();
  for (const { table, column } of columns) {
    if (!tables.has(table)) tables.set(table, { name: table, columns: [], primaryKey: [] });
    tables.get(table)!.columns.push(column);
  }
  for (const { table, column } of keys) tables.get(table)?.primaryKey.push(column);
  return parentsFirst([...tables.values()], references);
}

function parentsFirst(tables: TableInfo[], references: { child: string; parent: string }[]): TableInfo[] {
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const waiting = [...tables];
  while (waiting.length) {
    const next = waiting.findIndex((t) =>
      references.every((r) => r.child !== t.name || r.parent === t.name || placed.has(r.parent)),
    );
    if (next < 0) throw new Error(`Foreign keys form a cycle among ${waiting.map((t) => t.name).join(', ')}`);
    const [table] = waiting.splice(next, 1);
    ordered.push(table!);
    placed.add(table!.name);
  }
  return ordered;
}

/** The identity (or serial) sequences of the `public` tables, with how far each has counted. */
export async function sequenceValues(ex: Executor) {
  const owned = await rowsOf<{ table: string; column: string; sequence: string }>(
    ex,
    sql`select c.relname as "table", a.attname as "column",
          pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as "sequence"
        from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid
        where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
          and pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) is not null
        order by c.relname, a.attname`,
  );
  const out: { table: string; column: string; lastValue: number | null }[] = [];
  for (const { table, column, sequence } of owned) {
    // pg_get_serial_sequence answers a quoted, qualified name.
    const [state] = await rowsOf<{ value: number; called: boolean }>(
      ex,
      sql.raw(`select last_value::int as value, is_called as called from ${sequence}`),
    );
    out.push({ table, column, lastValue: state!.called ? state!.value : null });
  }
  return out;
}
