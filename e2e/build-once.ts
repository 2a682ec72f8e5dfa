import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Build {
  /** The npm script, as `npm run …` arguments. */
  script: string[];
  /** Folders and files (from the repository root) the build is made from: a newer one makes it stale. */
  inputs: string[];
  /** A file the build leaves behind once it succeeded, inside its output. */
  stamp: string;
  /** A directory that, while it exists, says a build is under way. */
  lock: string;
}

function newestInput(inputs: string[]): number {
  const files = inputs.flatMap((input) => {
    const full = path.join(ROOT, input);
    if (!statSync(full).isDirectory()) return [full];
    return readdirSync(full, { recursive: true, encoding: 'utf8' }).map((f) => path.join(full, f));
  });
  return Math.max(...files.map((f) => statSync(f).mtimeMs));
}

/**
 * Tests run against production builds. Test files run in parallel workers, so one builds (under a lock
 * directory) and the others wait for it; a build is reused while no input is newer than it.
 */
export async function buildOnce(build: Build): Promise<void> {
  const stamp = path.join(ROOT, build.stamp);
  const lock = path.join(ROOT, build.lock);
  for (;;) {
    try {
      if (statSync(stamp).mtimeMs > newestInput(build.inputs)) return;
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
      await promisify(execFile)('npm', ['run', ...build.script], { cwd: ROOT, env });
      writeFileSync(stamp, new Date().toISOString());
      return;
    } finally {
      rmdirSync(lock);
    }
  }
}
