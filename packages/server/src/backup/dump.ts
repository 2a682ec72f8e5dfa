import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader } from '@touchline/contract';
import type { Database, Executor } from '../db/client.ts';
import { knownMigrations, migrationLevel } from '../db/migration-level.ts';
import { rawRows } from '../db/raw.ts';
import { ident, publicTables, sequenceValues } from './catalog.ts';
import { BackupError } from './errors.ts';

const BATCH = 1000;

async function writeLine(out: Writable, line: string) {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}

/** Streams one table's rows through a cursor, so a long change log never sits in memory whole. */
async function writeRows(tx: Executor, out: Writable, table: { name: string; primaryKey: string[] }) {
  const order = table.primaryKey.length ? ` order by ${table.primaryKey.map((c) => `r.${ident(c)}`).join(', ')}` : '';
  await tx.execute(
    sql.raw(
      `declare backup_rows no scroll cursor for select row_to_json(r.*)::text as j from ${ident(table.name)} r${order}`,
    ),
  );
  for (;;) {
    const rows = await rawRows<{ j: string }>(tx, sql.raw(`fetch forward ${BATCH} from backup_rows`));
    for (const row of rows) await writeLine(out, row.j);
    if (rows.length < BATCH) break;
  }
  await tx.execute(sql.raw('close backup_rows'));
}

/**
 * Writes a backup of every table (docs/decisions/032) from one repeatable-read, read-only transaction: one snapshot,
 * however long the writing takes and whatever the server commits meanwhile. Does not end `out`.
 */
export async function writeBackup(database: Pick<Database, 'db' | 'kind'>, out: Writable) {
  return database.db.transaction(
    async (tx) => {
      // Times as UTC offsets, whatever the session's zone. The snapshot is fixed by the first query after it, so the
      // sequences, read later, have counted at least as far as any id in it.
      await tx.execute(sql`set local time zone 'UTC'`);
      const { level, newer } = await migrationLevel(tx);
      if (newer || level === 0) {
        throw new BackupError(
          'backup_schema_unknown',
          newer ? 'The database has migrations this version of Touchline does not know' : 'The database is empty',
        );
      }
      const tables = await publicTables(tx);
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        takenAt: new Date().toISOString(),
        storage: database.kind,
        schema: { level, migration: knownMigrations()[level - 1]!.tag },
        tables: tables.map((t) => ({ name: t.name, columns: t.columns })),
        sequences: await sequenceValues(tx),
      };
      await writeLine(out, JSON.stringify(header));
      let total = 0;
      for (const table of tables) {
        const [count] = await rawRows<{ n: number }>(
          tx,
          sql.raw(`select count(*)::int as n from ${ident(table.name)}`),
        );
        const rows = count!.n;
        await writeLine(out, JSON.stringify({ table: table.name, rows }));
        await writeRows(tx, out, table);
        total += rows;
      }
      await writeLine(out, JSON.stringify({ end: true, rows: total }));
      return { tables: tables.length, rows: total };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
