import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { createPgDatabase, type DbKind, dbKinds } from './helpers.ts';

const migrations = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src/db/migrations');

/** A copy of the migrations folder that stops before `tag`: the schema as a database made before it has it. */
function migrationsBefore(tag: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tl-migrations-'));
  cpSync(migrations, dir, { recursive: true });
  const journalPath = path.join(dir, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(
    0,
    journal.entries.findIndex((e) => e.tag === tag),
  );
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

interface Runner {
  migrate(folder: string): Promise<void>;
  query(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

async function runner(kind: DbKind): Promise<Runner> {
  if (kind === 'pglite') {
    const client = new PGlite();
    return {
      migrate: (folder) => migratePglite(drizzlePglite(client), { migrationsFolder: folder }),
      // exec runs several statements; query prepares one.
      query: async (sql) => (await client.exec(sql)).at(-1)?.rows ?? [],
      close: () => client.close(),
    };
  }
  const { url, drop } = await createPgDatabase();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    migrate: (folder) => migratePg(drizzlePg(client), { migrationsFolder: folder }),
    query: async (sql) => (await client.query(sql)).rows as Record<string, unknown>[],
    close: async () => {
      await client.end();
      await drop();
    },
  };
}

describe.each(dbKinds)('migration 0003 (rounds as stage and number) on %s', (kind) => {
  const before = migrationsBefore('0003_round_numbers');
  afterAll(() => rmSync(before, { recursive: true, force: true }));

  it('numbers the rounds and drops the labels the generator wrote, keeping names given by hand', async () => {
    const db = await runner(kind);
    try {
      await db.migrate(before);
      await db.query(`
        insert into competitions (id, name, type) overriding system value values (1, 'League', 'league');
        insert into seasons (id, competition_id, name, format) overriding system value values (1, 1, '2025', 'round_robin_playoff');
        insert into rounds (id, season_id, label, ordinal, stage) overriding system value values
          (1, 1, 'Тур 1', 1, 'league'), (2, 1, 'Round 2', 2, 'league'), (3, 1, 'Derby day', 3, 'league'),
          (4, 1, 'Matchday 4', 4, 'group'), (5, 1, 'Тур 5', 5, 'group'), (6, 1, 'Round 6', 6, 'group'),
          (7, 1, '1/4 финала', 7, 'playoff'), (8, 1, 'Semi-finals', 8, 'playoff'), (9, 1, 'Финал', 9, 'playoff'),
          (10, 1, 'Суперфинал', 10, 'playoff'), (11, 1, 'Round of 16', 11, 'playoff'), (12, 1, 'Final', 12, 'playoff');
        insert into ties (season_id, round_id, kind) select 1, r.id, 'single'
          from rounds r, generate_series(1, 8) n
          where (r.id = 7 and n <= 4) or (r.id = 8 and n <= 2) or (r.id in (9, 10) and n = 1) or (r.id = 11 and n <= 8);
      `);
      await db.migrate(migrations);
      const rows = await db.query('select id, label, number from rounds order by id');
      expect(rows.map((r) => [r.id, r.number, r.label])).toEqual([
        [1, 1, null],
        [2, 2, null],
        [3, 3, 'Derby day'],
        [4, 4, null],
        [5, 5, null],
        [6, 6, 'Round 6'], // a group round is "Matchday", so this one was named by hand
        [7, 8, null],
        [8, 4, null],
        [9, 2, null],
        [10, 2, 'Суперфинал'],
        [11, 16, null],
        [12, 2, null], // no ties yet: numbered as a final, so its generated name goes
      ]);
      const [column] = await db.query(
        "select is_nullable from information_schema.columns where table_name = 'rounds' and column_name = 'number'",
      );
      expect(column).toEqual({ is_nullable: 'NO' });
    } finally {
      await db.close();
    }
  });
});
