import { randomUUID } from 'node:crypto';
import {
  BAD_FRAMES_PER_MINUTE,
  CloseCode,
  type ConnectionRole,
  type RealtimeErrorCode,
  type ServerFrame,
  SLOW_CONSUMER_BYTES,
} from '@touchline/contract';
import type { Account } from './rights.ts';
import type { SocketAdapter, WireFrame } from './socket.ts';
import type { Subscription } from './subscription.ts';

const MINUTE = 60_000;
/** Frames kept for a connection whose rights are being checked; past this it is treated as a slow consumer. */
const MAX_HELD_OUTBOUND = 1000;

/** One client's protocol state: handshake, subscriptions, bad-frame budget and back-pressure. */
export class Connection {
  readonly id = randomUUID();
  state: 'awaiting_hello' | 'authenticating' | 'open' | 'closed' = 'awaiting_hello';
  role: ConnectionRole = 'anonymous';
  /** The account the token names; undefined for an anonymous client. */
  account: Account | undefined;
  readonly subs = new Map<string, Subscription>();
  /** Frames that arrived while the token was being checked; handled right after welcome. */
  readonly held: string[] = [];
  missedPongs = 0;
  helloTimer: NodeJS.Timeout | undefined;
  /** Fires when the token expires. */
  expiryTimer: NodeJS.Timeout | undefined;
  private badFrames: number[] = [];
  /** Outgoing frames held while the account's rights are re-checked; undefined when not held. */
  private outbound: WireFrame[] | undefined;
  /** Checks under way that hold the frames; they overlap when a change and a bus recovery meet. */
  private holds = 0;
  /** Batches under way (`batch`, `batchUntil`): the frames pile up until they end, so back-pressure is judged once, after. */
  private batching = 0;

  constructor(
    private readonly socket: SocketAdapter,
    private readonly hooks: { gone(c: Connection): void; slow(): void },
  ) {}

  get closed(): boolean {
    return this.state === 'closed';
  }

  send(frame: WireFrame): void {
    if (this.closed) return;
    if (this.outbound) {
      this.outbound.push(frame);
      if (this.outbound.length > MAX_HELD_OUTBOUND) this.tooSlow();
      return;
    }
    this.socket.send(frame);
    if (!this.batching && this.socket.bufferedAmount > SLOW_CONSUMER_BYTES) this.tooSlow();
  }

  /**
   * Frames sent by `send` go out in one write (a resume's `subscribed` and patches, a fan's pending `live` patches:
   * one syscall instead of one per frame, decisions 050 and 051); the slow-consumer rule is applied once, after.
   */
  batch(send: () => void): void {
    const end = this.gather();
    try {
      send();
    } finally {
      end();
    }
  }

  /** `batch` for the frames sent until `done` settles: a `welcome` and the answers to what came with the `hello`. */
  async batchUntil(done: () => Promise<unknown>): Promise<void> {
    const end = this.gather();
    try {
      await done();
    } finally {
      end();
    }
  }

  private gather(): () => void {
    if (this.closed) return () => undefined;
    this.batching++;
    const write = this.socket.gather();
    return () => {
      write();
      if (--this.batching === 0 && !this.closed && this.socket.bufferedAmount > SLOW_CONSUMER_BYTES) this.tooSlow();
    };
  }

  /** Holds every outgoing frame until `release` (rights still held) or `revoke` (lost). */
  hold(): void {
    this.holds++;
    this.outbound ??= [];
  }

  release(): void {
    this.holds = Math.max(0, this.holds - 1);
    if (this.holds > 0) return;
    const held = this.outbound ?? [];
    this.outbound = undefined;
    for (const frame of held) this.send(frame);
  }

  /** The token or its account no longer holds: nothing held is sent, and the client is told why. */
  revoke(): void {
    this.holds = 0;
    this.outbound = undefined;
    this.error('invalid_token');
    this.close(CloseCode.invalidToken, 'invalid_token');
  }

  frame(f: ServerFrame): void {
    this.send(JSON.stringify(f));
  }

  error(code: RealtimeErrorCode, topic?: string): void {
    this.frame({ type: 'error', code, ...(topic !== undefined ? { topic } : {}) });
  }

  /**
   * Answers a bad frame, or a subscription to a topic that names nothing (each may have cost a read); past the
   * budget for the last minute, closes the connection.
   */
  badFrame(now: number, code: 'bad_message' | 'unknown_topic' = 'bad_message', topic?: string): void {
    this.badFrames = this.badFrames.filter((t) => now - t < MINUTE);
    this.badFrames.push(now);
    if (this.badFrames.length > BAD_FRAMES_PER_MINUTE) this.close(CloseCode.tooManyBadFrames, 'too_many_bad_frames');
    else this.error(code, topic);
  }

  private tooSlow() {
    this.hooks.slow();
    this.close(CloseCode.slowConsumer, 'slow_consumer');
  }

  ping(): void {
    this.socket.ping();
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.socket.close(code, reason);
    this.gone();
  }

  terminate(): void {
    if (this.closed) return;
    this.socket.terminate();
    this.gone();
  }

  /** The transport closed, or we closed it: nothing more is sent and the subscriptions end. */
  gone(): void {
    if (this.closed) return;
    this.state = 'closed';
    this.outbound = undefined;
    clearTimeout(this.helloTimer);
    clearTimeout(this.expiryTimer);
    this.hooks.gone(this);
  }
}
