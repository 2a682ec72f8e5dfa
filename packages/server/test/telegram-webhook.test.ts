import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers.ts';
import { FakeTelegram } from './fake-telegram.ts';
import { fanFrom, messageUpdate } from './telegram-updates.ts';

const SECRET = 'webhook-secret-of-the-test';

describe('the Telegram webhook', () => {
  const telegram = new FakeTelegram();
  let s: TestServer;
  beforeAll(async () => {
    const apiRoot = await telegram.start();
    s = await startTestServer('pglite', {
      config: { telegramBotToken: '123:webhook-test', telegramApiRoot: apiRoot, telegramWebhookSecret: SECRET },
    });
  });
  afterAll(async () => {
    await s.close();
    await telegram.close();
  });

  const hook = (headers: Record<string, string>, payload: unknown = messageUpdate(fanFrom(501, 'en'), '/start')) =>
    s.app.inject({ method: 'POST', url: '/api/telegram/webhook', headers, payload: payload as object });

  it('refuses an update without the secret header, in the API error shape', async () => {
    const res = await hook({});
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthorized');
    expect(telegram.sent('sendMessage')).toHaveLength(0);
  });

  it('refuses a wrong secret, even a malformed body', async () => {
    expect((await hook({ 'x-telegram-bot-api-secret-token': `${SECRET}x` })).statusCode).toBe(401);
    expect((await hook({ 'x-telegram-bot-api-secret-token': 'short' }, 'not json')).statusCode).toBe(401);
    expect(telegram.sent('sendMessage')).toHaveLength(0);
  });

  it('takes an update with the right secret and answers the fan', async () => {
    const noId = await hook({ 'x-telegram-bot-api-secret-token': SECRET });
    expect(noId.statusCode).toBe(400);
    const ok = await hook(
      { 'x-telegram-bot-api-secret-token': SECRET },
      { update_id: 7, ...messageUpdate(fanFrom(501, 'en'), '/start') },
    );
    expect(ok.statusCode).toBe(200);
    const [welcome] = telegram.sent('sendMessage');
    expect(welcome!.body.chat_id).toBe(501);
    expect(welcome!.body.text).toMatch(/^Hi!/);
  });

  it('is 401 with no secret configured', async () => {
    const bare = await startTestServer('pglite', {
      config: {
        telegramBotToken: '123:webhook-test',
        telegramApiRoot: telegram.root,
        telegramWebhookSecret: undefined,
      },
    });
    try {
      const res = await bare.app.inject({
        method: 'POST',
        url: '/api/telegram/webhook',
        headers: { 'x-telegram-bot-api-secret-token': '' },
        payload: { update_id: 1 },
      });
      expect(res.statusCode).toBe(401);
    } finally {
      await bare.close();
    }
  });
});
