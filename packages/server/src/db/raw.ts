import { getTableColumns, type SQL, type Table } from 'drizzle-orm';
import type { Executor } from './client.ts';

/** The rows of a hand-written query; both drivers answer `{ rows }`, which Drizzle's shared type leaves unknown. */
export async function rawRows<T = Record<string, unknown>>(ex: Executor, query: SQL): Promise<T[]> {
  return ((await ex.execute(query)) as { rows: T[] }).rows;
}

/**
 * Rows a statement answered as a JSON array of `to_json(row)` (keys are column names), mapped as Drizzle maps the
 * table's own rows: a write reads what it needs in the same statement this way (decision 052). A driver that leaves
 * JSON as text is parsed here.
 */
export function rowsFromJson<T extends Table>(table: T, json: unknown): T['$inferSelect'][] {
  const list = (typeof json === 'string' ? JSON.parse(json) : (json ?? [])) as Record<string, unknown>[];
  const columns = Object.entries(getTableColumns(table));
  return list.map((raw) =>
    Object.fromEntries(
      columns.map(([key, col]) => {
        const value = raw[col.name];
        return [key, value === null || value === undefined ? null : col.mapFromDriverValue(value)];
      }),
    ),
  ) as T['$inferSelect'][];
}
