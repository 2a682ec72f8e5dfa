import type { Db } from '../src/db/client.ts';
import { clubs, competitions, matches, seasons } from '../src/db/schema.ts';

/** A Telegram user as updates carry them. */
export const fanFrom = (id: number, languageCode?: string) => ({
  id,
  is_bot: false,
  first_name: `Fan ${id}`,
  ...(languageCode ? { language_code: languageCode } : {}),
});

let messageId = 1;

/** A private-chat message as Telegram sends it; a leading `/command` is marked as one, as the client does. */
export function messageUpdate(from: ReturnType<typeof fanFrom>, text: string) {
  const command = /^\/\w+/.exec(text);
  return {
    message: {
      message_id: messageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: from.id, type: 'private', first_name: from.first_name },
      from,
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
    },
  };
}

/** A tap on an inline button under a bot message in the fan's chat. */
export function callbackUpdate(from: ReturnType<typeof fanFrom>, data: string, onMessageId = 1000) {
  return {
    callback_query: {
      id: `cb${messageId++}`,
      from,
      chat_instance: `ci${from.id}`,
      data,
      message: {
        message_id: onMessageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: from.id, type: 'private', first_name: from.first_name },
        text: 'keyboard',
      },
    },
  };
}

export async function addClub(db: Db, name: string): Promise<number> {
  const [row] = await db
    .insert(clubs)
    .values({ name, shortName: name.slice(0, 3) })
    .returning({ id: clubs.id });
  return row!.id;
}

/** The inline keyboard of a Bot API call's body, as rows of buttons. */
export const keyboardOf = (body: Record<string, unknown>) =>
  (body.reply_markup as { inline_keyboard: { text: string; callback_data?: string; url?: string }[][] } | undefined)
    ?.inline_keyboard ?? [];

/** A scheduled match between two new clubs, straight in the tables: the bot only needs its names. */
export async function addMatch(db: Db, home: string, away: string): Promise<number> {
  const [competition] = await db
    .insert(competitions)
    .values({ name: 'Cup', type: 'league' })
    .returning({ id: competitions.id });
  const [season] = await db
    .insert(seasons)
    .values({ competitionId: competition!.id, name: '2026', format: 'round_robin' })
    .returning({ id: seasons.id });
  const [match] = await db
    .insert(matches)
    .values({
      seasonId: season!.id,
      homeClubId: await addClub(db, home),
      awayClubId: await addClub(db, away),
      kickoffAt: new Date(Date.now() + 86_400_000),
      epoch: 'test',
    })
    .returning({ id: matches.id });
  return match!.id;
}
