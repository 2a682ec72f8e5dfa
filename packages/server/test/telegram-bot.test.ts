import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { follows, notifyRecipients, users } from '../src/db/schema.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';
import { FakeTelegram } from './fake-telegram.ts';
import { addClub, addMatch, callbackUpdate, fanFrom, keyboardOf, messageUpdate } from './telegram-updates.ts';
import { until } from './two-instances.ts';

describe.each(dbKinds)('the Telegram bot by long polling on %s', (kind) => {
  const telegram = new FakeTelegram();
  let s: TestServer;
  beforeAll(async () => {
    const apiRoot = await telegram.start();
    s = await startTestServer(kind, {
      config: {
        telegramBotToken: '123:polling-test',
        telegramApiRoot: apiRoot,
        telegramWebhookSecret: undefined,
        publicUrl: 'https://touchline.example',
      },
    });
  });
  afterAll(async () => {
    await s.close();
    await telegram.close();
  });

  /** Sends an update through getUpdates and waits for the bot's `n`-th call of `method` to the chat. */
  async function exchange(update: Record<string, unknown>, method = 'sendMessage', count = 1) {
    const chatId = ((update.message ?? update.callback_query) as { from: { id: number } }).from.id;
    const toChat = () => telegram.sent(method).filter((c) => c.body.chat_id === chatId || method.startsWith('answer'));
    const before = toChat().length;
    telegram.pushUpdate(update);
    await until(`${method} after the update`, () => toChat().length >= before + count);
    return toChat().slice(before);
  }
  const recipientOf = async (telegramId: number) => {
    const [row] = await s.app.db
      .select({ recipient: notifyRecipients })
      .from(notifyRecipients)
      .innerJoin(users, eq(users.id, notifyRecipients.userId))
      .where(eq(users.telegramId, String(telegramId)));
    return row!.recipient;
  };
  const followsOf = async (telegramId: number) =>
    s.app.db
      .select({ target: follows.target, targetId: follows.targetId })
      .from(follows)
      .where(eq(follows.recipientId, (await recipientOf(telegramId)).id));

  it('follows the club of a /start deep link and answers in Russian', async () => {
    const club = await addClub(s.app.db, 'Спартак <b>&</b>');
    const fan = fanFrom(7001, 'ru');
    const [welcome, followed] = await exchange(messageUpdate(fan, `/start club_${club}`));
    expect(welcome!.body.text).toMatch(/^Привет!/);
    await until(
      'the second answer',
      () => telegram.sent('sendMessage').filter((c) => c.body.chat_id === 7001).length === 2,
    );
    const [, answer] = telegram.sent('sendMessage').filter((c) => c.body.chat_id === 7001);
    expect(answer!.body.text).toBe('Вы подписаны на клуб «Спартак <b>&</b>».');
    expect(answer!.body.parse_mode).toBeUndefined();
    expect(followed ?? answer).toBeDefined();
    expect(await followsOf(7001)).toEqual([{ target: 'club', targetId: club }]);
    const recipient = await recipientOf(7001);
    expect(recipient).toMatchObject({ channel: 'telegram', chatId: '7001', locale: 'ru', canWrite: true });
    const [user] = await s.app.db.select().from(users).where(eq(users.telegramId, '7001'));
    expect(user).toMatchObject({ login: 'tg:7001', role: 'fan' });
  });

  it('lets a fan who granted write access from the WebApp be written to', async () => {
    const fan = fanFrom(7009, 'en');
    const [user] = await s.app.db
      .insert(users)
      .values({ login: 'tg:7009', displayName: 'Quiet fan', role: 'fan', telegramId: '7009' })
      .returning();
    const [recipient] = await s.app.db
      .insert(notifyRecipients)
      .values({ channel: 'telegram', userId: user!.id, chatId: '7009', kinds: ['goal'], canWrite: false })
      .returning();
    const { text: _text, entities: _entities, ...message } = messageUpdate(fan, '').message as Record<string, unknown>;
    telegram.pushUpdate({ message: { ...message, write_access_allowed: { web_app_name: 'touchline' } } });
    await until('write access recorded', async () => (await recipientOf(7009)).canWrite);
    expect((await recipientOf(7009)).id).toBe(recipient!.id);
  });

  it('answers in English to an English-speaking fan and opens a followed match in the WebApp', async () => {
    const match = await addMatch(s.app.db, 'Rovers', 'United');
    const fan = fanFrom(7002, 'en-GB');
    const [welcome, answer] = await exchange(messageUpdate(fan, `/start match_${match}`), 'sendMessage', 2);
    expect(welcome!.body.text).toMatch(/^Hi!/);
    expect(answer!.body.text).toBe('You follow the match Rovers – United.');
    expect(answer!.body.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Open the match', web_app: { url: `https://touchline.example/matches/${match}` } }]],
    });
    expect(await followsOf(7002)).toEqual([{ target: 'match', targetId: match }]);
  });

  it('pauses on /stop, keeping the follows, and resumes on /start', async () => {
    const club = await addClub(s.app.db, 'Dynamo');
    const fan = fanFrom(7003, 'en');
    await exchange(messageUpdate(fan, `/start club_${club}`), 'sendMessage', 2);
    const [stopped] = await exchange(messageUpdate(fan, '/stop'));
    expect(stopped!.body.text).toMatch(/paused/);
    expect((await recipientOf(7003)).pausedAt).not.toBeNull();
    expect(await followsOf(7003)).toEqual([{ target: 'club', targetId: club }]);
    const [resumed] = await exchange(messageUpdate(fan, '/start'));
    expect(resumed!.body.text).toMatch(/Welcome back/);
    expect((await recipientOf(7003)).pausedAt).toBeNull();
    // Telegram switched to Russian: the bot and the fan's notifications follow.
    const [help] = await exchange(messageUpdate(fanFrom(7003, 'ru'), '/stop'));
    expect(help!.body.text).toMatch(/^Уведомления на паузе/);
    expect((await recipientOf(7003)).locale).toBe('ru');
  });

  it('follows a club chosen on the /follow keyboard, and unfollows it from /unfollow', async () => {
    const club = await addClub(s.app.db, 'Torpedo');
    const fan = fanFrom(7004, 'en');
    const [menu] = await exchange(messageUpdate(fan, '/follow'));
    const button = keyboardOf(menu!.body)
      .flat()
      .find((b) => b.text === 'Torpedo');
    expect(button?.callback_data).toBeDefined();
    const [answer] = await exchange(callbackUpdate(fan, button!.callback_data!));
    expect(answer!.body.text).toBe('You follow Torpedo.');
    expect(await followsOf(7004)).toEqual([{ target: 'club', targetId: club }]);

    const [current] = await exchange(messageUpdate(fan, '/unfollow'));
    const [only] = keyboardOf(current!.body).flat();
    expect(only!.text).toBe('Torpedo');
    await exchange(callbackUpdate(fan, only!.callback_data!));
    expect(await followsOf(7004)).toEqual([]);
  });

  it('toggles a kind and sets the reminder from /settings, and ignores forged button data', async () => {
    const fan = fanFrom(7005, 'en');
    const [menu] = await exchange(messageUpdate(fan, '/settings'));
    const lineups = keyboardOf(menu!.body)
      .flat()
      .find((b) => b.text.endsWith('Lineups'));
    expect(lineups!.text.startsWith('▫️')).toBe(true);
    const [edit] = await exchange(callbackUpdate(fan, lineups!.callback_data!), 'editMessageReplyMarkup');
    expect((await recipientOf(7005)).kinds).toContain('lineups');
    expect(
      keyboardOf(edit!.body)
        .flat()
        .find((b) => b.text.endsWith('Lineups'))!
        .text.startsWith('✅'),
    ).toBe(true);

    // The reminder's lead time: the current one marked, another one tapped.
    const reminders = keyboardOf(edit!.body)
      .flat()
      .filter((b) => b.callback_data?.startsWith('r:'));
    expect(reminders.map((b) => b.text)).toEqual(['15 min', '30 min', '✅ 1 h', '2 h', '3 h', '24 h']);
    const [moved] = await exchange(callbackUpdate(fan, reminders[1]!.callback_data!), 'editMessageReplyMarkup');
    expect((await recipientOf(7005)).reminderMinutes).toBe(30);
    expect(
      keyboardOf(moved!.body)
        .flat()
        .find((b) => b.text.endsWith('30 min'))!.text,
    ).toBe('✅ 30 min');

    const answers = telegram.sent('answerCallbackQuery').length;
    telegram.pushUpdate(callbackUpdate(fan, 'k:everything'));
    telegram.pushUpdate(callbackUpdate(fan, 'f:club:99999'));
    telegram.pushUpdate(callbackUpdate(fan, 'r:7'));
    await until('the forged taps answered', () => telegram.sent('answerCallbackQuery').length === answers + 3);
    expect((await recipientOf(7005)).reminderMinutes).toBe(30);
    expect(await followsOf(7005)).toEqual([]);
  });
});
