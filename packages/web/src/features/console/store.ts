import { createStore } from 'zustand/vanilla';
import type { MatchSnapshot, PatchFrame } from '@touchline/contract';
import { ApiError, type Api } from '../../lib/api.ts';
import { backoffDelay } from '../../lib/backoff.ts';
import { applyNewPatch, newerSnapshot } from '../../lib/match-patch.ts';
import { defaultTimers, globalNetwork } from '../../lib/realtime/environment.ts';
import type { Network, Timers } from '../../lib/realtime/index.ts';
import { withLocalWrites, type LocalWrite, type MatchView } from './optimistic.ts';
import {
  memoryOutboxStorage,
  type EventRef,
  type Author,
  type OutboxItem,
  type OutboxStorage,
  type Write,
  type WriteError,
} from './outbox.ts';

/** A write the server accepted, kept over the view until the patch carrying its seq arrives. */
interface Acked extends LocalWrite {
  matchId: string;
  seq: number;
}

export interface ConsoleState {
  matchId?: string;
  /** The server's state of the open match, moved only by snapshots and patches. */
  snapshot?: MatchSnapshot;
  outbox: OutboxItem[];
  acked: Acked[];
  /** A 401 stopped the outbox; it resumes after sign-in. */
  paused: boolean;
  /** Who is signed in on this device; another person's writes wait for them (a shared phone). */
  author?: Author;
}

/** The client writes a patch carries: each tagged change, and a created event by the id it was made with. */
function writesIn(frame: PatchFrame): Set<string> {
  const ids = new Set<string>();
  for (const c of frame.changes) {
    if (c.clientEventId) ids.add(c.clientEventId);
    const made = c.entity === 'event' && c.op === 'created' ? c.data : undefined;
    if (made?.clientEventId) ids.add(made.clientEventId);
  }
  return ids;
}

/** Whether the signed-in person may send this write: their own, or one from before authors were kept. */
const sendable = (s: Pick<ConsoleState, 'author'>, item: OutboxItem) =>
  !item.author || !s.author || item.author.id === s.author.id;

export type ConsoleApi = Pick<Api, 'createEvent' | 'patchEvent' | 'deleteEvent' | 'postStats' | 'postState'>;

export interface ConsoleDeps {
  api: ConsoleApi;
  storage: OutboxStorage | Promise<OutboxStorage>;
  network?: Network;
  timers?: Pick<Timers, 'setTimeout' | 'clearTimeout' | 'now'>;
  random?: () => number;
  newId?: () => string;
  /** Who is signed in when the store starts, before the stored outbox is first sent. */
  author?: Author;
}

type Outcome = 'done' | 'retry' | 'paused';

const isTransient = (e: unknown) =>
  !(e instanceof ApiError) || e.status === 0 || e.status === 408 || e.status === 429 || e.status >= 500;

/**
 * A 404 to a delete, or to a resent create: the event was recorded and is gone now (another operator, or our
 * earlier try whose answer was lost). What was asked has happened, so the write is done.
 */
const gone = (e: unknown): undefined => {
  if (e instanceof ApiError && e.status === 404) return undefined;
  throw e;
};

/** Storage trouble (quota, a closed database) must never stop a write going out; it only loses reload safety. */
const safely = (p: Promise<unknown>) => p.catch(() => undefined);

const errorOf = (e: ApiError): WriteError => ({
  status: e.status,
  code: e.code,
  message: e.message,
  ...(e.details ? { details: e.details } : {}),
});

/**
 * The operator console's state: the server snapshot of the open match plus a persistent outbox.
 * Every write is stored before it is sent, sent strictly in order, retried on network and server errors,
 * and reconciled with the server's patches by its clientEventId or its acknowledged seq.
 */
