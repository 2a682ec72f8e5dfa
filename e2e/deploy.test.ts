import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchSummary } from '@touchline/contract';
import { createPgDatabase } from '../packages/server/test/helpers.ts';
import { MatchFollower } from '../packages/server/test/match-follower.ts';
import { freePort, PrivateRedis } from '../packages/server/test/private-redis.ts';
import type { Spawned } from '../packages/server/test/spawn.ts';
import { until } from '../packages/server/test/two-instances.ts';
import { ROOT } from './build-once.ts';
import { buildWebOnce } from './build-web.ts';
import { type Caddy, caddyInstalled, startCaddy } from './caddy.ts';
import { buildServerOnce, startProd } from './compiled-server.ts';
import { httpsJson } from './https-json.ts';

const withCaddy = caddyInstalled();
if (!withCaddy) console.warn('e2e/deploy.test.ts is skipped: caddy is not installed (apt-get install -y caddy).');

/** Caddy's first certificate and a restarted instance take longer than the cluster tests' waits. */
const waitFor = (what: string, ok: () => boolean | Promise<boolean>) => until(what, ok, 15_000);

/**
 * deploy/Caddyfile as shipped, in front of two instances compiled by `npm run build` and started by
 * `npm run start:prod`, on a fresh PostgreSQL database and a Redis of their own (README "Deploying").
 */
