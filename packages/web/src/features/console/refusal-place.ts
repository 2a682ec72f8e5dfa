import type { CounterMetric, Side } from '@touchline/contract';
import { refersTo, type MatchView, type ViewEvent } from './optimistic.ts';
import type { OutboxItem } from './outbox.ts';

/** Where a refused write is explained: beside the control that made it, or at the top when that is gone. */
export type RefusalPlace =
  | { at: 'stat'; metric: CounterMetric }
  | { at: 'event'; eventId: string }
  | { at: 'side'; side: Side }
  | { at: 'period' }
  | { at: 'top' };

export function refusalPlace(item: OutboxItem, view: MatchView): RefusalPlace {
  if (item.matchId !== view.match.id) return { at: 'top' };
  const w = item.write;
  switch (w.kind) {
    case 'stats':
      return { at: 'stat', metric: w.body.metric };
    case 'state':
      return { at: 'period' };
    case 'event.create':
      return { at: 'side', side: w.body.side };
    case 'event.update':
    case 'event.delete': {
      const event = view.events.find((e) => refersTo(e, w.ref));
      return event ? { at: 'event', eventId: event.id } : { at: 'top' };
    }
  }
}

/** The refused writes to explain at one place. */
export const refusedAt = (items: readonly OutboxItem[], view: MatchView, where: (p: RefusalPlace) => boolean) =>
  items.filter((i) => where(refusalPlace(i, view)));

export const isStat = (metric: CounterMetric) => (p: RefusalPlace) => p.at === 'stat' && p.metric === metric;
export const isEvent = (e: ViewEvent) => (p: RefusalPlace) => p.at === 'event' && p.eventId === e.id;
export const isSide = (side: Side) => (p: RefusalPlace) => p.at === 'side' && p.side === side;
export const isPeriod = (p: RefusalPlace) => p.at === 'period';
export const isTop = (p: RefusalPlace) => p.at === 'top';
