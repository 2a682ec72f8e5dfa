import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../src/db/client.ts';
import { users } from '../src/db/schema.ts';
import { spawnServer } from './spawn.ts';

describe('first start on an empty embedded database without TOUCHLINE_ADMIN_*', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'touchline-first-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints a generated admin password once; it alone signs in, and only its hash is stored', async () => {
    const server = await spawnServer({ TOUCHLINE_DATA_DIR: dataDir, TOUCHLINE_DEMO: '0' });
    const printed = /Login: (\S+)\s+Password: (\S+)/.exec(server.output());
    expect(printed).not.toBeNull();
    const [, login, password] = printed!;
    const signIn = (l: string, p: string) =>
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: l, password: p }),
      });
    const ok = await signIn(login!, password!);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { user: { role: string } }).user.role).toBe('admin');
    for (const [l, p] of [
      [login!, 'admin'],
      [login!, 'password'],
      ['admin', 'admin'],
      ['POMOSH', 'POMOSH'],
      ['root', password!],
    ]) {
      expect((await signIn(l!, p!)).status).toBe(401);
    }
    expect(await server.stop('SIGTERM')).toBe(0);

    const second = await spawnServer({ TOUCHLINE_DATA_DIR: dataDir, TOUCHLINE_DEMO: '0' });
    expect(second.output()).not.toContain(password!);
    expect(second.output()).not.toMatch(/Password:/);
    expect(await second.stop('SIGINT')).toBe(0);

    const db = await openPglite(dataDir);
    const rows = await db.db.select().from(users);
    await db.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.passwordHash).not.toContain(password!);
    expect(rows[0]!.passwordHash).toMatch(/^scrypt\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
  });
});
