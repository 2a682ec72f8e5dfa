import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import { rawRows } from '../src/db/raw.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Runs `npm run <script> -- <args>` as the README gives it, with only the given variables (and PATH, HOME). */
export function npmRun(script: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; out: string }>((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', script, '--', ...args],
      { cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

/**
 * Every table of the `public` schema (read from information_schema, not from the code under test) with its rows
 * as PostgreSQL prints them, sorted; the identity sequences; and the applied migrations.
 */
export async function everything(db: Db) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local time zone 'UTC'`);
    const tables = (
      await rawRows<{ name: string }>(
        tx,
        sql`select table_name as name from information_schema.tables
            where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
      )
    ).map((r) => r.name);
    const rows: Record<string, string[]> = {};
    for (const name of tables) {
      const result = await rawRows<{ r: string }>(tx, sql.raw(`select (x.*)::text as r from "${name}" x order by 1`));
      rows[name] = result.map((r) => r.r);
    }
    const sequences = await rawRows(
      tx,
      sql`select sequencename as name, last_value::text as value from pg_sequences
          where schemaname = 'public' order by sequencename`,
    );
    const migrations = await rawRows(
      tx,
      sql`select hash, created_at::text as at from drizzle.__drizzle_migrations order by created_at`,
    );
    return { tables, rows, sequences, migrations };
  });
}

/** Runs `task` while goals go on being recorded one after another, and answers its result once the goals stop. */
export async function whileRecording<T>(goal: (minute: number) => Promise<{ status: number }>, task: () => Promise<T>) {
  let recording = true;
  const statuses = new Set<number>();
  const writes = (async () => {
    for (let i = 0; recording; i++) statuses.add((await goal(20 + (i % 70))).status);
  })();
  const result = await task();
  recording = false;
  await writes;
  return { result, statuses: [...statuses] };
}

/** A match's seq, change-log rows and events as a database holds them: each write adds one seq and one log row. */
export async function matchLedger(db: Db, matchId: string) {
  const one = async (query: string) => (await rawRows<{ n: number }>(db, sql.raw(query)))[0]!.n;
  return {
    seq: await one(`select seq as n from matches where id = ${matchId}`),
    log: await one(`select count(*)::int as n from change_log where topic = 'match:${matchId}'`),
    events: await one(`select count(*)::int as n from match_events where match_id = ${matchId}`),
  };
}
