import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@touchline/contract';
import { createPgDatabase, TEST_ADMIN } from './helpers.ts';
import { PrivateRedis } from './private-redis.ts';
import { RawSocket } from './raw-socket.ts';
import { type Spawned, spawnServer } from './spawn.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const COMMAND = ['run', 'admin', '--', 'reset-password'];
const NEW_PASSWORD = 'a-new-password-for-chief';

interface Run {
  code: number | null;
  output: string;
}

/** `npm run admin -- reset-password <login>` as a child process, the password piped to its stdin. */
function piped(login: string, env: Record<string, string>, input: string): Promise<Run> {
  const proc = spawn('npm', [...COMMAND, login], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (output += d.toString()));
  proc.stdin.end(input);
  return new Promise((resolve) => proc.once('exit', (code) => resolve({ code, output })));
}

/**
 * The same command on a terminal (`script` gives it a pseudo-terminal that echoes whatever the program does not
 * hide), answering each prompt as a person types.
 */
async function onTerminal(login: string, env: Record<string, string>, answers: string[]): Promise<Run> {
  const command = ['npm', ...COMMAND, login].join(' ');
  const proc = spawn('script', ['-q', '-e', '-E', 'always', '-c', command, '/dev/null'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TERM: 'dumb', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const prompts = [`New password for ${login}: `, 'Repeat it: '];
  for (const [i, answer] of answers.entries()) {
    const deadline = Date.now() + 60_000;
    while (!output.includes(prompts[i]!)) {
      if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`no prompt:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    proc.stdin.write(`${answer}\r`);
  }
  const code = await exited;
  proc.stdin.end();
  return { code, output };
}

/** Leaves the socket file of a process killed while it held the folder. */
async function staleSocket(file: string): Promise<void> {
  const proc = spawn(process.execPath, [
    '-e',
    `require('net').createServer().listen(${JSON.stringify(file)}, () => console.log('up'))`,
  ]);
  await new Promise((resolve) => proc.stdout.once('data', resolve));
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGKILL');
  await exited;
}

async function signIn(base: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: TEST_ADMIN.login, password }),
  });
  return { status: res.status, token: res.ok ? ((await res.json()) as { token: string }).token : undefined };
}

const get = (base: string, url: string, token: string) =>
  fetch(`${base}${url}`, { headers: { authorization: `Bearer ${token}` } });

/** The newest password reset in the audit log (sign-ins are audited too, decision 029). */
async function lastReset(base: string, token: string): Promise<AuditEntry | undefined> {
  const page = (await (await get(base, '/api/admin/audit?limit=20', token)).json()) as { entries: AuditEntry[] };
  return page.entries.find((e) => e.action === 'reset_password');
}

/** The audit row of a reset from the command line: the command is the actor, the account is the subject. */
const commandReset = {
  actor: null,
  actorCommand: 'admin reset-password',
  action: 'reset_password',
  entity: 'user',
};

describe('npm run admin -- reset-password on PostgreSQL, beside a running server with Redis', () => {
  let redis: PrivateRedis;
  let db: Awaited<ReturnType<typeof createPgDatabase>>;
  let server: Spawned;
  let env: Record<string, string>;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    db = await createPgDatabase();
    env = { DATABASE_URL: db.url, REDIS_URL: redis.url };
    server = await spawnServer({
      ...env,
      TOUCHLINE_JWT_KEYS: `k1:${randomBytes(32).toString('hex')}`,
      TOUCHLINE_ADMIN_LOGIN: TEST_ADMIN.login,
      TOUCHLINE_ADMIN_PASSWORD: TEST_ADMIN.password,
      TOUCHLINE_DEMO: '0',
    });
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await redis?.stop();
    await db?.drop();
  });

  it('refuses a short password, an unknown login and two different answers, changing nothing', async () => {
    const short = await piped(TEST_ADMIN.login, env, 'short\n');
    expect(short.code).toBe(1);
    expect(short.output).toContain('weak_password');
    const unknown = await piped('nobody', env, `${NEW_PASSWORD}\n`);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain('not_found');
    const usage = await piped('', env, '');
    expect(usage.code).toBe(2);
    expect(usage.output).toContain('bad_request');
    const differ = await onTerminal(TEST_ADMIN.login, env, [NEW_PASSWORD, `${NEW_PASSWORD}!`]);
    expect(differ.code).toBe(1);
    expect(differ.output).toContain('passwords_differ');
    expect((await signIn(server.url, TEST_ADMIN.password)).status).toBe(200);
  });

  it('sets the new password, ends the sessions, and the audit names the command, live on every instance', async () => {
    const { token } = await signIn(server.url, TEST_ADMIN.password);
    const deputy = { login: 'deputy', displayName: 'Deputy', role: 'admin', password: 'deputy-password-1' };
    const created = await fetch(`${server.url}/api/admin/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(deputy),
    });
    expect(created.status).toBe(201);
    const deputyToken = (await (
      await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(deputy),
      })
    ).json()) as { token: string };
    const chiefSocket = await RawSocket.welcomed(server.url, token);
    const feed = await RawSocket.welcomed(server.url, deputyToken.token);
    feed.send({ type: 'subscribe', topic: 'admin' });
    await feed.next('subscribed');
    await feed.next('snapshot');

    const run = await piped(TEST_ADMIN.login, env, `${NEW_PASSWORD}\n`);
    expect(run.code).toBe(0);
    expect(run.output).not.toContain(NEW_PASSWORD);

    expect((await signIn(server.url, TEST_ADMIN.password)).status).toBe(401);
    expect((await signIn(server.url, NEW_PASSWORD)).status).toBe(200);
    expect((await get(server.url, '/api/admin/users', token!)).status).toBe(401);
    expect((await chiefSocket.closed).code).toBe(4001);
    const patch = await feed.next('patch');
    expect(patch.changes[0]!.data).toMatchObject(commandReset);
    expect(await lastReset(server.url, deputyToken.token)).toMatchObject({ ...commandReset, id: String(patch.seq) });
    feed.close();
  });
});

