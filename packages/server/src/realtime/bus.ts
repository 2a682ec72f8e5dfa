import type { CommittedPatch } from '../changes/patch.ts';

/** One committed patch, as fanned out to every instance. */
export interface BusMessage extends CommittedPatch {
  /** Commit time (ms since epoch), for the fan-out latency metric. */
  committedAt: number;
  /** The instance that made the write; it has already delivered it to its own sockets. */
  origin: string;
}

export type BusHealth = 'ok' | 'down' | undefined;

/** Fan-out between server instances. Redis is never the source of truth: the change log is. */
export interface Bus {
  readonly instanceId: string;
  /** One write's messages, in order: they travel together (one Redis message per write, decision 049). */
  publish(...msgs: BusMessage[]): void;
  /** Messages from other instances (own messages are delivered locally by the publisher). */
  onMessage(handler: (msg: BusMessage) => void): void;
  /** Called when the bus comes back after an outage, so subscribers can catch up from the change log. */
  onRecover(handler: () => void): void;
  health(): BusHealth;
  close(): Promise<void>;
}

/**
 * The single-instance bus: there is no other instance to forward to or hear from, and the publisher delivers its own
 * messages, so every method does nothing.
 */
export class InProcessBus implements Bus {
  constructor(readonly instanceId: string) {}
  publish(): void {}
  onMessage(): void {}
  onRecover(): void {}
  health(): BusHealth {
    return undefined;
  }
  async close(): Promise<void> {}
}
