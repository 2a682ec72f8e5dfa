import type { MatchSnapshot, MatchSummary } from '@touchline/contract';
import type { App } from './harness.ts';

const localDay = (d: string | Date) => new Date(d).toLocaleDateString('en-CA', { timeZone: 'Europe/Moscow' });

/** Today's demo matches: scheduled league ones (with lineups), the live one, and the cup knockout. */
export async function today(app: App) {
  const { matches } = (await app.api('GET', '/api/matches')).body as { matches: MatchSummary[] };
  const todays = matches.filter((m) => localDay(m.kickoffAt) === localDay(new Date()));
  return {
    league: todays.filter((m) => m.competition.type === 'league' && m.status === 'scheduled'),
    live: todays.filter((m) => m.status === 'live'),
    cup: todays.find((m) => m.competition.type === 'cup')!,
  };
}

export async function snapshot(app: App, id: string): Promise<MatchSnapshot> {
  return (await app.api('GET', `/api/matches/${id}`)).body;
}

/** Drives a match through the API, as another operator's phone would. */
export function driver(app: App, token: string, id: string) {
  const call = async (method: string, url: string, body?: unknown) => {
    const res = await app.api(method, url, body, token);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  return {
    state: (body: object) => call('POST', `/api/matches/${id}/state`, body),
    event: (body: object) => call('POST', `/api/matches/${id}/events`, body),
    stat: (body: object) => call('POST', `/api/matches/${id}/stats`, body),
  };
}
