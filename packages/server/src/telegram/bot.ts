import { Bot, type Context, InlineKeyboard } from 'grammy';
import { NOTIFY_KINDS, REMINDER_CHOICES, REMINDER_MINUTES } from '@touchline/contract';
import type { Db } from '../db/client.ts';
import {
  follow,
  followsOf,
  pauseRecipient,
  resumeRecipient,
  setKinds,
  setReminder,
  unfollow,
} from '../notify/recipients.ts';
import { notifyRecipients } from '../db/schema.ts';
import { eq } from 'drizzle-orm';
import { type Action, decodeAction, decodeStartPayload, encodeAction } from './callbacks.ts';
import { type Fan, fanOf } from './fan.ts';
import { matchButton } from './match-button.ts';
import { clubList, namedTarget, namedTargets, type Target } from './targets.ts';
import { type BotTexts, botTexts } from './texts.ts';

export interface BotDeps {
  db: Db;
  token: string;
  apiRoot: string;
  publicUrl: string | undefined;
}

type Reply = { text: string; keyboard?: InlineKeyboard };

/** The fans' bot (docs/decisions/036): commands in private chats only; groups and channels are ignored. */
export function createBot(deps: BotDeps): Bot {
  const { db, publicUrl } = deps;
  const bot = new Bot(deps.token, { client: { apiRoot: deps.apiRoot } });
  const privateChats = bot.chatType('private');

  const fanIn = async (ctx: Context): Promise<(Fan & { t: BotTexts }) | undefined> => {
    const fan = await fanOf(db, ctx.from!, ctx.chat!.id);
    if (!fan) {
      await ctx.reply(botTexts.en.refused);
      return undefined;
    }
    return { ...fan, t: botTexts[fan.locale] };
  };
  // Plain text always (no parse_mode), so a club's name can never become markup.
  const send = (ctx: Context, r: Reply) => ctx.reply(r.text, r.keyboard ? { reply_markup: r.keyboard } : {});

  const followed = (t: BotTexts, target: Target): Reply => {
    if (target.target === 'club') return { text: t.followedClub(target.name) };
    const keyboard = matchButton(publicUrl, target.id, t.openMatch, 'web_app');
    return { text: t.followedMatch(target.name), ...(keyboard ? { keyboard } : {}) };
  };

  privateChats.command('start', async (ctx) => {
    const fan = await fanIn(ctx);
    if (!fan) return;
    const [row] = await db
      .select({ pausedAt: notifyRecipients.pausedAt })
      .from(notifyRecipients)
      .where(eq(notifyRecipients.id, fan.recipientId));
    await resumeRecipient(db, fan.recipientId);
    const wanted = decodeStartPayload(ctx.match);
    const target = wanted && (await namedTarget(db, wanted.target, wanted.id));
    if (target) await follow(db, fan.recipientId, target.target, target.id);
    await send(ctx, { text: row?.pausedAt ? fan.t.resumed : fan.t.welcome });
    if (wanted) await send(ctx, target ? followed(fan.t, target) : { text: fan.t.unknownTarget });
  });

  privateChats.command('follow', async (ctx) => {
    const fan = await fanIn(ctx);
    if (!fan) return;
    const clubs = await clubList(db);
    if (clubs.length === 0) return void (await send(ctx, { text: fan.t.noClubs }));
    await send(ctx, { text: fan.t.chooseClub, keyboard: buttons(clubs, 'follow') });
  });

  privateChats.command('unfollow', async (ctx) => {
    const fan = await fanIn(ctx);
    if (!fan) return;
    const current = await namedTargets(db, await followsOf(db, fan.recipientId));
    if (current.length === 0) return void (await send(ctx, { text: fan.t.noFollows }));
    await send(ctx, { text: fan.t.chooseUnfollow, keyboard: buttons(current, 'unfollow') });
  });

  privateChats.command('settings', async (ctx) => {
    const fan = await fanIn(ctx);
    if (!fan) return;
    await send(ctx, { text: fan.t.settings, keyboard: settingsKeyboard(fan.t, await settingsOf(db, fan.recipientId)) });
  });

  // The WebApp's requestWriteAccess, granted: Telegram tells the bot, not the page (decision 035), and fanOf
  // records that the chat may be written to.
  privateChats.on('message:write_access_allowed', async (ctx) => {
    await fanOf(db, ctx.from, ctx.chat.id);
  });

  privateChats.command('stop', async (ctx) => {
    const fan = await fanIn(ctx);
    if (!fan) return;
    await pauseRecipient(db, fan.recipientId, 'stopped');
    await send(ctx, { text: fan.t.stopped });
  });

  privateChats.on('callback_query:data', async (ctx) => {
    const fan = await fanIn(ctx);
    const action = decodeAction(ctx.callbackQuery.data);
    if (!fan || !action) return void (await ctx.answerCallbackQuery());
    await onButton(ctx, fan, action);
  });

  const onButton = async (ctx: Context, fan: Fan & { t: BotTexts }, action: Action) => {
    if (action.do === 'toggle' || action.do === 'reminder') {
      const current = await settingsOf(db, fan.recipientId);
      if (action.do === 'toggle') {
        const kinds = new Set(current.kinds);
        if (!kinds.delete(action.kind)) kinds.add(action.kind);
        const chosen = NOTIFY_KINDS.filter((k) => kinds.has(k));
        await setKinds(db, fan.recipientId, chosen);
        current.kinds = chosen;
      } else {
        current.reminderMinutes = action.minutes;
        await setReminder(db, fan.recipientId, action.minutes);
      }
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup({ reply_markup: settingsKeyboard(fan.t, current) });
      return;
    }
    const target = await namedTarget(db, action.target, action.id);
    if (!target) return void (await ctx.answerCallbackQuery({ text: fan.t.unknownTarget }));
    if (action.do === 'follow') {
      await follow(db, fan.recipientId, target.target, target.id);
      await ctx.answerCallbackQuery();
      await send(ctx, followed(fan.t, target));
    } else {
      await unfollow(db, fan.recipientId, target.target, target.id);
      await ctx.answerCallbackQuery();
      await send(ctx, { text: fan.t.unfollowed(target.name) });
    }
  };

  return bot;
}

