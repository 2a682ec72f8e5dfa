/** The demo league's clubs: long names, and two clubs sharing an abbreviation (change note 0031, item 2). */
export const demoClubs = [
  { name: 'Спартак-Авангард Нижний Новгород', shortName: 'САВ', primaryColor: '#c8102e', homeGround: 'Стадион «Авангард»' },
  { name: 'Северная Звезда', shortName: 'СЗВ', primaryColor: '#1d4e89', homeGround: 'Манеж «Полярный»' },
  { name: 'Торпедо Лесной', shortName: 'ТОР', primaryColor: '#000000', homeGround: 'Стадион «Лесной»' },
  { name: 'Торпедо-Речник', shortName: 'ТОР', primaryColor: '#2a6f2b', homeGround: 'Поле «Речник»' },
  {
    name: 'Металлург Верхнеуральского района',
    shortName: 'МЕТ',
    primaryColor: '#6d6e71',
    homeGround: 'Стадион «Металлург»',
  },
  { name: 'Локомотив-Сортировочная', shortName: 'ЛОК', primaryColor: '#007a33', homeGround: 'Стадион «Сортировочная»' },
  { name: 'Олимп', shortName: 'ОЛИ', primaryColor: '#f2a900', homeGround: 'Школьный стадион №5' },
  {
    name: 'Академия футбола имени Константина Бескова',
    shortName: 'АКБ',
    primaryColor: '#5b2c83',
    homeGround: 'Академия, поле 2',
  },
];

export const firstNames = [
  'Александр', 'Дмитрий', 'Максим', 'Сергей', 'Андрей', 'Алексей', 'Артём', 'Илья', 'Кирилл', 'Михаил',
  'Никита', 'Матвей', 'Роман', 'Егор', 'Арсений', 'Иван', 'Денис', 'Евгений', 'Даниил', 'Тимофей',
];
export const lastNames = [
  'Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров',
  'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев',
  'Орлов', 'Андреев', 'Макаров', 'Никитин', 'Захаров',
];
export const positions = ['GK', 'DF', 'DF', 'DF', 'DF', 'MF', 'MF', 'MF', 'MF', 'FW', 'FW', 'GK', 'DF', 'MF', 'FW', 'MF', 'DF', 'FW'];

export const venuesData = ['Стадион «Авангард»', 'Манеж «Полярный»', 'Стадион «Лесной»', 'Поле «Речник»'];
export const refereesData = ['Виктор Карасёв', 'Сергей Иванов', 'Павел Кукуян'];
