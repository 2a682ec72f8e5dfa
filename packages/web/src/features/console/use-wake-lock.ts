import { useEffect } from 'react';

/**
 * Keeps the screen on while `active` (a live match): the lock is requested, taken again when the page becomes
 * visible (the browser drops it when the page is hidden), and released when `active` ends or the desk closes.
 * Where the API is missing or refuses (battery saver), the console simply works without it.
 */
export function useWakeLock(active: boolean) {
  useEffect(() => {
    const api = navigator.wakeLock;
    if (!active || !api) return;
    let lock: WakeLockSentinel | undefined;
    let closed = false;
    const acquire = () => {
      if (document.visibilityState !== 'visible' || (lock && !lock.released)) return;
      api.request('screen').then(
        (got) => (closed ? void got.release() : (lock = got)),
        () => undefined,
      );
    };
    acquire();
    document.addEventListener('visibilitychange', acquire);
    return () => {
      closed = true;
      document.removeEventListener('visibilitychange', acquire);
      void lock?.release();
    };
  }, [active]);
}

/** A short buzz that says "recorded" to a hand that is not looking; nothing where vibration is missing. */
export const buzz = () => navigator.vibrate?.(40);
