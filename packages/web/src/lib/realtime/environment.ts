import type { Network, Timers } from './types.ts';

export const defaultTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
  now: () => Date.now(),
};

interface EventHost {
  navigator?: { onLine?: boolean };
  addEventListener?: (type: string, fn: () => void) => void;
  removeEventListener?: (type: string, fn: () => void) => void;
}

/** The browser's online/offline signal; in Node there is none, so the network is always "up". */
export function globalNetwork(host: EventHost = globalThis as EventHost): Network {
  return {
    online: () => host.navigator?.onLine !== false,
    watch(onChange) {
      if (!host.addEventListener || !host.removeEventListener) return () => undefined;
      const up = () => onChange(true);
      const down = () => onChange(false);
      host.addEventListener('online', up);
      host.addEventListener('offline', down);
      return () => {
        host.removeEventListener!('online', up);
        host.removeEventListener!('offline', down);
      };
    },
  };
}
