import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../packages/server/src/app.ts';
import { bootstrap } from '../../packages/server/src/bootstrap.ts';
import { loadConfig } from '../../packages/server/src/config.ts';
import { countStatements } from '../../packages/server/src/db/statements.ts';
import { ADMIN, freshDatabase, newJwtKeys, REDIS_URL } from '../lib/services.ts';
import { now, pool } from '../lib/stats.ts';

/** Statements of an admin's goal before issue 20's work (decision 047), printed beside today's count. */
export const QUERIES_PER_WRITE_BEFORE = 16;

export interface WriteResult {
  storage: 'pglite' | 'postgres';
  writers: number;
  writes: number;
  failed: number;
  seconds: number;
  perSecond: number;
  /** SQL statements (round trips) of one event write through the route, BEGIN and COMMIT included. */
  queriesPerWrite: number;
}

export interface WriteLimits {
  maxWrites: number;
  maxMs: number;
}

/**
 * Event writes through the whole route (auth, validation, one transaction, change log, audit, fan-out) with
 * `inject`, so no socket is involved: sequential, then `writers` at once, each on its own live match.
 */
export async function measureWrites(
  storage: 'pglite' | 'postgres',
  writers: number,
  limits: WriteLimits,
): Promise<WriteResult[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'touchline-bench-'));
  const pg = storage === 'postgres' ? await freshDatabase() : undefined;
  const config = {
    ...loadConfig({
      TOUCHLINE_DATA_DIR: dataDir,
      ...(pg ? { DATABASE_URL: pg.url, REDIS_URL } : {}),
      TOUCHLINE_JWT_KEYS: newJwtKeys(),
      TOUCHLINE_ADMIN_LOGIN: ADMIN.login,
      TOUCHLINE_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
    }),
    port: 0,
    host: '127.0.0.1',
  };
  let app: FastifyInstance | undefined;
  try {
    app = await buildApp(config);
    await bootstrap(app);
    const a = app;
    const login = await a.inject({ method: 'POST', url: '/api/auth/login', payload: ADMIN });
    const auth = { authorization: `Bearer ${login.json<{ token: string }>().token}` };
    const scheduled = (await a.inject({ method: 'GET', url: '/api/matches?status=scheduled' })).json<{
      matches: { id: string }[];
    }>().matches;
    if (scheduled.length < writers) throw new Error(`the demo has ${scheduled.length} scheduled matches`);
    const ids = scheduled.slice(0, writers).map((m) => m.id);
    for (const id of ids) {
      const r = await a.inject({
        method: 'POST',
        url: `/api/matches/${id}/state`,
        headers: auth,
        payload: { status: 'live' },
      });
      if (r.statusCode !== 200) throw new Error(`kick-off of ${id}: ${r.body}`);
    }
    const goal = async (id: string) => {
      const r = await a.inject({
        method: 'POST',
        url: `/api/matches/${id}/events`,
        headers: auth,
        payload: { type: 'goal', side: 'home', minute: 30 },
      });
      return r.statusCode === 201;
    };
    // Warm-up: the first writes compile the code paths.
    for (let i = 0; i < 20; i++) await goal(ids[0]!);
    const { statements: queriesPerWrite } = await countStatements(() => goal(ids[0]!));

    const run = async (lanes: number): Promise<WriteResult> => {
      let writes = 0;
      let failed = 0;
      const start = now();
      const deadline = start + limits.maxMs;
      // Each lane cycles over its own matches, so no match grows far past a real one's event count.
      const laneIds = Array.from({ length: lanes }, (_, l) => ids.filter((_, i) => i % lanes === l));
      await pool(laneIds, lanes, async (mine) => {
        for (let i = 0; writes + failed < limits.maxWrites && now() < deadline; i++) {
          if (await goal(mine[i % mine.length]!)) writes++;
          else failed++;
        }
      });
      const seconds = (now() - start) / 1000;
      return { storage, writers: lanes, writes, failed, seconds, perSecond: writes / seconds, queriesPerWrite };
    };
    return [await run(1), await run(writers)];
  } finally {
    await app?.close();
    await pg?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
