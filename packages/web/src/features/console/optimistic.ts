import type { MatchEvent, MatchSnapshot, PatchEventBody, SideStats, StatsBody } from '@touchline/contract';
import { applyCounterChange, checkTransition, reduceEvents, scoreOf, shootoutOf } from '@touchline/domain';
import type { EventRef, Write } from './outbox.ts';

export interface ViewEvent extends MatchEvent {
  /** Shown before the server has confirmed it. */
  pending?: boolean;
}

export interface MatchView extends MatchSnapshot {
  events: ViewEvent[];
}

export interface LocalWrite {
  clientEventId: string;
  createdAt: string;
  write: Write;
}

const PENDING_ID_PREFIX = 'pending:';

/** A pending event is known by its client id until the server has given it one. */
export const refOf = (e: ViewEvent): EventRef =>
  e.id.startsWith(PENDING_ID_PREFIX)
    ? { clientEventId: e.clientEventId! }
    : { id: e.id, ...(e.clientEventId ? { clientEventId: e.clientEventId } : {}) };

export const refersTo = (e: MatchEvent, ref: EventRef) =>
  (ref.id !== undefined && e.id === ref.id) ||
  (ref.clientEventId !== undefined && e.clientEventId === ref.clientEventId);

/** A player field as a write states it: an id names the player, null clears the field, absent leaves it. */
function setPlayer(e: ViewEvent, key: 'playerId' | 'relatedPlayerId', value: string | null | undefined) {
  if (value === null) delete e[key];
  else if (value !== undefined) e[key] = value;
}

/** An edit laid over the event as the server applies a PATCH (docs/protocol.md §5): named fields replace, null clears. */
function patchEvent(e: ViewEvent, body: PatchEventBody): ViewEvent {
  const { expectedSeq: _seq, clientEventId: _write, playerId, relatedPlayerId, ...fields } = body;
  const next: ViewEvent = { ...e, ...fields };
  setPlayer(next, 'playerId', playerId);
  setPlayer(next, 'relatedPlayerId', relatedPlayerId);
  return next;
}

/** The server's counter rule; a ± it would refuse changes nothing here either. */
const bumpStats = (stats: SideStats, b: StatsBody): SideStats => ({
  ...stats,
  [b.side]: applyCounterChange(stats[b.side], b.metric, b.delta),
});

function applyWrite(view: MatchView, { clientEventId, createdAt, write }: LocalWrite): MatchView {
  switch (write.kind) {
    case 'event.create': {
      if (view.events.some((e) => e.clientEventId === clientEventId)) return view; // the server has it
      const { playerId, relatedPlayerId, ...fields } = write.body;
      const event: ViewEvent = {
        ...fields,
        id: PENDING_ID_PREFIX + clientEventId,
        clientEventId,
        createdAt,
        createdBy: '',
        pending: true,
      };
      setPlayer(event, 'playerId', playerId);
      setPlayer(event, 'relatedPlayerId', relatedPlayerId);
      return { ...view, events: [...view.events, event] };
    }
    case 'event.update':
      return {
        ...view,
        events: view.events.map((e) => (refersTo(e, write.ref) ? { ...patchEvent(e, write.body), pending: true } : e)),
      };
    case 'event.delete':
      return { ...view, events: view.events.filter((e) => !refersTo(e, write.ref)) };
    case 'stats':
      return { ...view, stats: bumpStats(view.stats, write.body) };
    case 'state': {
      const { match } = view;
      const to = {
        ...(write.body.status ? { status: write.body.status } : {}),
        ...(write.body.period ? { period: write.body.period } : {}),
      };
      const result = checkTransition('admin', { status: match.status, period: match.period ?? null }, to);
      if (!result.ok) return view;
      return { ...view, match: { ...match, status: result.next.status, period: result.next.period ?? undefined } };
    }
  }
}

/**
 * The screen's view of a match: the server snapshot with the local writes laid over it in order.
 * Score, shootout and card counts are derived from the events, so an optimistic goal moves the score too.
 */
export function withLocalWrites(snapshot: MatchSnapshot, writes: readonly LocalWrite[]): MatchView {
  const view = writes.reduce<MatchView>(applyWrite, snapshot);
  const tally = reduceEvents(view.events);
  return {
    ...view,
    match: { ...view.match, score: scoreOf(tally), shootout: shootoutOf(tally) },
    stats: {
      home: { ...view.stats.home, yellow_cards: tally.home.yellowCards, red_cards: tally.home.redCards },
      away: { ...view.stats.away, yellow_cards: tally.away.yellowCards, red_cards: tally.away.redCards },
    },
  };
}
