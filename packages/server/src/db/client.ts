import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { type DataDirHold, holdDataDir } from './data-dir.ts';
import { migrationsFolder } from './migration-level.ts';
import * as schema from './schema.ts';
import { countClientQueries, countPgliteQueries } from './statements.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * Takes a session advisory lock on a connection of its own, or answers undefined when another session holds it:
   * one instance among several does a singleton's work (docs/decisions/036). `lost` settles when the connection
   * (and so the lock) is gone. The embedded database has one process, which always gets it.
   */
  tryLock(key: number): Promise<HeldLock | undefined>;
  /** The embedded database's folder socket: the app answers backups of the running database there (decision 032). */
  serveBackups?: DataDirHold['serveBackups'];
}

export interface HeldLock {
  lost: Promise<void>;
  release(): Promise<void>;
}

/** Serialises migrations (and restores) when several instances start against one PostgreSQL server. */
export const MIGRATION_LOCK = 727_001;

/** `migrate: false` opens the database as it is, for a backup or a restore, which bring their own schema. */
export interface OpenOptions {
  migrate?: boolean;
}

async function migratePostgres(url: string) {
  const lockClient = new pg.Client({ connectionString: url });
  await lockClient.connect();
  try {
    await lockClient.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzlePg(lockClient), { migrationsFolder });
  } finally {
    await lockClient.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lockClient.end();
  }
}

/**
 * The embedded database. With a data folder this process holds the folder, so no other process opens it, and
 * answers backups of it on the folder's socket (decision 032).
 */
export async function openPglite(dataDir: string | undefined, opts: OpenOptions = {}): Promise<Database> {
  const hold = dataDir ? await holdDataDir(dataDir) : undefined;
  try {
    const client = dataDir ? new PGlite(path.join(dataDir, 'pglite')) : new PGlite();
    countPgliteQueries(client);
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    if (opts.migrate ?? true) await migratePglite(drizzlePglite(client), { migrationsFolder });
    const database: Database = {
      db,
      kind: 'pglite',
      ping: async () => void (await client.query('select 1')),
      tryLock: async () => ({ lost: new Promise<void>(() => undefined), release: async () => undefined }),
      // The folder is let go only once the database is closed.
      close: async () => {
        await client.close();
        await hold?.close();
      },
    };
    if (hold) database.serveBackups = hold.serveBackups;
    return database;
  } catch (err) {
    await hold?.close();
    throw err;
  }
}

export async function openPostgres(url: string, opts: OpenOptions & { poolSize?: number } = {}): Promise<Database> {
  if (opts.migrate ?? true) await migratePostgres(url);
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10, keepAlive: true });
  // A lost connection must not crash the process: the pool drops idle clients itself, but removes its listener
  // from a checked-out one, whose 'error' event would then go unhandled. The query on it fails with the same
  // error (answered 503) and the pool discards the client when it is released.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    countClientQueries(client);
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    ping: async () => void (await pool.query('select 1')),
    tryLock: async (key) => {
      const client = await pool.connect();
      const { rows } = await client.query<{ held: boolean }>('select pg_try_advisory_lock($1) as held', [key]);
      if (!rows[0]!.held) {
        client.release();
        return undefined;
      }
      const lost = new Promise<void>((resolve) => client.once('error', () => resolve()));
      return {
        lost,
        release: async () => {
          await client.query('select pg_advisory_unlock($1)', [key]).catch(() => undefined);
          client.release();
        },
      };
    },
    close: () => pool.end(),
  };
}

export function openDatabase(opts: {
  databaseUrl: string | undefined;
  dataDir: string | undefined;
}): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}
