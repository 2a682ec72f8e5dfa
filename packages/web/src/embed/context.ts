import type { ClubRef, MatchSummary } from '@touchline/contract';
import type { RealtimeClient } from '../lib/realtime/index.ts';
import type { WidgetOptions } from './options.ts';
import type { Texts } from './texts.ts';

/** What every widget is handed: where to draw, in which language and look, and the live connection. */
export interface WidgetContext {
  root: HTMLElement;
  t: Texts;
  options: WidgetOptions;
  realtime: RealtimeClient;
  /** Draws the "not found" state, for an id the server does not know. */
  notFound(): void;
}

export const clubName = (c: ClubRef, o: WidgetOptions) => (o.compact ? c.shortName : c.name);

/** The address of a match on this site, for the widget's links (opened outside the host page). */
export const matchHref = (m: MatchSummary) => `${location.origin}/matches/${m.id}`;

/** Reads a public list; undefined when the server refuses it (an unknown id). */
export async function readJson<T>(path: string): Promise<T | undefined> {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  return res.ok ? ((await res.json()) as T) : undefined;
}

/** Puts a newer copy of a match into a list (or drops it), kept in kick-off order. */
export function upsertMatch(list: MatchSummary[], m: MatchSummary | undefined, deletedId?: string): MatchSummary[] {
  const rest = list.filter((x) => x.id !== (m?.id ?? deletedId));
  return m ? [...rest, m].sort((a, b) => a.kickoffAt.localeCompare(b.kickoffAt) || Number(a.id) - Number(b.id)) : rest;
}
