import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { bootstrap } from '../src/bootstrap.ts';
import { type Database, openPostgres } from '../src/db/client.ts';
import { rawRows } from '../src/db/raw.ts';
import { signInAdmin, todaysMatches } from './api.ts';
import { FakeTelegram } from './fake-telegram.ts';
import { createPgDatabase, REDIS_URL, testConfig } from './helpers.ts';
import { telegramFan } from './notify-fans.ts';
import { sleep, until } from './two-instances.ts';

const FANS = 20;

describe('two instances on one PostgreSQL', () => {
  const telegram = new FakeTelegram();
  const apps: FastifyInstance[] = [];
  const databases: Database[] = [];
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const apiRoot = await telegram.start();
    const pg = await createPgDatabase();
    drop = pg.drop;
    const config = testConfig({
      databaseUrl: pg.url,
      redisUrl: REDIS_URL,
      notify: true,
      notifyHoldSeconds: 1,
      telegramBotToken: '42:TEST',
      telegramApiRoot: apiRoot,
    });
    for (const demo of [true, false]) {
      const database = await openPostgres(pg.url);
      const app = await buildApp({ ...config, demo }, { database });
      await bootstrap(app);
      await app.ready();
      databases.push(database);
      apps.push(app);
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const database of databases) await database.close();
    await drop();
    await telegram.close();
  });

  it('plan and send each message exactly once', async () => {
    const [a, b] = apps as [FastifyInstance, FastifyInstance];
    const m = (await todaysMatches(a)).league[0]!;
    const fans = [];
    for (let i = 0; i < FANS; i++) fans.push(await telegramFan(databases[0]!.db, 'club', m.homeClub.id));
    const admin = await signInAdmin(b);
    expect((await admin.req('POST', `/api/matches/${m.id}/state`, { status: 'live' })).status).toBe(200);
    await until('the kick-off told', () => telegram.sent('sendMessage').length >= FANS);
    const adminA = await signInAdmin(a);
    expect(
      (await adminA.req('POST', `/api/matches/${m.id}/events`, { type: 'goal', side: 'home', minute: 5 })).status,
    ).toBe(201);
    await until('the goal told', () => telegram.sent('sendMessage').length >= 2 * FANS);
    await sleep(2000);
    for (const fan of fans) {
      const texts = telegram
        .sent('sendMessage')
        .filter((c) => c.body.chat_id === fan.chatId)
        .map((c) => c.body.text);
      expect(texts).toHaveLength(2);
      expect(texts[1]).toContain("5' Goal!");
    }
    const claimedBy = await rawRows<{ n: number }>(
      databases[0]!.db,
      sql`select count(*)::int as n from notifications where status = 'sent'`,
    );
    expect(claimedBy[0]!.n).toBe(2 * FANS);
  });
});