describe('npm run admin -- reset-password on the embedded database', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'touchline-admin-'));
  const env = { TOUCHLINE_DATA_DIR: dataDir };
  const start = () =>
    spawnServer({
      ...env,
      TOUCHLINE_ADMIN_LOGIN: TEST_ADMIN.login,
      TOUCHLINE_ADMIN_PASSWORD: TEST_ADMIN.password,
      TOUCHLINE_DEMO: '0',
    });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // Three server starts and two runs of the command, each opening the embedded database: slow on a busy machine.
  it('waits for the server to stop, asks twice without echo, and the new password alone signs in', async () => {
    let server = await start();
    const { token } = await signIn(server.url, TEST_ADMIN.password);
    // Two processes on one PGlite folder would corrupt it: refused while the server holds it.
    const busy = await piped(TEST_ADMIN.login, env, `${NEW_PASSWORD}\n`);
    expect(busy.code).toBe(1);
    expect(busy.output).toContain('database_in_use');
    await expect(start()).rejects.toThrow(/in use by another Touchline process/);
    expect(await server.stop('SIGTERM')).toBe(0);
    // A folder left held by a process that died is taken over.
    await staleSocket(path.join(dataDir, 'touchline.sock'));

    const typed = await onTerminal(TEST_ADMIN.login, env, [NEW_PASSWORD, NEW_PASSWORD]);
    expect(typed.code).toBe(0);
    expect(typed.output).not.toContain(NEW_PASSWORD);

    server = await start();
    expect((await signIn(server.url, TEST_ADMIN.password)).status).toBe(401);
    const fresh = await signIn(server.url, NEW_PASSWORD);
    expect(fresh.status).toBe(200);
    expect((await get(server.url, '/api/admin/users', token!)).status).toBe(401);
    expect(await lastReset(server.url, fresh.token!)).toMatchObject(commandReset);
    expect(await server.stop('SIGTERM')).toBe(0);
  }, 180_000);
});
