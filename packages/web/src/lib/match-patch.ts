import type {
  Change,
  LineupEntry,
  MatchEvent,
  MatchSnapshot,
  MatchSummary,
  PatchFrame,
  SideStats,
  Side,
} from '@touchline/contract';

type Apply = (snapshot: MatchSnapshot, change: Change) => MatchSnapshot;

function applyEventChange(s: MatchSnapshot, c: Change): MatchSnapshot {
  const data = c.data as MatchEvent | undefined;
  const id = c.id ?? data?.id;
  if (c.op === 'deleted') return { ...s, events: s.events.filter((e) => e.id !== id) };
  if (!data) return s;
  const at = s.events.findIndex((e) => e.id === id);
  if (at < 0) return { ...s, events: [...s.events, data] };
  // Replaced, not merged: an edit that clears a player must clear it here too.
  return { ...s, events: s.events.map((e, i) => (i === at ? data : e)) };
}

/** One row per entity a match topic carries; standings and audit changes are not part of a match snapshot. */
const byEntity: Record<Change['entity'], Apply> = {
  event: applyEventChange,
  stats: (s, c) => (c.data ? { ...s, stats: c.data as SideStats } : s),
  match: (s, c) => (c.data ? { ...s, match: c.data as MatchSummary } : s),
  lineup: (s, c) => {
    const data = c.data as { side: Side; entries: LineupEntry[] } | undefined;
    return data ? { ...s, lineups: { ...s.lineups, [data.side]: data.entries } } : s;
  },
  standings: (s) => s,
  audit: (s) => s,
};

/** Applies one `match:{id}` patch to a snapshot (docs/protocol.md §9.5); the caller has already checked the seq. */
export function applyPatch(snapshot: MatchSnapshot, frame: PatchFrame): MatchSnapshot {
  const next = frame.changes.reduce((s, c) => byEntity[c.entity](s, c), snapshot);
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