describe.skipIf(!withCaddy)('deploy/Caddyfile: HTTPS in front of two compiled instances', () => {
  const temp = mkdtempSync(path.join(tmpdir(), 'touchline-deploy-'));
  let db: Awaited<ReturnType<typeof createPgDatabase>>;
  let redis: PrivateRedis;
  let env: Record<string, string>;
  const instances: { a?: Spawned; b?: Spawned } = {};
  let caddy: Caddy;
  let fan: MatchFollower | undefined;
  let ports: { a: number; b: number; http: number; https: number; pinA: number; pinB: number };
  let admin: { login: string; password: string };
  /** The site as fans reach it, and one site per instance (test only) to pin a request to A or to B. */
  const site = () => `https://localhost:${ports.https}`;
  const pinned = (instance: 'a' | 'b') => `https://localhost:${instance === 'a' ? ports.pinA : ports.pinB}`;
  const call = (url: string, options: Omit<Parameters<typeof httpsJson>[1], 'ca'> = {}) =>
    httpsJson(url, { ca: caddy.ca, ...options });

  beforeAll(async () => {
    await buildWebOnce();
    await buildServerOnce();
    [db, redis] = await Promise.all([createPgDatabase(), PrivateRedis.start()]);
    const [a, b, http, https, pinA, pinB] = await Promise.all([...Array(6)].map(() => freePort()));
    ports = { a: a!, b: b!, http: http!, https: https!, pinA: pinA!, pinB: pinB! };
    env = {
      HOST: '127.0.0.1',
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      TOUCHLINE_JWT_KEYS: `deploy:${randomBytes(32).toString('hex')}`,
      TOUCHLINE_TRUST_PROXY: '127.0.0.1',
      TOUCHLINE_DATA_DIR: path.join(temp, 'data'),
    };
    // The first instance on the empty database creates the first admin and prints its password once.
    instances.a = await startProd({ ...env, PORT: String(ports.a) });
    const printed = /Login: (\S+)\s+Password: (\S+)/.exec(instances.a.output());
    admin = { login: printed![1]!, password: printed![2]! };
    instances.b = await startProd({ ...env, PORT: String(ports.b) });

    const caddyfile = path.join(temp, 'Caddyfile');
    const pin = (port: number, upstream: number) =>
      `localhost:${port} {\n\ttls internal\n\treverse_proxy 127.0.0.1:${upstream}\n}\n`;
    writeFileSync(
      caddyfile,
      `import ${path.join(ROOT, 'deploy/Caddyfile')}\n\n${pin(ports.pinA, ports.a)}\n${pin(ports.pinB, ports.b)}`,
    );
    caddy = await startCaddy(
      caddyfile,
      {
        TOUCHLINE_DOMAIN: 'localhost',
        TOUCHLINE_UPSTREAM_A: `127.0.0.1:${ports.a}`,
        TOUCHLINE_UPSTREAM_B: `127.0.0.1:${ports.b}`,
        CADDY_HTTP_PORT: String(ports.http),
        CADDY_HTTPS_PORT: String(ports.https),
        CADDY_ADMIN: 'off',
      },
      path.join(temp, 'caddy'),
    );
    await waitFor('Caddy serving HTTPS', () =>
      call(`${site()}/healthz`).then(
        (r) => r.status === 200,
        () => false,
      ),
    );
  }, 300_000);

  afterAll(async () => {
    fan?.close();
    await caddy?.stop();
    await Promise.all([instances.a?.stop(), instances.b?.stop()]);
    await redis?.stop();
    await db?.drop();
    rmSync(temp, { recursive: true, force: true });
  });

  it('serves the app and signs the first admin in over HTTPS, through the site and through each instance', async () => {
    const page = await call(`${site()}/`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
    for (const url of [site(), pinned('a'), pinned('b')]) {
      const login = await call(`${url}/api/auth/login`, { method: 'POST', body: admin });
      expect(login.status).toBe(200);
      expect(login.body.user.role).toBe('admin');
    }
    const wrong = await call(`${site()}/api/auth/login`, { method: 'POST', body: { ...admin, password: 'admin' } });
    expect(wrong.status).toBe(401);
  });

  it('a goal recorded on A reaches a fan on B; B restarts and the fan resumes through the site with no gap', async () => {
    const token = (await call(`${site()}/api/auth/login`, { method: 'POST', body: admin })).body.token as string;
    const live = (await call(`${site()}/api/matches?status=live`)).body.matches as MatchSummary[];
    const match = live[0]!;
    // Sent as the console sends a write: with a clientEventId, and again after a transient failure, a replay
    // being answered with the seq it was first written at (docs/protocol.md §5). Caddy before 2.11.2 answers 502
    // instead of retrying a write that found its instance gone (docs/decisions/028-deployment-recipe.md).
    const goal = async (url: string) => {
      const body = { type: 'goal', side: 'home', minute: 50, clientEventId: randomUUID() };
      for (const deadline = Date.now() + 15_000; ; await new Promise((r) => setTimeout(r, 250))) {
        const res = await call(`${url}/api/matches/${match.id}/events`, { method: 'POST', body, token }).catch(
          () => undefined,
        );
        if (res && res.status < 500) {
          expect([200, 201]).toContain(res.status);
          return res.body.seq as number;
        }
        if (Date.now() > deadline) throw new Error(`no goal through ${url}: ${res?.status ?? 'no answer'}`);
      }
    };

    let fanUrl = pinned('b');
    fan = new MatchFollower(() => fanUrl, `match:${match.id}`, { ca: caddy.ca });
    await waitFor('the fan’s snapshot from B', () => fan!.seq >= 0);
    const first = await goal(pinned('a'));
    await waitFor('the goal on A to reach the fan on B', () => fan!.seq === first);

    // From now on the fan reconnects to the site, as every fan does; Caddy finds it an instance that is up.
    fanUrl = site();
    expect(await instances.b!.stop('SIGTERM')).toBe(0);
    const whileDown = await goal(site());
    await waitFor('the fan to resume on A', () => fan!.seq === whileDown);
    instances.b = await startProd({ ...env, PORT: String(ports.b) });
    const afterRestart = await goal(pinned('b'));
    await waitFor('the goal on the restarted B to reach the fan', () => fan!.seq === afterRestart);

    const truth = await call(`${site()}/api/matches/${match.id}`);
    expect(fan.state).toEqual(truth.body);
    expect(fan.violations).toEqual([]);
    // One snapshot, then every patch once and in order: the reconnection resumed with `since`.
    expect(fan.snapshots).toHaveLength(1);
    expect(fan.applied).toEqual(
      Array.from({ length: afterRestart - fan.snapshots[0]! }, (_, i) => fan!.snapshots[0]! + 1 + i),
    );
    expect(fan.replayMs.length).toBeGreaterThan(0);
  }, 120_000);
});
