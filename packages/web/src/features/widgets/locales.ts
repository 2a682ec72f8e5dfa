/** The widget builder's words (ru first), loaded with its chunk (locale.ts). */
const ru = {
  title: 'Виджеты для сайта',
  intro:
    'Таблица, матчи и счёт в прямом эфире на сайте клуба или лиги: выберите виджет, настройте вид и вставьте код на свою страницу. Виджет обновляется сам.',
  kind: 'Виджет',
  kinds: {
    standings: 'Турнирная таблица',
    'club-fixtures': 'Матчи клуба',
    'season-fixtures': 'Матчи сезона',
    'club-live': 'Счёт клуба в прямом эфире',
    match: 'Трансляция матча',
  },
  season: 'Сезон',
  club: 'Клуб',
  match: 'Матч',
  choose: 'Выберите…',
  lang: 'Язык',
  theme: 'Тема',
  light: 'Светлая',
  dark: 'Тёмная',
  accent: 'Цвет акцента',
  compact: 'Компактный вид',
  preview: 'Предпросмотр',
  previewTitle: 'Предпросмотр виджета',
  snippet: 'Код для вставки',
  snippetHint: 'Вставьте эту строку в HTML страницы там, где должен появиться виджет.',
  copy: 'Скопировать код',
  copied: 'Код скопирован',
  copyFailed: 'Не удалось скопировать: выделите код и скопируйте вручную',
};

const en: typeof ru = {
  title: 'Widgets for your site',
  intro:
    'The table, matches and live score on a club’s or league’s website: pick a widget, set its look and paste the code into your page. The widget keeps itself up to date.',
  kind: 'Widget',
  kinds: {
    standings: 'Standings',
    'club-fixtures': 'Club matches',
    'season-fixtures': 'Season matches',
    'club-live': 'Club live score',
    match: 'Live match ticker',
  },
  season: 'Season',
  club: 'Club',
  match: 'Match',
  choose: 'Choose…',
  lang: 'Language',
  theme: 'Theme',
  light: 'Light',
  dark: 'Dark',
  accent: 'Accent colour',
  compact: 'Compact',
  preview: 'Preview',
  previewTitle: 'Widget preview',
  snippet: 'Code to paste',
  snippetHint: 'Paste this line into your page’s HTML where the widget should appear.',
  copy: 'Copy code',
  copied: 'Code copied',
  copyFailed: 'Could not copy: select the code and copy it by hand',
};

export const WIDGET_TEXTS = { ru, en };
