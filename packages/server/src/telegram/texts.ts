import type { NotifyKind } from '@touchline/contract';

export type Locale = 'ru' | 'en';

/** The bot speaks Russian to Russian-reading users and to those Telegram gives no language for, English to others. */
export function localeOf(languageCode: string | undefined): Locale {
  if (!languageCode) return 'ru';
  return /^(ru|uk|be|kk)\b/i.test(languageCode) ? 'ru' : 'en';
}

const kindNames: Record<Locale, Record<NotifyKind, string>> = {
  ru: {
    kickoff: 'Начало матча',
    goal: 'Голы',
    red_card: 'Красные карточки',
    half_time: 'Перерыв',
    full_time: 'Итог матча',
    lineups: 'Составы',
    reminder: 'Напоминание перед матчем',
  },
  en: {
    kickoff: 'Kick-off',
    goal: 'Goals',
    red_card: 'Red cards',
    half_time: 'Half-time',
    full_time: 'Full time',
    lineups: 'Lineups',
    reminder: 'Reminder before kick-off',
  },
};

/** Everything the bot says. Names of clubs and matches are passed in and sent as plain text, never as markup. */
export const botTexts = {
  ru: {
    welcome:
      'Привет! Я пришлю новости матчей клубов, на которые вы подпишетесь. /follow — подписаться, /settings — что присылать, /stop — пауза.',
    resumed: 'С возвращением! Уведомления снова включены.',
    followedClub: (name: string) => `Вы подписаны на клуб «${name}».`,
    followedMatch: (name: string) => `Вы подписаны на матч ${name}.`,
    unknownTarget: 'Не нашёл такой клуб или матч.',
    chooseClub: 'Выберите клуб:',
    noClubs: 'В лиге пока нет клубов.',
    chooseUnfollow: 'От чего отписаться?',
    noFollows: 'Вы ни на что не подписаны. /follow — подписаться.',
    unfollowed: (name: string) => `Вы отписались от «${name}».`,
    settings: 'Что присылать? Нажмите, чтобы включить или выключить. Ниже — за сколько напомнить о матче.',
    stopped: 'Уведомления на паузе, подписки сохранены. /start — включить снова.',
    refused: 'Этот аккаунт Telegram не может пользоваться ботом.',
    openMatch: 'Открыть матч',
    kind: (k: NotifyKind) => kindNames.ru[k],
    leadTime: (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60} ч` : `${minutes} мин`),
  },
  en: {
    welcome:
      'Hi! I will send you news of the matches of the clubs you follow. /follow to follow, /settings to choose what to hear, /stop to pause.',
    resumed: 'Welcome back! Notifications are on again.',
    followedClub: (name: string) => `You follow ${name}.`,
    followedMatch: (name: string) => `You follow the match ${name}.`,
    unknownTarget: 'No such club or match.',
    chooseClub: 'Choose a club:',
    noClubs: 'The league has no clubs yet.',
    chooseUnfollow: 'What should I stop sending?',
    noFollows: 'You follow nothing yet. /follow to follow a club.',
    unfollowed: (name: string) => `You no longer follow ${name}.`,
    settings: 'What should I send you? Tap to turn on or off. Below: how long before kick-off to remind you.',
    stopped: 'Notifications are paused; your follows are kept. /start to turn them on again.',
    refused: 'This Telegram account cannot use the bot.',
    openMatch: 'Open the match',
    kind: (k: NotifyKind) => kindNames.en[k],
    leadTime: (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`),
  },
} satisfies Record<Locale, unknown>;

export type BotTexts = (typeof botTexts)[Locale];
