import type { Notice, NoticeItem } from './deliver.ts';

const WORDS = {
  ru: {
    kickoff: 'Матч начался',
    goal: 'Гол',
    red_card: 'Красная карточка',
    half_time: 'Перерыв',
    full_time: 'Матч окончен',
    lineups: 'Составы опубликованы',
    reminder: 'Скоро начало',
    correction: 'Исправление',
  },
  en: {
    kickoff: 'Kick-off',
    goal: 'Goal',
    red_card: 'Red card',
    half_time: 'Half-time',
    full_time: 'Full time',
    lineups: 'Lineups published',
    reminder: 'Kick-off soon',
    correction: 'Correction',
  },
} as const;

const line = (item: NoticeItem, locale: 'ru' | 'en') => {
  const word = WORDS[locale][item.kind];
  if (item.kind === 'goal') return `${word} ${item.minute}′${item.scorer ? ` ${item.scorer}` : ''}`;
  if (item.kind === 'red_card') return `${word} ${item.minute}′${item.player ? ` ${item.player}` : ''}`;
  return word;
};

/** A notice as plain text in the recipient's language, only the kinds they chose (and corrections); null if none. */
export function renderNotice(
  notice: Notice,
  locale: 'ru' | 'en',
  kinds: readonly string[],
): { title: string; lines: string[] } | null {
  const items = notice.items.filter((i) => i.kind === 'correction' || kinds.includes(i.kind));
  if (items.length === 0) return null;
  const { home, away, score } = notice.match;
  return { title: `${home} ${score.home}:${score.away} ${away}`, lines: items.map((i) => line(i, locale)) };
}
