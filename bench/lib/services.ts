import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Redis } from 'ioredis';
import { createPgDatabase } from '../../packages/server/test/helpers.ts';
import { within } from './stats.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PG_ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const ADMIN = { login: 'bench-admin', password: 'bench-admin-password-long' };

/** A fresh, empty PostgreSQL database and a function that drops it (the tests' own helper). */
export const freshDatabase = () => createPgDatabase(PG_ADMIN_URL, 'tl_bench');

/** A fan account, as a Telegram sign-in would create it; returns its id (a realtime token must name a live account). */
export async function createFan(databaseUrl: string): Promise<string> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const login = `bench-fan-${randomBytes(4).toString('hex')}`;
    const r = await c.query<{ id: number }>(
      `insert into users (login, display_name, role, telegram_id) values ($1, 'Bench fan', 'fan', $1) returning id`,
      [login],
    );
    return String(r.rows[0]!.id);
  } finally {
    await c.end();
  }
}

/** Fails early, with a clear message, when PostgreSQL or Redis is not there. */
export async function checkServices(): Promise<void> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
  } catch (err) {
    throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL} (set BENCH_DATABASE_URL): ${String(err)}`);
  } finally {
    await c.end().catch(() => undefined);
  }
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await within(r.connect(), 3000, 'redis connect');
    await r.ping();
  } catch (err) {
    throw new Error(`Redis is not reachable at ${REDIS_URL} (set BENCH_REDIS_URL): ${String(err)}`);
  } finally {
    r.disconnect();
  }
}

export interface Proc {
  proc: ChildProcess;
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts a Node program under `bash -c 'ulimit -n <hard>; exec node …'`, so it may hold tens of thousands of
 * sockets and `pid` is the Node process itself. Resolves when a stdout line matches `ready`.
 */
export async function startNode(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  nodeFlags: string[] = [],
  timeoutMs = 90_000,
): Promise<Proc & { match: RegExpExecArray }> {
  const quoted = [process.execPath, ...nodeFlags, '--import', 'tsx', ...args]
    .map((a) => `'${a.replace(/'/g, `'\\''`)}'`)
    .join(' ');
  const proc = spawn('bash', ['-c', `ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec ${quoted}`], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d: Buffer) => {
    out += d.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${args[0]} did not start in ${timeoutMs} ms:\n${out}`)),
      timeoutMs,
    );
    const check = () => {
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    proc.stdout!.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${args[0]} exited with ${proc.exitCode}:\n${out}`));
    });
  });
  return {
    proc,
    pid: proc.pid!,
    match,
    output: () => out,
    stop: async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const hard = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(hard);
    },
  };
}

export interface TouchlineServer extends Proc {
  url: string;
  jwtKeys: string;
}

/** Touchline as `npm start` runs it: main.ts, PostgreSQL, Redis, the demo league, the bench's admin and keyring. */
export async function startTouchline(opts: {
  databaseUrl: string;
  jwtKeys: string;
  demo?: boolean;
  env?: Record<string, string>;
}) {
  const p = await startNode(
    ['packages/server/src/main.ts'],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      DATABASE_URL: opts.databaseUrl,
      REDIS_URL,
      TOUCHLINE_JWT_KEYS: opts.jwtKeys,
      TOUCHLINE_ADMIN_LOGIN: ADMIN.login,
      TOUCHLINE_ADMIN_PASSWORD: ADMIN.password,
      TOUCHLINE_DEMO: opts.demo === false ? '0' : '1',
      TOUCHLINE_WEB_DIST: '/nonexistent',
      // The bench's fans come from four loopback addresses, thousands each: the caps are not what it measures.
      TOUCHLINE_WS_PER_ADDRESS: '1000000',
      TOUCHLINE_WS_MAX_CONNECTIONS: '1000000',
      ...opts.env,
    },
    /ready at (http:\/\/\S+)/,
    // BENCH_PROFILE_DIR=/tmp/prof writes a V8 CPU profile of every Touchline process when it stops.
    process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [],
  );
  const url = p.match[1]!.replace('localhost', '127.0.0.1');
  return { ...p, url, jwtKeys: opts.jwtKeys } satisfies TouchlineServer;
}

/** The bench admin's token from a running Touchline's login route. */
export async function signIn(url: string): Promise<string> {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!r.ok) throw new Error(`sign-in: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { token: string }).token;
}

export const newJwtKeys = () => `bench:${randomBytes(32).toString('hex')}`;
