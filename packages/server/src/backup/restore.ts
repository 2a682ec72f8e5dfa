import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { BackupEndLine, BackupHeader, BackupTableLine } from '@touchline/contract';
import { type Database, type Executor, MIGRATION_LOCK } from '../db/client.ts';
import { knownMigrations, migrateBetween } from '../db/migration-level.ts';
import { rawRows } from '../db/raw.ts';
import { ident, publicTables, type TableInfo } from './catalog.ts';
import { BackupError } from './errors.ts';

/** Rows per insert: one JSON array parameter each. */
const BATCH = 500;

const invalid = (message: string) => new BackupError('backup_invalid', message);

/** Reads the file's lines one by one, each parsed as JSON and checked with `schema`. */
function lineReader(lines: AsyncIterable<string>) {
  const it = lines[Symbol.asyncIterator]();
  let number = 0;
  const raw = async (what: string) => {
    const next = await it.next();
    if (next.done) throw invalid(`The file ends before ${what} (line ${number + 1}): it is cut short`);
    number++;
    return next.value;
  };
  const parse = (text: string) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw invalid(`Line ${number} is not JSON`);
    }
  };
  return {
    raw,
    parse,
    line: () => number,
    async read<T extends z.ZodType>(schema: T, what: string): Promise<z.infer<T>> {
      const parsed = schema.safeParse(parse(await raw(what)));
      if (!parsed.success) throw invalid(`Line ${number} is not ${what}: ${parsed.error.issues[0]!.message}`);
      return parsed.data;
    },
    async rest() {
      for (let next = await it.next(); !next.done; next = await it.next()) {
        if (next.value.trim()) throw invalid(`Line ${number + 1} follows the end of the backup`);
      }
    },
  };
}

async function hasRows(tx: Executor, tables: TableInfo[]) {
  for (const t of tables) {
    const [row] = await rawRows<{ any: boolean }>(tx, sql.raw(`select exists (select 1 from ${ident(t.name)}) as any`));
    if (row!.any) return true;
  }
  return false;
}

function sameTables(expected: BackupHeader['tables'], actual: TableInfo[]) {
  const shape = (ts: { name: string; columns: string[] }[]) =>
    JSON.stringify(ts.map((t) => [t.name, [...t.columns].sort()]).sort());
  return shape(expected) === shape(actual);
}

async function insertRows(tx: Executor, table: string, rows: string[]) {
  const name = sql.raw(ident(table));
  // The columns come back by name, each in its own type, exactly as row_to_json wrote them; ids keep their values.
  await tx.execute(
    sql`insert into ${name} overriding system value select * from json_populate_recordset(null::${name}, ${`[${rows.join(',')}]`}::json)`,
  );
}

async function loadTable(tx: Executor, reader: ReturnType<typeof lineReader>, table: string) {
  const { table: named, rows } = await reader.read(BackupTableLine, `the start of table ${table}`);
  if (named !== table)
    throw invalid(`Line ${reader.line()} starts table ${named}; the header says ${table} comes next`);
  let batch: string[] = [];
  for (let i = 0; i < rows; i++) {
    const text = await reader.raw(`row ${i + 1} of ${rows} of ${table}`);
    const row = reader.parse(text);
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw invalid(`Line ${reader.line()} is not a row of ${table}`);
    }
    batch.push(text);
    if (batch.length === BATCH) {
      await insertRows(tx, table, batch);
      batch = [];
    }
  }
  if (batch.length) await insertRows(tx, table, batch);
  return rows;
}

/**
 * Restores a backup (decision 032) in one transaction, so a refused or broken file changes nothing: the schema is
 * rebuilt at the backup's migration level, the rows and sequences loaded, then the later migrations applied, as
 * they would have been to the live database. A database with any row is refused unless `force`.
 */
export async function restoreBackup(
  database: Pick<Database, 'db' | 'kind'>,
  lines: AsyncIterable<string>,
  opts: { force: boolean },
) {
  const reader = lineReader(lines);
  const parsed = BackupHeader.safeParse(reader.parse(await reader.raw('its header')));
  if (!parsed.success) throw invalid('The file is not a Touchline backup (its first line is no backup header)');
  const header = parsed.data;
  const known = knownMigrations();
  if (header.schema.level > known.length) {
    throw new BackupError(
      'backup_schema_newer',
      `The backup's schema (${header.schema.migration}) is newer than this version of Touchline knows ` +
        `(${known.at(-1)!.tag}); restore it with the version that made it`,
    );
  }
  if (known[header.schema.level - 1]!.tag !== header.schema.migration) {
    throw invalid(
      `The backup's migration ${header.schema.migration} is not this version's migration ${header.schema.level}`,
    );
  }
  return database.db.transaction(async (tx) => {
    // A server starting meanwhile would migrate under the restore.
    if (database.kind === 'postgres') await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    const existing = await publicTables(tx);
    if (!opts.force && (await hasRows(tx, existing))) {
      throw new BackupError('database_not_empty', 'The database holds data; restore with --force to replace it');
    }
    for (const t of existing) await tx.execute(sql.raw(`drop table ${ident(t.name)} cascade`));
    await tx.execute(sql`drop table if exists drizzle.__drizzle_migrations`);
    await migrateBetween(tx, 0, header.schema.level);
    if (!sameTables(header.tables, await publicTables(tx))) {
      throw invalid(`The backup's tables differ from those of migration ${header.schema.migration}`);
    }
    let rows = 0;
    for (const t of header.tables) rows += await loadTable(tx, reader, t.name);
    const end = await reader.read(BackupEndLine, 'the end of the backup');
    if (end.rows !== rows) throw invalid(`The backup's end counts ${end.rows} rows; its tables hold ${rows}`);
    await reader.rest();
    for (const s of header.sequences.filter((q) => q.lastValue !== null)) {
      await tx.execute(
        sql`select setval(pg_get_serial_sequence(${`public.${ident(s.table)}`}, ${s.column}), ${s.lastValue}, true)`,
      );
    }
    await migrateBetween(tx, header.schema.level, known.length);
    return {
      tables: header.tables.length,
      rows,
      takenAt: header.takenAt,
      from: header.storage,
      schema: { backup: header.schema.migration, now: known.at(-1)!.tag },
    };
  });
}
