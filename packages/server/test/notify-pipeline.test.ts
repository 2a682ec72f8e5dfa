import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rawRows } from '../src/db/raw.ts';
import type { MatchSummary } from '@touchline/contract';
import { notifyRecipients } from '../src/db/schema.ts';
import { type Api, matches, signInAdmin, snapshot, staff } from './api.ts';
import { blockedByUser, FakeTelegram, tooManyRequests } from './fake-telegram.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';
import { outboxOf, telegramFan } from './notify-fans.ts';
import { sleep, until } from './two-instances.ts';

const HOLD_SECONDS = 1;
/** The brief's promise: a message within the hold window and two seconds. */
const WITHIN_MS = (HOLD_SECONDS + 2) * 1000;

describe.each(dbKinds)('fans notified on Telegram, on %s', (kind) => {
  const telegram = new FakeTelegram();
  let s: TestServer;
  let op: Api;
  let judge: Api;
  let free: MatchSummary[];
  beforeAll(async () => {
    const apiRoot = await telegram.start();
    s = await startTestServer(kind, {
      demo: true,
      config: {
        notify: true,
        notifyHoldSeconds: HOLD_SECONDS,
        telegramBotToken: '42:TEST',
        telegramApiRoot: apiRoot,
        publicUrl: 'https://touchline.example',
      },
    });
    const admin = await signInAdmin(s.app);
    op = (await staff(s.app, admin, 'operator')).api;
    judge = (await staff(s.app, admin, 'judge')).api;
    // Every test kicks off a match of its own that nobody has played.
    free = (await matches(s.app, '?status=scheduled')).filter((m) => m.competition.type === 'league');
  });
  afterAll(async () => {
    await s.close();
    await telegram.close();
  });

  const to = (chatId: string) => telegram.sent('sendMessage').filter((c) => c.body.chat_id === chatId);
  const texts = (chatId: string) => to(chatId).map((c) => String(c.body.text));
  const received = (chatId: string, n: number) =>
    until(`${n} messages to ${chatId}`, () => to(chatId).length >= n, WITHIN_MS);
  /** A match of today's card nobody has played yet, a fan following its home club, kicked off and told so. */
  async function kickedOff() {
    const m = free.shift()!;
    const fan = await telegramFan(s.database.db, 'club', m.homeClub.id);
    expect((await op.req('POST', `/api/matches/${m.id}/state`, { status: 'live' })).status).toBe(200);
    await received(fan.chatId, 1);
    // Today's matches have lineups; a later one's goal names no scorer.
    const scorer = (await snapshot(s.app, m.id)).lineups.home.find((p) => p.role === 'starter');
    const goal = async (minute: number) =>
      (
        await op.req('POST', `/api/matches/${m.id}/events`, {
          type: 'goal',
          side: 'home',
          minute,
          ...(scorer ? { playerId: scorer.playerId } : {}),
        })
      ).body.event.id as string;
    return { m, fan, scorer: scorer && `${scorer.firstName} ${scorer.lastName}`, goal };
  }

  it('tells a club follower of a goal once, with the scorer and the new score', async () => {
    const { m, fan, scorer, goal } = await kickedOff();
    expect(texts(fan.chatId)).toEqual([`${m.homeClub.name} — ${m.awayClub.name}\nKick-off`]);
    await goal(12);
    await received(fan.chatId, 2);
    expect(scorer).toBeDefined();
    expect(texts(fan.chatId)[1]).toContain(`⚽ 12' Goal! ${m.homeClub.name}: ${scorer} — 1:0`);
    // Plain text (a name is never markup), and a button opening the match in the WebApp.
    const sent = to(fan.chatId)[1]!.body;
    expect(sent.parse_mode).toBeUndefined();
    expect(sent.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Open the match', web_app: { url: `https://touchline.example/matches/${m.id}` } }]],
    });
    await sleep(HOLD_SECONDS * 1500);
    expect(to(fan.chatId)).toHaveLength(2);
    const metrics = (await s.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('touchline_notifications_sent_total{kind="goal",channel="telegram"} 1');
    expect(metrics).toContain('touchline_notifications_planned_total{kind="goal",channel="telegram"} 1');
    expect(metrics).toMatch(/touchline_notification_delay_seconds_count\{channel="telegram"\} [1-9]/);
  });

  it('tells a late follower no earlier news, and plans nothing for a match nobody follows', async () => {
    const { m, fan, goal } = await kickedOff();
    await goal(15);
    const late = await telegramFan(s.database.db, 'match', m.id);
    await received(fan.chatId, 2);
    await sleep(HOLD_SECONDS * 1500);
    expect(to(late.chatId)).toHaveLength(0);

    const lonely = free.shift()!;
    const kick = await op.req('POST', `/api/matches/${lonely.id}/state`, { status: 'live' });
    await until('the lonely match planned', async () => {
      const [state] = await rawRows<{ planned_seq: number }>(
        s.database.db,
        sql`select planned_seq from match_notify_state where match_id = ${Number(lonely.id)}`,
      );
      return state?.planned_seq === kick.body.seq;
    });
    const rows = await rawRows(s.database.db, sql`select 1 from notifications where match_id = ${Number(lonely.id)}`);
    expect(rows).toHaveLength(0);
  });

  it('sends nothing for a goal deleted inside the hold window', async () => {
    const { m, fan, goal } = await kickedOff();
    const id = await goal(20);
    expect((await op.req('DELETE', `/api/matches/${m.id}/events/${id}`)).status).toBe(200);
    await sleep(WITHIN_MS);
    expect(to(fan.chatId)).toHaveLength(1);
  });

  it('sends one message for two goals inside the hold window', async () => {
    const { fan, goal } = await kickedOff();
    await goal(30);
    await goal(31);
    await received(fan.chatId, 2);
    await sleep(HOLD_SECONDS * 1500);
    expect(to(fan.chatId)).toHaveLength(2);
    expect(texts(fan.chatId)[1]).toMatch(/30' Goal!.*1:0\n.*31' Goal!.*2:0/);
  });

  it('sends one correction when a judge removes a goal already told', async () => {
    const { m, fan, goal } = await kickedOff();
    const id = await goal(40);
    await received(fan.chatId, 2);
    // Half-time passed inside the same hold window as full time is not news any more.
    for (const step of [{ period: 'half_time' }, { period: 'second_half' }, { status: 'finished' }]) {
      expect((await op.req('POST', `/api/matches/${m.id}/state`, step)).status).toBe(200);
    }
    await received(fan.chatId, 3);
    expect(texts(fan.chatId)[2]).toContain(`Full time: ${m.homeClub.name} 1:0 ${m.awayClub.name}`);
    expect((await judge.req('DELETE', `/api/matches/${m.id}/events/${id}`)).status).toBe(200);
    await received(fan.chatId, 4);
    expect(texts(fan.chatId)[3]).toContain(`Correction: 40' ${m.homeClub.name} — goal ruled out. Score 0:0`);
    await sleep(HOLD_SECONDS * 1500);
    expect(to(fan.chatId)).toHaveLength(4);
  });

  it("obeys a 429's retry_after before trying that message again", async () => {
    const { fan, goal } = await kickedOff();
    let refused = false;
    telegram.script = (call) => {
      if (call.body.chat_id !== fan.chatId || refused) return undefined;
      refused = true;
      return tooManyRequests(2);
    };
    await goal(50);
    await until('the retry', () => to(fan.chatId).length >= 3, WITHIN_MS + 3000);
    const [refusedCall, retry] = to(fan.chatId).slice(1);
    expect(retry!.at - refusedCall!.at).toBeGreaterThanOrEqual(2000);
    expect(texts(fan.chatId)[2]).toContain("50' Goal!");
    await until('the retry recorded as sent', async () =>
      (await outboxOf(s.database.db, fan.recipientId)).every((r) => r.status === 'sent'),
    );
    telegram.script = undefined;
  });

  it('pauses a fan who blocked the bot and sends them nothing more', async () => {
    const { fan, goal } = await kickedOff();
    telegram.script = (call) => (call.body.chat_id === fan.chatId ? blockedByUser : undefined);
    await goal(60);
    await received(fan.chatId, 2);
    await until('the fan paused', async () => {
      const [r] = await s.database.db.select().from(notifyRecipients).where(eq(notifyRecipients.id, fan.recipientId));
      return r!.pausedAt !== null;
    });
    await goal(61);
    await sleep(WITHIN_MS);
    expect(to(fan.chatId)).toHaveLength(2);
    expect((await outboxOf(s.database.db, fan.recipientId)).map((r) => r.status)).toEqual(['sent', 'failed']);
    telegram.script = undefined;
  });
});
