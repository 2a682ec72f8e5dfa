import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../src/db/client.ts';
import { rawRows } from '../src/db/raw.ts';
import { type Api, matches, signInAdmin, snapshot } from './api.ts';
import { everything, npmRun } from './backup-cli.ts';
import { createPgDatabase, startTestServer, type TestServer } from './helpers.ts';

describe('npm run backup and restore on PostgreSQL, while the server runs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tl-backup-pg-'));
  const drops: (() => Promise<void>)[] = [];
  let server: TestServer;
  let admin: Api;
  let liveId: string;
  let demoEvents: number;
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
    let recording = true;
    const writes = (async () => {
      for (let i = 0; recording; i++) expect((await goal(20 + (i % 70))).status).toBe(201);
    })();
    const backup = await npmRun('backup', [file], { DATABASE_URL: server.databaseUrl! });
    recording = false;
    await writes;
    await server.database.db.execute(sql`delete from change_log where topic = 'padding'`);
    expect(backup).toMatchObject({ code: 0 });
    const target = await freshDatabase();
    expect(await npmRun('restore', [file], { DATABASE_URL: target })).toMatchObject({ code: 0 });
    const restored = await openPostgres(target, { migrate: false });
    const one = async (query: string) => (await rawRows<{ [k: string]: number }>(restored.db, sql.raw(query)))[0]!;
    const { seq } = await one(`select seq from matches where id = ${liveId}`);
    const { n: log } = await one(`select count(*)::int as n from change_log where topic = 'match:${liveId}'`);
    const { n: events } = await one(`select count(*)::int as n from match_events where match_id = ${liveId}`);
    await restored.close();
    // Each write is one seq and one change-log row, committed together; every write but the corner was a goal.
    expect(seq).toBeGreaterThan(2);
    expect(log).toBe(seq);
    expect(events! - demoEvents).toBe(seq! - 1);
  });

  it('restores exactly the same data, table by table, gzipped, into a database that then serves it', async () => {
    const file = path.join(dir, 'league.ndjson.gz');
    expect(await npmRun('backup', [file], { DATABASE_URL: server.databaseUrl! })).toMatchObject({ code: 0 });
    expect(gunzipSync(readFileSync(file)).toString().split('\n')[0]).toContain('"format":"touchline-backup"');
    const target = await freshDatabase();
    const restore = await npmRun('restore', [file], { DATABASE_URL: target });
    expect(restore.code, restore.out).toBe(0);
    expect(restore.out).toMatch(/^Restored \d+ rows in \d+ tables into PostgreSQL/);

    const source = await everything(server.database.db);
    expect(source.tables).toEqual(expect.arrayContaining(['change_log', 'audit_log', 'client_writes', 'users']));
    for (const table of ['change_log', 'audit_log', 'client_writes', 'match_events']) {
      expect(source.rows[table]!.length).toBeGreaterThan(0);
    }
    // The server's own start migrates nothing more, and reads the same.
    const reopened = await openPostgres(target);
    expect(await everything(reopened.db)).toEqual(source);
    const { buildApp } = await import('../src/app.ts');
    const { testConfig } = await import('./helpers.ts');
    const app = await buildApp(testConfig(), { database: reopened });
    expect(await snapshot(app, liveId)).toEqual(await snapshot(server.app, liveId));
    await app.close();
    await reopened.close();
  });

  it('refuses a database that holds data, and replaces it with --force', async () => {
    const file = path.join(dir, 'again.ndjson');
    expect(await npmRun('backup', [file], { DATABASE_URL: server.databaseUrl! })).toMatchObject({ code: 0 });
    const target = await freshDatabase();
    const other = await startTestServer('postgres');
    const before = await everything(other.database.db);
    const refused = await npmRun('restore', [file], { DATABASE_URL: other.databaseUrl! });
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('(database_not_empty)');
    expect(await everything(other.database.db)).toEqual(before);
    await other.close();

    expect(await npmRun('restore', [file], { DATABASE_URL: target })).toMatchObject({ code: 0 });
    expect((await goal(91)).status).toBe(201);
    const newer = path.join(dir, 'newer.ndjson');
    expect(await npmRun('backup', [newer], { DATABASE_URL: server.databaseUrl! })).toMatchObject({ code: 0 });
    const forced = await npmRun('restore', [newer, '--force'], { DATABASE_URL: target });
    expect(forced.code, forced.out).toBe(0);
    const restored = await openPostgres(target, { migrate: false });
    expect(await everything(restored.db)).toEqual(await everything(server.database.db));
    await restored.close();
  });

  it('refuses a backup from a newer schema, and a cut-short one even with --force, changing nothing', async () => {
    const file = path.join(dir, 'whole.ndjson');
    expect(await npmRun('backup', [file], { DATABASE_URL: server.databaseUrl! })).toMatchObject({ code: 0 });
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const target = await freshDatabase();
    expect(await npmRun('restore', [file], { DATABASE_URL: target })).toMatchObject({ code: 0 });
    const database = await openPostgres(target, { migrate: false });
    const before = await everything(database.db);

    const header = JSON.parse(lines[0]!);
    header.schema = { level: header.schema.level + 1, migration: '9999_from_the_future' };
    const future = path.join(dir, 'future.ndjson');
    writeFileSync(future, [JSON.stringify(header), ...lines.slice(1)].join('\n'));
    const newer = await npmRun('restore', [future, '--force'], { DATABASE_URL: target });
    expect(newer.code).toBe(1);
    expect(newer.out).toContain('(backup_schema_newer)');

    const cut = path.join(dir, 'cut.ndjson');
    writeFileSync(cut, lines.slice(0, -20).join('\n'));
    const truncated = await npmRun('restore', [cut, '--force'], { DATABASE_URL: target });
    expect(truncated.code).toBe(1);
    expect(truncated.out).toContain('(backup_invalid)');

    const garbage = path.join(dir, 'garbage.ndjson');
    writeFileSync(garbage, 'club,name\n1,"=cmd"\n');
    expect((await npmRun('restore', [garbage, '--force'], { DATABASE_URL: target })).out).toContain('(backup_invalid)');
    expect(await everything(database.db)).toEqual(before);
    await database.close();
  });
});
