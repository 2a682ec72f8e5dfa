import { randomBytes } from 'node:crypto';
import type { MatchSummary } from '@touchline/contract';
import { createPgDatabase, TEST_ADMIN } from './helpers.ts';
import { PrivateRedis } from './private-redis.ts';
import { type Spawned, spawnServer } from './spawn.ts';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `ok` until it holds; fails naming `what` after `timeoutMs`. */
export async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

export async function post(base: string, path: string, body: unknown, auth?: string) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    body: JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted field by field
  return { status: res.status, body: (await res.json()) as any };
}

export interface TwoInstances {
  redis: PrivateRedis;
  a: Spawned;
  b: Spawned;
  /** The admin's token. */
  token: string;
  /** The demo league's live match. */
  match: MatchSummary;
  stop(): Promise<void>;
}

/**
 * Two server processes on one PostgreSQL database and one Redis of their own (a test may stop it), as behind a load
 * balancer, with the demo league.
 */
export async function startTwoInstances(): Promise<TwoInstances> {
  // Undone in reverse, also when a later step fails, so no server process outlives the test.
  const undo: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const step of undo.reverse()) await step();
  };
  try {
    const redis = await PrivateRedis.start();
    undo.push(() => redis.stop());
    const db = await createPgDatabase();
    undo.push(() => db.drop());
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      HOST: '127.0.0.1',
      TOUCHLINE_JWT_KEYS: `k1:${randomBytes(32).toString('hex')}`,
      TOUCHLINE_ADMIN_LOGIN: TEST_ADMIN.login,
      TOUCHLINE_ADMIN_PASSWORD: TEST_ADMIN.password,
      TOUCHLINE_DEMO: '1',
    };
    const a = await spawnServer(env);
    undo.push(() => a.stop('SIGKILL'));
    const b = await spawnServer(env);
    undo.push(() => b.stop('SIGKILL'));
    const token = (await post(a.url, '/api/auth/login', TEST_ADMIN)).body.token as string;
    const live = (await fetch(`${a.url}/api/matches?status=live`).then((r) => r.json())) as {
      matches: MatchSummary[];
    };
    return { redis, a, b, token, match: live.matches[0]!, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
