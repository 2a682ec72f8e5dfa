import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchSummary } from '@touchline/contract';
import { type Database, openPostgres } from '../src/db/client.ts';
import { FakeTelegram } from './fake-telegram.ts';
import { createPgDatabase, TEST_ADMIN } from './helpers.ts';
import { outboxOf, telegramFan } from './notify-fans.ts';
import { type Spawned, spawnServer } from './spawn.ts';
import { post, sleep, until } from './two-instances.ts';

/** Bot API down: every message is refused, as a Telegram outage would, so nothing planned gets out. */
const outage = () => ({ status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } });

describe('a server killed between planning and sending', () => {
  const telegram = new FakeTelegram();
  let pg: { url: string; drop: () => Promise<void> };
  let env: Record<string, string>;
  let server: Spawned | undefined;
  let database: Database | undefined;
  beforeAll(async () => {
    const apiRoot = await telegram.start();
    pg = await createPgDatabase();
    env = {
      DATABASE_URL: pg.url,
      HOST: '127.0.0.1',
      TOUCHLINE_JWT_KEYS: `k1:${randomBytes(32).toString('hex')}`,
      TOUCHLINE_ADMIN_LOGIN: TEST_ADMIN.login,
      TOUCHLINE_ADMIN_PASSWORD: TEST_ADMIN.password,
      TOUCHLINE_DEMO: '1',
      TOUCHLINE_NOTIFY_HOLD_SECONDS: '1',
      TELEGRAM_BOT_TOKEN: '42:TEST',
      TELEGRAM_API_ROOT: apiRoot,
    };
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await database?.close();
    await pg.drop();
    await telegram.close();
  });

  it('sends every planned message exactly once after a restart', async () => {
    telegram.script = (call) => (call.method === 'sendMessage' ? outage() : undefined);
    server = await spawnServer(env);
    database = await openPostgres(pg.url, { migrate: false, poolSize: 2 });
    const live = (await fetch(`${server.url}/api/matches?status=scheduled`).then((r) => r.json())) as {
      matches: MatchSummary[];
    };
    const m = live.matches.find((x) => x.competition.type === 'league')!;
    const fan = await telegramFan(database.db, 'match', m.id);
    const token = (await post(server.url, '/api/auth/login', TEST_ADMIN)).body.token as string;
    const tried = (n: number) => async () => {
      const rows = await outboxOf(database!.db, fan.recipientId);
      return rows.length === n && rows.every((r) => r.attempts > 0);
    };
    expect((await post(server.url, `/api/matches/${m.id}/state`, { status: 'live' }, token)).status).toBe(200);
    await until('the kick-off planned and tried', tried(1), 15_000);
    const goal = await post(
      server.url,
      `/api/matches/${m.id}/events`,
      { type: 'goal', side: 'home', minute: 7 },
      token,
    );
    expect(goal.status).toBe(201);
    await until('the goal planned and tried', tried(2), 15_000);
    await server.stop('SIGKILL');
    expect(
      telegram.calls.filter((c) => c.method === 'sendMessage' && c.body.chat_id === fan.chatId).length,
    ).toBeGreaterThan(0);

    telegram.script = undefined;
    const refusedSoFar = telegram.calls.length;
    server = await spawnServer(env);
    const delivered = () => telegram.calls.slice(refusedSoFar).filter((c) => c.body.chat_id === fan.chatId);
    // What waits is sent after its backoff; a row claimed at the kill, once its lease has run out.
    await until('both delivered after the restart', () => delivered().length >= 2, 60_000);
    await sleep(2000);
    expect(delivered().map((c) => String(c.body.text).split('\n')[1])).toEqual([
      'Kick-off',
      expect.stringContaining("7' Goal!"),
    ]);
    expect((await outboxOf(database.db, fan.recipientId)).map((r) => r.status)).toEqual(['sent', 'sent']);
  }, 120_000);
});
