import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Executor } from './client.ts';
import { rawRows } from './raw.ts';

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** This code's migrations in order, with their tags. */
export function knownMigrations() {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  const files = readMigrationFiles({ migrationsFolder });
  return files.map((m, i) => ({ ...m, tag: journal.entries[i]!.tag }));
}

/**
 * How many of this code's migrations the database has: Drizzle's migrator keeps each applied migration's
 * `created_at` (the journal's `when`) in `drizzle.__drizzle_migrations` and applies those after the latest.
 * `newer` means the database has a migration this code does not know.
 */
export async function migrationLevel(ex: Executor): Promise<{ level: number; newer: boolean }> {
  const [table] = await rawRows<{ t: string | null }>(
    ex,
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`,
  );
  if (!table?.t) return { level: 0, newer: false };
  const [last] = await rawRows<{ at: string }>(
    ex,
    sql`select created_at::text as at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  );
  if (!last) return { level: 0, newer: false };
  const at = Number(last.at);
  const known = knownMigrations();
  return { level: known.filter((m) => m.folderMillis <= at).length, newer: at > known.at(-1)!.folderMillis };
}

/**
 * Applies migrations `from`…`to - 1` inside the caller's transaction, keeping Drizzle's own record of them, so a
 * restore (decision 032) is all or nothing and the server's migrator later sees them as applied.
 */
export async function migrateBetween(ex: Executor, from: number, to: number) {
  await ex.execute(sql`create schema if not exists drizzle`);
  await ex.execute(
    sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
  );
  for (const m of knownMigrations().slice(from, to)) {
    for (const statement of m.sql) await ex.execute(sql.raw(statement));
    await ex.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${m.hash}, ${m.folderMillis})`,
    );
  }
}
