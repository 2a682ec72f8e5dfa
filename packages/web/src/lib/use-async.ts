import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api.ts';

export interface AsyncState<T> {
  data?: T;
  error?: ApiError;
  loading: boolean;
  reload: () => void;
  /** Updates from a live topic, which may come before the first load does. */
  mutate: (update: (data: T | undefined) => T) => void;
}

/** Loads data for a screen, again whenever `deps` change or `reload` is called. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<Omit<AsyncState<T>, 'reload' | 'mutate'>>({ loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (e: unknown) =>
        live &&
        setState((s) => ({
          ...s,
          loading: false,
          error: e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e)),
        })),
    );
    return () => {
      live = false;
    };
    // The caller names the dependencies, as with useEffect.
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const mutate = useCallback(
    (update: (data: T | undefined) => T) => setState((s) => ({ ...s, data: update(s.data), error: undefined })),
    [],
  );
  return { ...state, reload, mutate };
}