async function settingsOf(db: Db, recipientId: number): Promise<Settings> {
  const [row] = await db
    .select({ kinds: notifyRecipients.kinds, reminderMinutes: notifyRecipients.reminderMinutes })
    .from(notifyRecipients)
    .where(eq(notifyRecipients.id, recipientId));
  return row ?? { kinds: [], reminderMinutes: REMINDER_MINUTES.default };
}

interface Settings {
  kinds: string[];
  reminderMinutes: number;
}

/** Two buttons a row; a button's label is plain text, so names are safe in it. */
function buttons(targets: Target[], act: 'follow' | 'unfollow'): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  targets.forEach((t, i) => {
    keyboard.text(t.name, encodeAction({ do: act, target: t.target, id: t.id }));
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard;
}

/** A row per kind to toggle, then the reminder's lead times, three a row, the current one ticked. */
function settingsKeyboard(t: BotTexts, { kinds, reminderMinutes }: Settings): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const kind of NOTIFY_KINDS) {
    keyboard.text(`${kinds.includes(kind) ? '✅' : '▫️'} ${t.kind(kind)}`, encodeAction({ do: 'toggle', kind })).row();
  }
  REMINDER_CHOICES.forEach((minutes, i) => {
    const label = `${minutes === reminderMinutes ? '✅ ' : ''}${t.leadTime(minutes)}`;
    keyboard.text(label, encodeAction({ do: 'reminder', minutes }));
    if (i % 3 === 2) keyboard.row();
  });
  return keyboard;
}
