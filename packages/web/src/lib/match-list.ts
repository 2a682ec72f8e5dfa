import type { MatchSummary, PatchFrame } from '@touchline/contract';

const byKickoff = (a: MatchSummary, b: MatchSummary) =>
  a.kickoffAt.localeCompare(b.kickoffAt) || Number(a.id) - Number(b.id);

/** Puts each incoming match in place of the one with its id; a match listed twice (live and today) is kept once. */
export function upsertMatches(list: readonly MatchSummary[], incoming: readonly MatchSummary[]): MatchSummary[] {
  const fresh = new Map(incoming.map((m) => [m.id, m]));
  return [...list.filter((m) => !fresh.has(m.id)), ...fresh.values()].sort(byKickoff);
}

/** Applies `match` changes of a list topic (`live`): upsert by id, or remove. */
export function applyListPatch(list: readonly MatchSummary[], frame: PatchFrame): MatchSummary[] {
  let next = [...list];
  for (const c of frame.changes) {
    if (c.entity !== 'match') continue;
    const data = c.data;
    const id = c.id ?? data?.id;
    next = next.filter((m) => m.id !== id);
    if (c.op !== 'deleted' && data) next.push(data);
  }
  return next.sort(byKickoff);
}

/** Live matches first, then the rest by kick-off. */
export function liveFirst(list: readonly MatchSummary[]): MatchSummary[] {
  const live = list.filter((m) => m.status === 'live');
  return [...live, ...list.filter((m) => m.status !== 'live')];
}
