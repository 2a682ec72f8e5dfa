import type { Change, ChangeOf, MatchSnapshot, PatchFrame } from '@touchline/contract';

function applyEventChange(s: MatchSnapshot, c: ChangeOf<'event'>): MatchSnapshot {
  const id = c.id ?? c.data?.id;
  if (c.op === 'deleted') return { ...s, events: s.events.filter((e) => e.id !== id) };
  const data = c.data;
  if (!data) return s;
  const at = s.events.findIndex((e) => e.id === id);
  if (at < 0) return { ...s, events: [...s.events, data] };
  // Replaced, not merged: an edit that clears a player must clear it here too.
  return { ...s, events: s.events.map((e, i) => (i === at ? data : e)) };
}

/** One case per entity a match topic carries; standings, audit, news, predictions and vote changes are not part of
 * a match snapshot. */
function applyChange(s: MatchSnapshot, c: Change): MatchSnapshot {
  switch (c.entity) {
    case 'event':
      return applyEventChange(s, c);
    case 'stats':
      return c.data ? { ...s, stats: c.data } : s;
    case 'match':
      return c.data ? { ...s, match: c.data } : s;
    case 'lineup':
      return c.data ? { ...s, lineups: { ...s.lineups, [c.data.side]: c.data.entries } } : s;
    case 'standings':
    case 'audit':
    case 'news':
    case 'predictions':
    case 'motm':
      return s;
  }
}

/** Applies one `match:{id}` patch to a snapshot (docs/protocol.md §9.5); the caller has already checked the seq. */
export function applyPatch(snapshot: MatchSnapshot, frame: PatchFrame): MatchSnapshot {
  const next = frame.changes.reduce(applyChange, snapshot);
  return { ...next, epoch: frame.epoch, seq: frame.seq };
}

/** The newer of two copies of a match stream (say REST and the socket); another match or a new epoch always wins. */
export function newerSnapshot(current: MatchSnapshot | undefined, incoming: MatchSnapshot): MatchSnapshot {
  const sameStream = current?.match.id === incoming.match.id && current.epoch === incoming.epoch;
  return sameStream && incoming.seq < current.seq ? current : incoming;
}

/** Applies a patch unless the snapshot already contains it. */
export function applyNewPatch(snapshot: MatchSnapshot, frame: PatchFrame): MatchSnapshot {
  return frame.epoch === snapshot.epoch && frame.seq <= snapshot.seq ? snapshot : applyPatch(snapshot, frame);
}
