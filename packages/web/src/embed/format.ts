import type { MatchSummary } from '@touchline/contract';
import { readClock } from '../lib/clock.ts';
import type { Texts } from './texts.ts';

/** The league's time zone, which the server writes into the page as it does for the app. */
export function leagueTimeZone(): string | undefined {
  return document.querySelector<HTMLMetaElement>('meta[name="touchline-timezone"]')?.content || undefined;
}

export function kickoffText(iso: string, lang: 'ru' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: leagueTimeZone(),
  }).format(new Date(iso));
}

/** "2 : 1", with the shootout when there was one; a dash before kick-off. */
export function scoreText(m: MatchSummary): string {
  if (m.status === 'scheduled' || m.status === 'postponed' || m.status === 'cancelled') return '–';
  const pens = m.shootout ? ` (${m.shootout.home} : ${m.shootout.away})` : '';
  return `${m.score.home} : ${m.score.away}${pens}`;
}

/** Where a match stands: the running clock and period while live, else its status. */
export function stateText(m: MatchSummary, t: Texts, now: number): string {
  if (m.status !== 'live' || !m.period) return t.status[m.status];
  const clock = readClock(m, now);
  return clock?.display ? `${t.period[m.period]} · ${clock.display}` : t.period[m.period];
}
