import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres } from '../src/db/client.ts';
import { everything, matchLedger, npmRun, whileRecording } from './backup-cli.ts';
import { createPgDatabase } from './helpers.ts';
import { type Spawned, spawnServer } from './spawn.ts';

const PASSWORD = 'a-long-backup-test-password';

// Every test runs the commands as separate processes, which a loaded machine starts slowly.
describe('npm run backup and restore of the embedded database, while the server runs', { timeout: 240_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tl-backup-'));
  const held = path.join(dir, 'held');
  const drops: (() => Promise<void>)[] = [];
  let server: Spawned;
  let token: string;
  let liveId: string;
  let demoEvents: number;
  const api = async (method: string, url: string, body?: object) => {
    const res = await fetch(`${server.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const goal = (minute: number) =>
    api('POST', `/api/matches/${liveId}/events`, { type: 'goal', side: 'away', minute, clientEventId: randomUUID() });
  const dataDir = (name: string) => ({ TOUCHLINE_DATA_DIR: path.join(dir, name) });

  beforeAll(async () => {
    server = await spawnServer({
      ...dataDir('held'),
      TOUCHLINE_ADMIN_LOGIN: 'chief',
      TOUCHLINE_ADMIN_PASSWORD: PASSWORD,
    });
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'chief', password: PASSWORD }),
    });
    token = ((await login.json()) as { token: string }).token;
    const live = (await (await fetch(`${server.url}/api/matches?status=live`)).json()) as { matches: { id: string }[] };
    liveId = live.matches[0]!.id;
    demoEvents = ((await (await fetch(`${server.url}/api/matches/${liveId}`)).json()) as { events: [] }).events.length;
    expect((await goal(5)).status).toBe(201);
    const stats = { side: 'home', metric: 'shots', delta: 2, clientEventId: randomUUID() };
    expect((await api('POST', `/api/matches/${liveId}/stats`, stats)).status).toBe(200);
  });
  afterAll(async () => {
    await server?.stop();
    for (const drop of drops) await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes one consistent snapshot through the running server while goals are being recorded', async () => {
    const file = path.join(dir, 'during.ndjson');
    const { result: backup, statuses } = await whileRecording(goal, () => npmRun('backup', [file], dataDir('held')));
    expect(statuses).toEqual([201]);
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toContain("the running server's embedded database");
    expect(await npmRun('restore', [file], dataDir('during'))).toMatchObject({ code: 0 });
    const restored = await openPglite(path.join(dir, 'during'), { migrate: false });
    const { seq, log, events } = await matchLedger(restored.db, liveId);
    await restored.close();
    // Every write but the shots was a goal.
    expect(seq).toBeGreaterThan(2);
    expect(log).toBe(seq);
    expect(events - demoEvents).toBe(seq - 1);
  });

  it('lets no restore and no second server into the folder a running server holds', async () => {
    const file = path.join(dir, 'any.ndjson');
    expect(await npmRun('backup', [file], dataDir('held'))).toMatchObject({ code: 0 });
    const refused = await npmRun('restore', [file, '--force'], dataDir('held'));
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('(database_in_use)');
    // Nor does a second server open it.
    await expect(spawnServer(dataDir('held'))).rejects.toThrow(/in use by another Touchline process/);
    expect(server.proc.exitCode).toBeNull();
  });

  it('restores exactly the same data, table by table, into the embedded database and into PostgreSQL', async () => {
    const file = path.join(dir, 'league.ndjson');
    expect(await npmRun('backup', [file], dataDir('held'))).toMatchObject({ code: 0 });
    expect(await npmRun('restore', [file], dataDir('copy'))).toMatchObject({ code: 0 });
    const pg = await createPgDatabase();
    drops.push(pg.drop);
    const intoPostgres = await npmRun('restore', [file], { DATABASE_URL: pg.url });
    expect(intoPostgres.code, intoPostgres.out).toBe(0);
    expect(intoPostgres.out).toContain('from a pglite backup');
    expect(await server.stop()).toBe(0);

    // With no server, the command opens the folder itself; the rows are those the server gave.
    const direct = path.join(dir, 'direct.ndjson');
    const offline = await npmRun('backup', [direct], dataDir('held'));
    expect(offline.out).toContain('Backed up the embedded database');
    const body = (f: string) => readFileSync(f, 'utf8').split('\n').slice(1);
    expect(body(direct)).toEqual(body(file));

    const source = await openPglite(held);
    const expected = await everything(source.db);
    await source.close();
    expect(expected.tables).toEqual(expect.arrayContaining(['change_log', 'audit_log', 'client_writes', 'users']));
    for (const table of ['change_log', 'audit_log', 'client_writes'])
      expect(expected.rows[table]!.length).toBeGreaterThan(0);
    const copy = await openPglite(path.join(dir, 'copy'));
    expect(await everything(copy.db)).toEqual(expected);
    await copy.close();
    const postgres = await openPostgres(pg.url);
    expect(await everything(postgres.db)).toEqual(expected);
    await postgres.close();
  });
});
