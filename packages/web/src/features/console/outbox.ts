import { openDB } from 'idb';
import type { EventFields, PatchEventBody, StateBody, StatsBody } from '@touchline/contract';

/** Which event a write touches: the server id once known, else the client id it was created with. */
export interface EventRef {
  id?: string;
  clientEventId?: string;
}

/** A write the operator made; the outbox item's clientEventId doubles as the event's clientEventId. */
export type Write =
  | { kind: 'event.create'; body: EventFields }
  | { kind: 'event.update'; ref: EventRef; body: PatchEventBody }
  | { kind: 'event.delete'; ref: EventRef }
  | { kind: 'stats'; body: StatsBody }
  | { kind: 'state'; body: StateBody };

export interface WriteError {
  status: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** Who made a write: only they may send it, so the audit log names the right person. */
export interface Author {
  id: string;
  name: string;
}

export interface OutboxItem {
  clientEventId: string;
  /** Absent on writes stored before authors were kept: anyone signed in sends those. */
  author?: Author;
  /** Send order, kept across reloads. */
  order: number;
  matchId: string;
  write: Write;
  createdAt: string;
  /** A refused write stays until the operator has seen its reason. */
  status: 'pending' | 'refused';
  error?: WriteError;
}

export interface OutboxStorage {
  load(): Promise<OutboxItem[]>;
  put(item: OutboxItem): Promise<void>;
  remove(clientEventId: string): Promise<void>;
}

const STORE = 'outbox';

/** The outbox in IndexedDB, so writes made offline survive a reload. */
export async function openOutboxStorage(name = 'touchline'): Promise<OutboxStorage> {
  const db = await openDB(name, 1, {
    upgrade(db) {
      db.createObjectStore(STORE, { keyPath: 'clientEventId' });
    },
  });
  return {
    load: async () => ((await db.getAll(STORE)) as OutboxItem[]).sort((a, b) => a.order - b.order),
    put: async (item) => void (await db.put(STORE, item)),
    remove: (clientEventId) => db.delete(STORE, clientEventId),
  };
}

/** Where IndexedDB cannot be opened (some private modes), the outbox still works for the page's lifetime. */
export function memoryOutboxStorage(): OutboxStorage {
  const items = new Map<string, OutboxItem>();
  return {
    load: async () => [...items.values()].sort((a, b) => a.order - b.order),
    put: async (item) => void items.set(item.clientEventId, item),
    remove: async (clientEventId) => void items.delete(clientEventId),
  };
}
