import type { LabelLanguage } from '@touchline/domain';

/** The words on the share cards, in the reader's language (`?lang=`, the league's by default). */
export const cardTexts = {
  ru: {
    finished: 'Матч завершён',
    live: 'Идёт матч',
    kickoff: (time: string) => `Начало в ${time}`,
    postponed: 'Матч перенесён',
    cancelled: 'Матч отменён',
    shootout: (h: number, a: number) => `пен. ${h}:${a}`,
    ownGoal: 'а. г.',
    penalty: 'пен.',
    unknownPlayer: 'Игрок не указан',
    lineup: 'Состав',
    starters: 'Основной состав',
    substitutes: 'Запасные',
    noLineup: 'Состав ещё не опубликован',
    table: 'Турнирная таблица',
    columns: { played: 'И', goals: 'Мячи', points: 'О' },
  },
  en: {
    finished: 'Full time',
    live: 'Live',
    kickoff: (time: string) => `Kick-off ${time}`,
    postponed: 'Postponed',
    cancelled: 'Cancelled',
    shootout: (h: number, a: number) => `pens ${h}–${a}`,
    ownGoal: 'og',
    penalty: 'pen',
    unknownPlayer: 'Unknown player',
    lineup: 'Lineup',
    starters: 'Starting eleven',
    substitutes: 'Substitutes',
    noLineup: 'The lineup is not published yet',
    table: 'Standings',
    columns: { played: 'P', goals: 'Goals', points: 'Pts' },
  },
} satisfies Record<LabelLanguage, unknown>;

export type CardTexts = (typeof cardTexts)[LabelLanguage];
