import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { api } from '../../lib/services.ts';
import { useTopic } from '../../lib/use-topic.ts';
import { consoleStore } from './instance.ts';
import { createViewSelector, selectHeld, selectPendingCount, selectRefused } from './store.ts';

/** The open match as the console shows it: live from `match:{id}`, with the local outbox laid over it. */
export function useConsoleMatch(matchId: string) {
  useEffect(() => consoleStore.open(matchId), [matchId]);
  useEffect(() => {
    // REST first, so a blocked WebSocket still shows the match; the stream's snapshot supersedes it.
    api.match(matchId).then(consoleStore.receiveSnapshot, () => undefined);
  }, [matchId]);
  useTopic(`match:${matchId}`, {
    onSnapshot: consoleStore.receiveSnapshot,
    onPatch: consoleStore.receivePatch,
  });
  const selectView = useMemo(createViewSelector, []);
  const view = useStore(consoleStore.store, selectView);
  return { view: view?.match.id === matchId ? view : undefined };
}

export function useOutboxStatus() {
  const pending = useStore(consoleStore.store, selectPendingCount);
  const refused = useStore(consoleStore.store, useShallow(selectRefused));
  const held = useStore(consoleStore.store, useShallow(selectHeld));
  return { pending, refused, held };
}