export function createConsoleStore(deps: ConsoleDeps) {
  const timers = deps.timers ?? defaultTimers;
  const network = deps.network ?? globalNetwork();
  const random = deps.random ?? Math.random;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const storage = Promise.resolve(deps.storage).catch(() => memoryOutboxStorage());

  const store = createStore<ConsoleState>(() => ({
    outbox: [],
    acked: [],
    paused: false,
    ...(deps.author ? { author: deps.author } : {}),
  }));
  const { getState: get, setState: set } = store;

  let loaded = false;
  let flushing = false;
  let retryTimer: unknown;
  let retryAttempt = 0;
  let lastOrder = 0;
  /** Items not yet in IndexedDB must not be sent: a reload in between would lose them. */
  const unstored = new Set<string>();

  const replaceItem = (item: OutboxItem) =>
    set((s) => ({ outbox: s.outbox.map((i) => (i.clientEventId === item.clientEventId ? item : i)) }));

  async function refuse(item: OutboxItem, error: WriteError) {
    const refused: OutboxItem = { ...item, status: 'refused', error };
    await safely((await storage).put(refused));
    replaceItem(refused);
  }

  /** Later writes that name a just-created event by client id learn its server id, durably. */
  async function linkDependants(clientEventId: string, id: string) {
    const db = await storage;
    for (const item of get().outbox) {
      const w = item.write;
      if (
        (w.kind === 'event.update' || w.kind === 'event.delete') &&
        w.ref.clientEventId === clientEventId &&
        !w.ref.id
      ) {
        const linked: OutboxItem = { ...item, write: { ...w, ref: { ...w.ref, id } } };
        await safely(db.put(linked));
        replaceItem(linked);
      }
    }
  }

  function resolveEvent(item: OutboxItem, ref: EventRef): string | undefined {
    if (ref.id) return ref.id;
    const { snapshot } = get();
    if (snapshot?.match.id !== item.matchId) return undefined;
    return snapshot.events.find((e) => e.clientEventId === ref.clientEventId)?.id;
  }

  /** Sends one write; the answer's seq tells when the server's patch has caught up with it. */
  async function send(item: OutboxItem): Promise<number | undefined> {
    const { matchId, write } = item;
    switch (write.kind) {
      case 'event.create': {
        const answer = await deps.api
          .createEvent(matchId, { ...write.body, clientEventId: item.clientEventId })
          .catch(gone);
        if (!answer) return undefined;
        await linkDependants(item.clientEventId, answer.event.id);
        return answer.seq;
      }
      case 'event.update':
      case 'event.delete': {
        const id = resolveEvent(item, write.ref);
        // Its create was refused, so the server never had it: refused like a 409 from the server.
        if (!id) throw new ApiError(409, 'event_not_recorded', 'The event it changes was never recorded');
        const clientEventId = item.clientEventId;
        if (write.kind === 'event.update')
          return (await deps.api.patchEvent(matchId, id, { ...write.body, clientEventId })).seq;
        return (await deps.api.deleteEvent(matchId, id, clientEventId).catch(gone))?.seq;
      }
      // The client id makes a resend after a lost answer count once.
      case 'stats':
        return (await deps.api.postStats(matchId, { ...write.body, clientEventId: item.clientEventId })).seq;
      case 'state':
        return (await deps.api.postState(matchId, { ...write.body, clientEventId: item.clientEventId })).seq;
    }
  }

  async function deliver(item: OutboxItem): Promise<Outcome> {
    let seq: number | undefined;
    try {
      seq = await send(item);
    } catch (e) {
      if (isTransient(e)) return 'retry';
      const error = e as ApiError;
      if (error.status === 401) {
        set({ paused: true });
        return 'paused';
      }
      await refuse(item, errorOf(error));
      return 'done';
    }
    await safely((await storage).remove(item.clientEventId));
    set((s) => {
      const { matchId, clientEventId, createdAt, write } = item;
      const outbox = s.outbox.filter((i) => i.clientEventId !== clientEventId);
      // Its patch may have come first: then the write is retired already, or the snapshot holds its seq.
      const retired = outbox.length === s.outbox.length;
      if (seq === undefined || retired || (s.snapshot?.match.id === matchId && s.snapshot.seq >= seq))
        return { outbox };
      return { outbox, acked: [...s.acked, { matchId, clientEventId, createdAt, write, seq }] };
    });
    return 'done';
  }

  async function flush() {
    if (flushing || !loaded || retryTimer !== undefined || get().paused) return;
    flushing = true;
    try {
      while (network.online()) {
        const head = get().outbox.find((i) => i.status === 'pending' && sendable(get(), i));
        if (!head || unstored.has(head.clientEventId)) return;
        const outcome = await deliver(head);
        if (outcome === 'paused') return;
        if (outcome === 'retry') {
          retryTimer = timers.setTimeout(
            () => {
              retryTimer = undefined;
              void flush();
            },
            backoffDelay(retryAttempt++, random),
          );
          return;
        }
        retryAttempt = 0;
      }
    } finally {
      flushing = false;
    }
  }

  /** Try now: the network or the server is back, so any back-off wait is over. */
  function kick() {
    timers.clearTimeout(retryTimer);
    retryTimer = undefined;
    retryAttempt = 0;
    void flush();
  }

  /** Drops acknowledged writes the snapshot already contains, or all of them when the stream restarted. */
  function settle(snapshot: MatchSnapshot, previous: MatchSnapshot | undefined): Acked[] {
    const restarted = previous !== undefined && previous.epoch !== snapshot.epoch;
    return get().acked.filter((a) => a.matchId !== snapshot.match.id || (!restarted && a.seq > snapshot.seq));
  }

  /** A write its patch has shown needs no resend after a reload. */
  async function retireStored(landed: ReadonlySet<string>) {
    const db = await storage;
    for (const id of landed) await safely(db.remove(id));
  }

  network.watch((up) => up && kick());

  const ready = storage
    .then((db) => db.load())
    .catch((): OutboxItem[] => [])
    .then(async (stored) => {
      const known = new Set(stored.map((i) => i.clientEventId));
      const outbox = [...stored, ...get().outbox.filter((i) => !known.has(i.clientEventId))].sort(
        (a, b) => a.order - b.order,
      );
      lastOrder = Math.max(lastOrder, ...outbox.map((i) => i.order));
      set({ outbox });
      loaded = true;
      await flush();
    });

  return {
    store,
    /** Resolves once the stored outbox is loaded and its first flush has run. */
    ready,
    kick,

    open(matchId: string) {
      if (get().matchId === matchId) return;
      set({ matchId, snapshot: undefined });
    },

    /** From the stream or from REST; an older copy of the same stream never replaces a newer one. */
    receiveSnapshot(incoming: MatchSnapshot) {
      const current = get().snapshot;
      if (incoming.match.id !== get().matchId) return;
      const snapshot = newerSnapshot(current, incoming);
      if (snapshot !== current) set({ snapshot, acked: settle(snapshot, current) });
    },

    receivePatch(frame: PatchFrame) {
      const current = get().snapshot;
      if (!current || frame.topic !== `match:${current.match.id}`) return;
      const snapshot = applyNewPatch(current, frame);
      if (snapshot === current) return;
      const landed = writesIn(frame);
      set((s) => ({
        snapshot,
        acked: settle(snapshot, current).filter((a) => !landed.has(a.clientEventId)),
        outbox: s.outbox.filter((i) => i.status !== 'pending' || !landed.has(i.clientEventId)),
      }));
      void retireStored(landed);
    },

    /** Stores the write, shows it at once, and sends it when it is its turn. Returns its clientEventId. */
    async enqueue(matchId: string, write: Write): Promise<string> {
      const clientEventId = newId();
      lastOrder = Math.max(timers.now(), lastOrder + 1);
      const item: OutboxItem = {
        clientEventId,
        order: lastOrder,
        matchId,
        write,
        createdAt: new Date(timers.now()).toISOString(),
        status: 'pending',
        ...(get().author ? { author: get().author } : {}),
      };
      unstored.add(clientEventId);
      set((s) => ({ outbox: [...s.outbox, item] }));
      await safely((async () => (await storage).put(item))());
      unstored.delete(clientEventId);
      void flush();
      return clientEventId;
    },

    /** The operator has read why a write was refused; only now does it leave the outbox. */
    async dismiss(clientEventId: string) {
      await safely((await storage).remove(clientEventId));
      set((s) => ({ outbox: s.outbox.filter((i) => i.clientEventId !== clientEventId) }));
    },

    /** After signing in (again, or as someone else): sends what this person has waiting. */
    resume(author?: Author) {
      set({ paused: false, author });
      kick();
    },

    /** Another person's unsent writes, dropped once the one holding the phone has confirmed it. */
    async discardHeld() {
      const held = selectHeld(get());
      const db = await storage;
      for (const item of held) await safely(db.remove(item.clientEventId));
      const gone = new Set(held.map((i) => i.clientEventId));
      set((s) => ({ outbox: s.outbox.filter((i) => !gone.has(i.clientEventId)) }));
    },
  };
}

