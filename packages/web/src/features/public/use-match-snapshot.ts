import { useEffect, useState } from 'react';
import type { MatchSnapshot } from '@touchline/contract';
import { applyNewPatch, newerSnapshot } from '../../lib/match-patch.ts';
import { api } from '../../lib/services.ts';
import { useTopic } from '../../lib/use-topic.ts';
import type { ApiError } from '../../lib/api.ts';

/** A match kept live: REST for a fast first paint, then `match:{id}`'s snapshot and each patch in order. */
export function useMatchSnapshot(matchId: string) {
  const [snapshot, setSnapshot] = useState<MatchSnapshot>();
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    api.match(matchId).then((s) => setSnapshot((current) => newerSnapshot(current, s)), setError);
  }, [matchId]);
  useTopic(`match:${matchId}`, {
    onSnapshot: (data) => setSnapshot((current) => newerSnapshot(current, data)),
    onPatch: (frame) => setSnapshot((s) => (s ? applyNewPatch(s, frame) : s)),
  });
  const current = snapshot?.match.id === matchId ? snapshot : undefined;
  return { snapshot: current, error: current ? undefined : error };
}
