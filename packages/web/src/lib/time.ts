const DEFAULT_TIME_ZONE = 'Europe/Moscow';

/** The league's zone: a meta tag in index.html the server may rewrite, so nothing is fetched for it. */
export function leagueTimeZone(): string {
  if (typeof document === 'undefined') return DEFAULT_TIME_ZONE;
  const meta = document.querySelector<HTMLMetaElement>('meta[name="touchline-timezone"]');
  return meta?.content || DEFAULT_TIME_ZONE;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: string, opts: Intl.DateTimeFormatOptions, timeZone = leagueTimeZone()) {
  const key = `${lang}|${timeZone}|${JSON.stringify(opts)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(lang, { ...opts, timeZone })));
  return f;
}

/** "сб, 25 нояб., 18:00" in the league's zone. */
export const formatKickoff = (iso: string, lang: string) =>
  formatter(lang, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );

export const formatTime = (iso: string, lang: string) =>
  formatter(lang, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** The calendar day (YYYY-MM-DD) of an instant in the league's zone. */
export const leagueDay = (at: Date | string, timeZone = leagueTimeZone()) =>
  formatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }, timeZone).format(new Date(at));

export const HOUR_MS = 3_600_000;

/** The start of the UTC hour `ms` falls in. */
export const wholeHour = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;

/** "1 апреля 2026 г." for a calendar date (YYYY-MM-DD), which has no zone of its own. */
export const formatDay = (date: string, lang: string) =>
  formatter(lang, { day: 'numeric', month: 'long', year: 'numeric' }, 'UTC').format(new Date(`${date}T00:00:00Z`));
