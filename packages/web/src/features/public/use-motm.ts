import { useCallback, useEffect, useState } from 'react';
import type { MotmAnswer, MotmTally } from '@touchline/contract';
import type { ApiError } from '../../lib/api.ts';
import { api } from '../../lib/services.ts';
import { useSession } from '../../lib/session.ts';
import { useTopic } from '../../lib/use-topic.ts';

const path = (matchId: string) => `/matches/${encodeURIComponent(matchId)}`;

/**
 * The player-of-the-match vote of a finished match, kept live: REST for the fan's own vote, then every `motm` change
 * of `match:{id}` (the whole tally) laid over it. It reads again when the window closes, to show the winners.
 */
export function useMotm(matchId: string) {
  const token = useSession((s) => s.token);
  const [tally, setTally] = useState<MotmAnswer>();
  const [failed, setFailed] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    () =>
      api.request<MotmAnswer>('GET', `${path(matchId)}/motm`).then(
        (a) => setTally(a),
        (e: ApiError) => setFailed(e),
      ),
    [matchId],
  );
  useEffect(() => {
    void load();
  }, [load, token]);

  useTopic(`match:${matchId}`, {
    // A snapshot after a gap may have skipped tallies: read them again.
    onSnapshot: () => void load(),
    onPatch: (frame) => {
      const change = frame.changes.find((c) => c.entity === 'motm');
      const data = change?.data as MotmTally | undefined;
      if (data) setTally((current) => ({ ...data, ...(current?.myVote ? { myVote: current.myVote } : {}) }));
    },
  });

  const closesAt = tally?.open && tally.closesAt ? Date.parse(tally.closesAt) : undefined;
  useEffect(() => {
    if (closesAt === undefined) return;
    // setTimeout holds at most ~24.8 days; a vote is open for hours.
    const timer = setTimeout(() => void load(), Math.min(Math.max(0, closesAt - Date.now()) + 500, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [closesAt, load]);

  const vote = async (playerId: string) => {
    setBusy(true);
    setFailed(undefined);
    try {
      setTally(await api.request<MotmAnswer>('POST', `${path(matchId)}/motm-vote`, { playerId }));
    } catch (e) {
      setFailed(e as ApiError);
      void load();
    } finally {
      setBusy(false);
    }
  };

  return { tally, failed, busy, vote };
}
