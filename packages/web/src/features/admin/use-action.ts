import { type FormEvent, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/api.ts';

export interface Action<A extends unknown[]> {
  run: (...args: A) => Promise<boolean>;
  busy: boolean;
  error?: ApiError;
  /** The last success message, until the next run. */
  done?: string;
  reset: () => void;
}

/**
 * One write from a form: busy while it runs, the server's refusal kept for the form to show, a success note after.
 * Nothing fails silently: any throw becomes an ApiError the screen renders.
 */
export function useAction<A extends unknown[]>(fn: (...args: A) => Promise<string | void>): Action<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const ref = useRef(fn);
  useLayoutEffect(() => {
    ref.current = fn;
  });
  const run = useCallback(async (...args: A) => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const message = await ref.current(...args);
      setDone(message || undefined);
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'unknown', e instanceof Error ? e.message : String(e)));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  const reset = useCallback(() => {
    setError(undefined);
    setDone(undefined);
  }, []);
  return { run, busy, error, done, reset };
}

/** A form's onSubmit that runs the action instead of navigating. */
export const submitting = (action: Action<[]>) => (e: FormEvent) => {
  e.preventDefault();
  void action.run();
};
