import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgDatabase } from '../packages/server/test/helpers.ts';
import { ROOT } from './build-once.ts';
import { buildWebOnce } from './build-web.ts';
import { buildServerOnce, startProd } from './compiled-server.ts';

describe('the compiled server: npm run build, then npm run start:prod', () => {
  const temp = mkdtempSync(path.join(tmpdir(), 'touchline-compiled-'));
  // PostgreSQL starts in a fraction of the embedded database's time on a busy machine.
  let db: Awaited<ReturnType<typeof createPgDatabase>>;
  beforeAll(async () => {
    await buildWebOnce();
    await buildServerOnce();
    db = await createPgDatabase();
  }, 300_000);
  afterAll(async () => {
    await db?.drop();
    rmSync(temp, { recursive: true, force: true });
  });

  it('runs as plain JavaScript: no TypeScript file and no tsx is loaded, and it serves /healthz and the app', async () => {
    const modules = mkdtempSync(path.join(temp, 'modules-'));
    const server = await startProd({
      DATABASE_URL: db.url,
      TOUCHLINE_JWT_KEYS: `k1:${randomBytes(32).toString('hex')}`,
      TOUCHLINE_DATA_DIR: path.join(temp, 'data'),
      TOUCHLINE_DEMO: '0',
      NODE_OPTIONS: `--import=${pathToFileURL(path.join(ROOT, 'e2e/record-modules.mjs')).href}`,
      TOUCHLINE_MODULE_LOG: modules,
    });
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const page = await fetch(`${server.url}/console`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    // npm hands SIGTERM to the server itself (a container or systemd stops it so), which shuts down cleanly.
    expect(await server.stop('SIGTERM')).toBe(0);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

    const loaded = readdirSync(modules).flatMap((f) => readFileSync(path.join(modules, f), 'utf8').split('\n'));
    const compiled = (file: string) => pathToFileURL(path.join(ROOT, file)).href;
    expect(loaded).toEqual(
      expect.arrayContaining([
        compiled('packages/server/dist/main.js'),
        compiled('packages/contract/dist/index.js'),
        compiled('packages/domain/dist/index.js'),
      ]),
    );
    expect(loaded.filter((m) => /[/\\]tsx[/\\]|\.[cm]?tsx?$/.test(m))).toEqual([]);
  });

  it('keeps source maps: a start-up error points at the TypeScript line', async () => {
    const failed = await promisify(execFile)('npm', ['run', 'start:prod'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, npm_config_update_notifier: 'false', PORT: 'eighty' },
    }).then(
      () => undefined,
      (err: { stderr: string }) => err,
    );
    expect(failed?.stderr).toContain('PORT must be a non-negative integer');
    expect(failed?.stderr).toMatch(/packages\/server\/src\/config\.ts:\d+:\d+/);
  });
});
