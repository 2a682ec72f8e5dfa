/**
 * What a widget address means (decision 045): the widget and its ids from the path, the look from the query. The
 * widget pages, the builder and /embed.js all read and write addresses through this module, so they agree.
 */

export type WidgetKind = 'standings' | 'club-fixtures' | 'season-fixtures' | 'club-live' | 'match';

export const WIDGET_KINDS: readonly WidgetKind[] = [
  'standings',
  'club-fixtures',
  'season-fixtures',
  'club-live',
  'match',
];

/** Which id a widget is about. */
export const WIDGET_SUBJECT: Record<WidgetKind, 'season' | 'club' | 'match'> = {
  standings: 'season',
  'club-fixtures': 'club',
  'season-fixtures': 'season',
  'club-live': 'club',
  match: 'match',
};

export interface WidgetOptions {
  lang: 'ru' | 'en';
  theme: 'light' | 'dark';
  /** A `#rrggbb` colour, or undefined for the league's green. */
  accent?: string;
  compact: boolean;
}

export interface WidgetAddress {
  kind: WidgetKind;
  id: string;
  /** Standings only: one group of the season. */
  groupId?: string;
}

const ID = '([1-9][0-9]{0,9})';
const PATHS: [RegExp, WidgetKind][] = [
  [new RegExp(`^/embed/standings/${ID}/?$`), 'standings'],
  [new RegExp(`^/embed/club/${ID}/fixtures/?$`), 'club-fixtures'],
  [new RegExp(`^/embed/season/${ID}/fixtures/?$`), 'season-fixtures'],
  [new RegExp(`^/embed/club/${ID}/live/?$`), 'club-live'],
  [new RegExp(`^/embed/match/${ID}/?$`), 'match'],
];

const isId = (s: string | null): s is string => s !== null && /^[1-9][0-9]{0,9}$/.test(s);

/** `#abc` or `#aabbcc` (the `#` optional) as `#aabbcc`; anything else is no colour, so it never reaches CSS. */
export function parseAccent(raw: string | null | undefined): string | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(raw?.trim() ?? '');
  if (!m) return undefined;
  const hex = m[1]!.toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`;
}

/** The widget a path names, or undefined for an address that names none. */
export function parseWidgetPath(pathname: string, search: string): WidgetAddress | undefined {
  for (const [re, kind] of PATHS) {
    const m = re.exec(pathname);
    if (!m) continue;
    const groupId = new URLSearchParams(search).get('groupId');
    return { kind, id: m[1]!, ...(kind === 'standings' && isId(groupId) ? { groupId } : {}) };
  }
  return undefined;
}

/** The look asked for; unknown or malformed values fall back to the defaults. */
export function parseWidgetOptions(search: string): WidgetOptions {
  const q = new URLSearchParams(search);
  const accent = parseAccent(q.get('accent'));
  return {
    lang: q.get('lang') === 'en' ? 'en' : 'ru',
    theme: q.get('theme') === 'dark' ? 'dark' : 'light',
    ...(accent ? { accent } : {}),
    compact: q.get('compact') === '1',
  };
}

function widgetPath(a: WidgetAddress): string {
  switch (a.kind) {
    case 'standings':
      return `/embed/standings/${a.id}`;
    case 'club-fixtures':
      return `/embed/club/${a.id}/fixtures`;
    case 'season-fixtures':
      return `/embed/season/${a.id}/fixtures`;
    case 'club-live':
      return `/embed/club/${a.id}/live`;
    case 'match':
      return `/embed/match/${a.id}`;
  }
}

/** The query a widget's look needs; defaults are left out so addresses stay short. */
function widgetQuery(a: WidgetAddress, o: WidgetOptions): URLSearchParams {
  const q = new URLSearchParams();
  if (a.kind === 'standings' && a.groupId) q.set('groupId', a.groupId);
  if (o.lang !== 'ru') q.set('lang', o.lang);
  if (o.theme !== 'light') q.set('theme', o.theme);
  const accent = parseAccent(o.accent);
  if (accent) q.set('accent', accent.slice(1));
  if (o.compact) q.set('compact', '1');
  return q;
}

/** The iframe address of a widget on `origin`. */
export function widgetUrl(origin: string, a: WidgetAddress, o: WidgetOptions): string {
  const q = widgetQuery(a, o).toString();
  return `${origin}${widgetPath(a)}${q ? `?${q}` : ''}`;
}

/** The one-line script tag a site pastes: /embed.js reads these data attributes back (dataAttributes below). */
export function widgetSnippet(origin: string, a: WidgetAddress, o: WidgetOptions): string {
  const attrs = [`data-widget="${a.kind}"`, `data-${WIDGET_SUBJECT[a.kind]}="${a.id}"`];
  for (const [k, v] of widgetQuery(a, o)) attrs.push(`data-${k.toLowerCase() === 'groupid' ? 'group' : k}="${v}"`);
  return `<script src="${origin}/embed.js" ${attrs.join(' ')} async></script>`;
}
