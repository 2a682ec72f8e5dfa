import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import webpush from 'web-push';
import { buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { type Database, openPglite, openPostgres } from '../src/db/client.ts';

export type DbKind = 'pglite' | 'postgres';
/** Every storage and route test runs on both: the embedded database and the real server. */
export const dbKinds: DbKind[] = ['pglite', 'postgres'];

export const PG_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A fresh, empty PostgreSQL database; returns its URL and a function that drops it. The bench uses it too. */
export async function createPgDatabase(
  adminUrl = PG_ADMIN_URL,
  prefix = 'tl_test',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function openTestDatabase(
  kind: DbKind,
): Promise<{ database: Database; url?: string; dispose: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openPglite(undefined);
    return { database, dispose: () => database.close() };
  }
  const { url, drop } = await createPgDatabase();
  const database = await openPostgres(url);
  return {
    database,
    url,
    dispose: async () => {
      await database.close();
      await drop();
    },
  };
}

export const TEST_ADMIN = { login: 'chief', password: 'correct-horse-battery-staple' };

/** One VAPID pair for every test server, so none writes a key file into the working folder. */
export const TEST_VAPID = webpush.generateVAPIDKeys();

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({
      TOUCHLINE_TIMEZONE: 'Europe/Moscow',
      TOUCHLINE_ADMIN_LOGIN: TEST_ADMIN.login,
      TOUCHLINE_ADMIN_PASSWORD: TEST_ADMIN.password,
      TOUCHLINE_JWT_KEYS: `k1:${randomBytes(32).toString('hex')}`,
      LOG_LEVEL: 'warn',
      // Webhook mode: a test with a bot token never long-polls the real Telegram (telegram-polling.test.ts opts in).
      TELEGRAM_WEBHOOK_SECRET: 'test-webhook-secret',
      TOUCHLINE_VAPID_PUBLIC_KEY: TEST_VAPID.publicKey,
      TOUCHLINE_VAPID_PRIVATE_KEY: TEST_VAPID.privateKey,
    }),
    port: 0,
    host: '127.0.0.1',
    // The notification loops poll the database; only the notify tests, which need them, turn them on.
    notify: false,
    ...overrides,
  };
}

export interface TestServer {
  app: FastifyInstance;
  database: Database;
  /** The PostgreSQL database's URL; unset on the embedded one. */
  databaseUrl?: string;
  url: string;
  close: () => Promise<void>;
}

/** Builds the app on a fresh database of `kind`, runs first-start chores (admin, optional demo) and listens on port 0. */
export async function startTestServer(
  kind: DbKind,
  opts: { demo?: boolean; config?: Partial<Config>; logStream?: NodeJS.WritableStream } = {},
): Promise<TestServer> {
  const { bootstrap } = await import('../src/bootstrap.ts');
  const { database, url: databaseUrl, dispose } = await openTestDatabase(kind);
  const app = await buildApp(testConfig({ demo: opts.demo ?? false, ...opts.config }), {
    database,
    ...(opts.logStream ? { logStream: opts.logStream } : {}),
  });
  await bootstrap(app);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    database,
    databaseUrl,
    url: address,
    close: async () => {
      await app.close();
      await dispose();
    },
  };
}
