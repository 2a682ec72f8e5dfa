import type { MatchStatus, Period } from '@touchline/contract';

/**
 * The widgets' own few texts, ru first: the app's locale files come with i18next, which would double a widget's
 * size (decision 045).
 */
const ru = {
  standings: 'Турнирная таблица',
  fixtures: 'Матчи',
  club: 'Клуб',
  played: 'И',
  won: 'В',
  drawn: 'Н',
  lost: 'П',
  goals: 'Мячи',
  points: 'О',
  noMatches: 'Матчей нет',
  noMatch: 'Ближайших матчей нет',
  notFound: 'Не найдено',
  offline: 'Нет связи, обновления придут после восстановления',
  poweredBy: 'Touchline',
  status: {
    scheduled: 'Не начат',
    live: 'Идёт',
    finished: 'Завершён',
    postponed: 'Перенесён',
    cancelled: 'Отменён',
  } satisfies Record<MatchStatus, string>,
  period: {
    first_half: '1-й тайм',
    half_time: 'Перерыв',
    second_half: '2-й тайм',
    extra_time_first: 'Доп. время, 1',
    extra_time_break: 'Перерыв',
    extra_time_second: 'Доп. время, 2',
    penalties: 'Пенальти',
  } satisfies Record<Period, string>,
  ownGoal: 'автогол',
  penalty: 'пен.',
  yellow: 'Жёлтая карточка',
  red: 'Красная карточка',
  goal: 'Гол',
  shootout: 'Серия пенальти',
};

const en: typeof ru = {
  standings: 'Standings',
  fixtures: 'Matches',
  club: 'Club',
  played: 'P',
  won: 'W',
  drawn: 'D',
  lost: 'L',
  goals: 'Goals',
  points: 'Pts',
  noMatches: 'No matches',
  noMatch: 'No upcoming matches',
  notFound: 'Not found',
  offline: 'Offline: updates will follow when the connection is back',
  poweredBy: 'Touchline',
  status: {
    scheduled: 'Scheduled',
    live: 'Live',
    finished: 'Full time',
    postponed: 'Postponed',
    cancelled: 'Cancelled',
  },
  period: {
    first_half: '1st half',
    half_time: 'Half time',
    second_half: '2nd half',
    extra_time_first: 'Extra time, 1',
    extra_time_break: 'Break',
    extra_time_second: 'Extra time, 2',
    penalties: 'Penalties',
  },
  ownGoal: 'own goal',
  penalty: 'pen.',
  yellow: 'Yellow card',
  red: 'Red card',
  goal: 'Goal',
  shootout: 'Shootout',
};

export type Texts = typeof ru;
export const TEXTS: Record<'ru' | 'en', Texts> = { ru, en };
