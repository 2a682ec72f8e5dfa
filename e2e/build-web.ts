import { execFile } from 'node:child_process';
import { mkdirSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lock = path.join(root, 'packages/web/.build-lock');
const stamp = path.join(root, 'packages/web/dist/.built-by-tests');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Browser tests run against the production build, as `npm start` serves it. Test files run in parallel
 * workers, so one builds (under a lock directory) and the others wait for it; a build is reused for 10 minutes.
 */
export async function buildWebOnce(): Promise<void> {
  for (;;) {
    try {
      if (Date.now() - statSync(stamp).mtimeMs < 10 * 60_000) return;
    } catch {
      // not built yet
    }
    try {
      mkdirSync(lock);
    } catch {
      await sleep(500);
      continue;
    }
    try {
      // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      const env = { ...process.env, NODE_ENV: 'production' };
      await promisify(execFile)('npm', ['run', 'build', '-w', '@touchline/web'], { cwd: root, env });
      writeFileSync(stamp, new Date().toISOString());
      return;
    } finally {
      rmdirSync(lock);
    }
  }
}
