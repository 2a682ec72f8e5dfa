import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../src/db/client.ts';
import { type Api, matches, signInAdmin, snapshot } from './api.ts';
import { everything, matchLedger, npmRun, whileRecording } from './backup-cli.ts';
import { createPgDatabase, startTestServer, type TestServer } from './helpers.ts';

// Every test runs the commands as separate processes, which a loaded machine starts slowly.
describe('npm run backup and restore on PostgreSQL, while the server runs', { timeout: 240_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tl-backup-pg-'));
  const drops: (() => Promise<void>)[] = [];
  let server: TestServer;
  let admin: Api;
  let liveId: string;
  let demoEvents: number;
  /** The second test's backup and the database it restored, which the later tests refuse to overwrite or replace. */
  const backupFile = path.join(dir, 'league.ndjson.gz');
  let restoredUrl: string;
  const freshDatabase = async () => {
    const created = await createPgDatabase();
    drops.push(created.drop);
    return created.url;
  };
  const goal = (minute: number) =>
    admin.req('POST', `/api/matches/${liveId}/events`, {
      type: 'goal',
      side: 'home',
      minute,
      clientEventId: randomUUID(),
    });

  beforeAll(async () => {
    server = await startTestServer('postgres', { demo: true });
    admin = await signInAdmin(server.app);
    liveId = (await matches(server.app, '?status=live'))[0]!.id;
    demoEvents = (await snapshot(server.app, liveId)).events.length;
    // Rows in the change log, the audit log and the client write ids.
    expect((await goal(12)).status).toBe(201);
    const stats = { side: 'away', metric: 'corners', delta: 1, clientEventId: randomUUID() };
    expect((await admin.req('POST', `/api/matches/${liveId}/stats`, stats)).status).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
    for (const drop of drops) await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes one consistent snapshot while goals are being recorded', async () => {
    const file = path.join(dir, 'during.ndjson');
    // A long change log read first makes the backup slow enough for goals to land while it reads other tables.
    const pad = sql`insert into change_log (topic, seq, epoch, changes)
      select 'padding', g, 'padding', '[]'::jsonb from generate_series(1, 50000) g`;
    await server.database.db.execute(pad);
    const { result: backup, statuses } = await whileRecording(goal, () =>
      npmRun('backup', [file], { DATABASE_URL: server.databaseUrl! }),
    );
    await server.database.db.execute(sql`delete from change_log where topic = 'padding'`);
    expect(statuses).toEqual([201]);
    expect(backup).toMatchObject({ code: 0 });
    const target = await freshDatabase();
    expect(await npmRun('restore', [file], { DATABASE_URL: target })).toMatchObject({ code: 0 });
    const restored = await openPostgres(target, { migrate: false });
    const { seq, log, events } = await matchLedger(restored.db, liveId);
    await restored.close();
    // Every write but the corner was a goal.
    expect(seq).toBeGreaterThan(2);
    expect(log).toBe(seq);
    expect(events - demoEvents).toBe(seq - 1);
  });

  it('restores exactly the same data, table by table, gzipped, into a database that then serves it', async () => {
    expect(await npmRun('backup', [backupFile], { DATABASE_URL: server.databaseUrl! })).toMatchObject({ code: 0 });
    expect(gunzipSync(readFileSync(backupFile)).toString().split('\n')[0]).toContain('"format":"touchline-backup"');
    restoredUrl = await freshDatabase();
    const restore = await npmRun('restore', [backupFile], { DATABASE_URL: restoredUrl });
    expect(restore.code, restore.out).toBe(0);
    expect(restore.out).toMatch(/^Restored \d+ rows in \d+ tables into PostgreSQL/);

    const source = await everything(server.database.db);
    expect(source.tables).toEqual(expect.arrayContaining(['change_log', 'audit_log', 'client_writes', 'users']));
    for (const table of ['change_log', 'audit_log', 'client_writes', 'match_events']) {
      expect(source.rows[table]!.length).toBeGreaterThan(0);
    }
    // The server's own start migrates nothing more, and reads the same.
    const reopened = await openPostgres(restoredUrl);
    expect(await everything(reopened.db)).toEqual(source);
    const { buildApp } = await import('../src/app.ts');
    const { testConfig } = await import('./helpers.ts');
    const app = await buildApp(testConfig(), { database: reopened });
    expect(await snapshot(app, liveId)).toEqual(await snapshot(server.app, liveId));
    await app.close();
    await reopened.close();
  });

  it('refuses a database that holds data, a newer schema and a cut-short file, even with --force, changing nothing', async () => {
    const lines = gunzipSync(readFileSync(backupFile)).toString().trimEnd().split('\n');
    const database = await openPostgres(restoredUrl, { migrate: false });
    const before = await everything(database.db);
    const restore = async (name: string, content: string[], ...flags: string[]) => {
      writeFileSync(path.join(dir, name), content.join('\n'));
      return npmRun('restore', [path.join(dir, name), ...flags], { DATABASE_URL: restoredUrl });
    };

    const notEmpty = await restore('whole.ndjson', lines);
    expect(notEmpty.code).toBe(1);
    expect(notEmpty.out).toContain('(database_not_empty)');
    const header = JSON.parse(lines[0]!);
    header.schema = { level: header.schema.level + 1, migration: '9999_from_the_future' };
    const newer = await restore('future.ndjson', [JSON.stringify(header), ...lines.slice(1)], '--force');
    expect(newer.code).toBe(1);
    expect(newer.out).toContain('(backup_schema_newer)');
    const truncated = await restore('cut.ndjson', lines.slice(0, -20), '--force');
    expect(truncated.code).toBe(1);
    expect(truncated.out).toContain('(backup_invalid)');
    expect((await restore('garbage.ndjson', ['club,name', '1,"=cmd"'], '--force')).out).toContain('(backup_invalid)');
    expect(await everything(database.db)).toEqual(before);
    await database.close();
  });

  it('replaces a database that holds data with --force', async () => {
    expect((await goal(91)).status).toBe(201);
    const newer = path.join(dir, 'newer.ndjson');
    expect(await npmRun('backup', [newer], { DATABASE_URL: server.databaseUrl! })).toMatchObject({ code: 0 });
    const forced = await npmRun('restore', [newer, '--force'], { DATABASE_URL: restoredUrl });
    expect(forced.code, forced.out).toBe(0);
    const restored = await openPostgres(restoredUrl, { migrate: false });
    expect(await everything(restored.db)).toEqual(await everything(server.database.db));
    await restored.close();
  });
});