export const selectPendingCount = (s: ConsoleState) =>
  s.outbox.filter((i) => i.status === 'pending' && sendable(s, i)).length;
/** Writes someone else made on this device and has not sent: they wait for that person to sign in. */
export const selectHeld = (s: ConsoleState) => s.outbox.filter((i) => i.status === 'pending' && !sendable(s, i));
export const selectRefused = (s: ConsoleState) => s.outbox.filter((i) => i.status === 'refused');

/** A memoised view selector: the same inputs give the same object, as useSyncExternalStore needs. */
export function createViewSelector() {
  let last:
    (Pick<ConsoleState, 'outbox' | 'acked' | 'author'> & { snapshot: MatchSnapshot; view: MatchView }) | undefined;
  return (s: ConsoleState): MatchView | undefined => {
    const { snapshot, outbox, acked, author } = s;
    if (!snapshot) return undefined;
    if (last?.snapshot === snapshot && last.outbox === outbox && last.acked === acked && last.author === author)
      return last.view;
    const matchId = snapshot.match.id;
    const writes: LocalWrite[] = [
      ...acked.filter((a) => a.matchId === matchId),
      ...outbox.filter((i) => i.matchId === matchId && i.status === 'pending' && sendable(s, i)),
    ];
    const view = withLocalWrites(snapshot, writes);
    last = { snapshot, outbox, acked, author, view };
    return view;
  };
}
