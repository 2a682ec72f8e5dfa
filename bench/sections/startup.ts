import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildServerOnce, START_PROD } from '../../e2e/compiled-server.ts';
import { freePort } from '../../packages/server/test/private-redis.ts';
import { rssBytes } from '../lib/procfs.ts';
import { ADMIN, newJwtKeys, ROOT } from '../lib/services.ts';
import { sleep } from '../lib/stats.ts';

export type StartupSystem = 'tsx' | 'compiled';

export interface StartupResult {
  system: StartupSystem;
  /** From spawning the process to its first 200 from /healthz, per run. */
  readyMs: number[];
  /** Resident set size right after that answer, per run. */
  rssMb: number[];
}

/** start:prod's own node arguments, so the bench runs what the script runs, without npm in front. */
function compiledArgs(): string[] {
  const scripts = (
    JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;
  const m = /^exec node (.+)$/.exec(scripts[START_PROD] ?? '');
  if (!m) throw new Error(`the ${START_PROD} script is not "exec node …"`);
  return m[1]!.split(' ');
}

const ARGS: Record<StartupSystem, () => string[]> = {
  // As the tests and the rest of the bench start main.ts; `npm start`'s tsx CLI adds a parent process to this.
  tsx: () => ['--import', 'tsx', 'packages/server/src/main.ts'],
  compiled: compiledArgs,
};

async function startOnce(system: StartupSystem, env: Record<string, string>) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/healthz`;
  const started = performance.now();
  const proc = spawn(process.execPath, ARGS[system](), {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  try {
    for (const deadline = started + 90_000; ; await sleep(10)) {
      if (proc.exitCode !== null) throw new Error(`${system} server exited with ${proc.exitCode}`);
      if (performance.now() > deadline) throw new Error(`${system} server not healthy within 90 s`);
      const ok = await fetch(url).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
    }
    return { readyMs: performance.now() - started, rssMb: rssBytes(proc.pid!) / 2 ** 20 };
  } finally {
    proc.kill('SIGTERM');
    await exited;
  }
}

/**
 * Cold start and memory of the server run from TypeScript through tsx (`npm start`) and compiled
 * (`npm run start:prod`), on the embedded database with the demo league: each started `runs` times in turns,
 * after one unrecorded start of each (it migrates and seeds the database, fills the disk cache and tsx's own).
 */
export async function measureStartup(runs: number, log: (s: string) => void): Promise<StartupResult[]> {
  log('startup: building the compiled server if it is stale');
  await buildServerOnce();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'touchline-bench-startup-'));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    TOUCHLINE_DATA_DIR: dataDir,
    TOUCHLINE_JWT_KEYS: newJwtKeys(),
    TOUCHLINE_ADMIN_LOGIN: ADMIN.login,
    TOUCHLINE_ADMIN_PASSWORD: ADMIN.password,
  };
  const results: StartupResult[] = [
    { system: 'tsx', readyMs: [], rssMb: [] },
    { system: 'compiled', readyMs: [], rssMb: [] },
  ];
  try {
    for (const r of results) await startOnce(r.system, env);
    for (let i = 0; i < runs; i++) {
      for (const r of results) {
        const run = await startOnce(r.system, env);
        r.readyMs.push(run.readyMs);
        r.rssMb.push(run.rssMb);
        log(`startup: ${r.system} run ${i + 1}/${runs}: ${run.readyMs.toFixed(0)} ms, ${run.rssMb.toFixed(1)} MB`);
      }
    }
    return results;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
