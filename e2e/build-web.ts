import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lock = path.join(root, 'packages/web/.build-lock');
const stamp = path.join(root, 'packages/web/dist/.built-by-tests');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** What the build is made from: a change to any of them makes the last build stale. */
const sources = ['packages/web/src', 'packages/web/public', 'packages/contract/src', 'packages/domain/src'].map((d) =>
  path.join(root, d),
);
const inputs = ['packages/web/index.html', 'packages/web/vite.config.ts'].map((f) => path.join(root, f));

function newestSource(): number {
  const files = sources.flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)),
  );
  return Math.max(...[...files, ...inputs].map((f) => statSync(f).mtimeMs));
}

/**
 * Browser tests run against the production build, as `npm start` serves it. Test files run in parallel
 * workers, so one builds (under a lock directory) and the others wait for it; a build is reused while no source
 * file is newer than it.
 */
export async function buildWebOnce(): Promise<void> {
  for (;;) {
    try {
      if (statSync(stamp).mtimeMs > newestSource()) return;
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
