import { useEffect, useState } from 'react';
import type { MatchSummary } from '@touchline/contract';
import { applyListPatch, upsertMatches } from './match-list.ts';
import { useTopic } from './use-topic.ts';

/**
 * A match list that stays current: loaded over REST, then kept live by the `live` topic.
 * `keep` says which matches belong on this screen as their status changes.
 */
export function useLiveList(load: () => Promise<MatchSummary[]>, keep: (m: MatchSummary) => boolean) {
  const [matches, setMatches] = useState<MatchSummary[]>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    load().then(
      (loaded) => live && setMatches((prev) => upsertMatches(prev ?? [], loaded).filter(keep)),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
    // Loaded once per screen; the topic keeps it current.
  }, []);
  useTopic('live', {
    onSnapshot: (card) => setMatches((prev) => upsertMatches(prev ?? [], card).filter(keep)),
    onPatch: (frame) => setMatches((prev) => applyListPatch(prev ?? [], frame).filter(keep)),
  });
  return { matches, failed: failed && !matches };
}
