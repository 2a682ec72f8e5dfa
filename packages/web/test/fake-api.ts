import type { MatchSnapshot } from '@touchline/contract';
import { ApiError } from '../src/lib/api.ts';
import type { ConsoleApi } from '../src/features/console/store.ts';

type Method = keyof ConsoleApi;
export interface Call {
  method: Method;
  args: unknown[];
}

/** A scripted server: answers in order, or with the failures queued for a method. */
export function fakeApi(snap: () => MatchSnapshot) {
  const calls: Call[] = [];
  const failures: Partial<Record<Method, (ApiError | Error)[]>> = {};
  let seq = snap().seq;
  let nextId = 500;
  let hold: Promise<void> | undefined;
  let beforeAnswer: ((call: Call) => void | Promise<void>) | undefined;

  const answer = async <T>(method: Method, args: unknown[], ok: () => T): Promise<T> => {
    const call = { method, args };
    calls.push(call);
    await beforeAnswer?.(call);
    if (hold) await hold;
    const failure = failures[method]?.shift();
    if (failure) throw failure;
    return ok();
  };

  const api: ConsoleApi = {
    createEvent: (matchId, body) =>
      answer('createEvent', [matchId, body], () => ({
        event: { ...body, id: String(nextId++), createdAt: new Date().toISOString(), createdBy: '3' } as never,
        seq: ++seq,
      })),
    patchEvent: (matchId, id, body) =>
      answer('patchEvent', [matchId, id, body], () => ({ event: { id } as never, seq: ++seq })),
    deleteEvent: (matchId, id, clientEventId) =>
      answer('deleteEvent', [matchId, id, clientEventId], () => ({ seq: ++seq })),
    postStats: (matchId, body) => answer('postStats', [matchId, body], () => ({ stats: snap().stats, seq: ++seq })),
    postState: (matchId, body) => answer('postState', [matchId, body], () => ({ match: snap().match, seq: ++seq })),
  };

  return {
    api,
    calls,
    methods: () => calls.map((c) => c.method),
    fail(method: Method, ...errors: (ApiError | Error)[]) {
      (failures[method] ??= []).push(...errors);
    },
    /** Holds every answer until the returned release is called. */
    hold() {
      let release!: () => void;
      hold = new Promise((r) => (release = r));
      return () => {
        hold = undefined;
        release();
      };
    },
    onCall(fn: (call: Call) => void | Promise<void>) {
      beforeAnswer = fn;
    },
  };
}

export const serverError = () => new ApiError(503, 'not_ready', 'Service unavailable');
export const networkError = () => new ApiError(0, 'network_error', 'Failed to fetch');

/** Timers the test fires by hand. */
export function manualTimers() {
  let now = Date.parse('2025-11-25T15:20:00Z');
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  return {
    timers: {
      setTimeout: (fn: () => void, ms: number) => {
        pending.set(next, { fn, ms });
        return next++;
      },
      clearTimeout: (h: unknown) => void pending.delete(h as number),
      now: () => now,
    },
    delays: () => [...pending.values()].map((p) => p.ms),
    fire() {
      const [id, t] = [...pending][0]!;
      pending.delete(id);
      now += t.ms;
      t.fn();
    },
  };
}

/** Waits until the async outbox work (IndexedDB, answers) has made `check` true. */
export async function until(check: () => boolean, ms = 2000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 2));
  }
}
