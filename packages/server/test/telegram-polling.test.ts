import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { openPostgres } from '../src/db/client.ts';
import { createPgDatabase, testConfig } from './helpers.ts';
import { FakeTelegram } from './fake-telegram.ts';
import { fanFrom, messageUpdate } from './telegram-updates.ts';
import { sleep, until } from './two-instances.ts';

/** Two instances on one PostgreSQL, each shown its own fake Bot API, so the fakes tell which instance polls. */
describe('long polling with several instances on PostgreSQL', () => {
  const fakes = [new FakeTelegram(), new FakeTelegram()];
  const polls = [0, 0];
  let drop: () => Promise<void>;
  let url: string;
  beforeAll(async () => {
    ({ url, drop } = await createPgDatabase());
    for (const [i, fake] of fakes.entries()) {
      await fake.start();
      fake.script = (call) => {
        if (call.method === 'getUpdates') polls[i]!++;
        return undefined;
      };
    }
  });
  afterAll(async () => {
    for (const fake of fakes) await fake.close();
    await drop();
  });

  const instance = async (i: number) => {
    const database = await openPostgres(url);
    const app = await buildApp(
      testConfig({
        telegramBotToken: '123:two-instances',
        telegramApiRoot: fakes[i]!.root,
        telegramWebhookSecret: undefined,
      }),
      { database },
    );
    await app.ready();
    return {
      app,
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  };

  it('lets exactly one instance poll, and the other take over when it closes', async () => {
    const first = await instance(0);
    await until('the first instance polling', () => polls[0]! > 0);
    const second = await instance(1);
    await sleep(1500);
    expect(polls[1]).toBe(0);

    fakes[0]!.pushUpdate(messageUpdate(fanFrom(8001, 'en'), '/start'));
    await until('the answer from the polling instance', () => fakes[0]!.sent('sendMessage').length === 1);

    await first.close();
    await until('the second instance polling', () => polls[1]! > 0, 15_000);
    await second.close();
  }, 30_000);
});
