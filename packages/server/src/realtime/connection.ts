import { randomUUID } from 'node:crypto';
import {
  BAD_FRAMES_PER_MINUTE,
  CloseCode,
  type ConnectionRole,
  type RealtimeErrorCode,
  type ServerFrame,
  SLOW_CONSUMER_BYTES,
} from '@touchline/contract';
import type { SocketAdapter, WireFrame } from './socket.ts';
import type { Subscription } from './subscription.ts';

const MINUTE = 60_000;

/** One client's protocol state: handshake, subscriptions, bad-frame budget and back-pressure. */
export class Connection {
  readonly id = randomUUID();
  state: 'awaiting_hello' | 'authenticating' | 'open' | 'closed' = 'awaiting_hello';
  role: ConnectionRole = 'anonymous';
  readonly subs = new Map<string, Subscription>();
  /** Frames that arrived while the token was being checked; handled right after welcome. */
  readonly held: string[] = [];
  missedPongs = 0;
  helloTimer: NodeJS.Timeout | undefined;
  private badFrames: number[] = [];

  constructor(
    private readonly socket: SocketAdapter,
    private readonly hooks: { gone(c: Connection): void; slow(): void },
  ) {}

  get closed(): boolean {
    return this.state === 'closed';
  }

  send(frame: WireFrame): void {
    if (this.closed) return;
    this.socket.send(frame);
    if (this.socket.bufferedAmount <= SLOW_CONSUMER_BYTES) return;
    this.hooks.slow();
    this.close(CloseCode.slowConsumer, 'slow_consumer');
  }

  frame(f: ServerFrame): void {
    this.send(JSON.stringify(f));
  }

  error(code: RealtimeErrorCode, topic?: string): void {
    this.frame({ type: 'error', code, ...(topic !== undefined ? { topic } : {}) });
  }

  /** Answers a bad frame; past the budget for the last minute, closes the connection. */
  badFrame(now: number): void {
    this.badFrames = this.badFrames.filter((t) => now - t < MINUTE);
    this.badFrames.push(now);
    if (this.badFrames.length > BAD_FRAMES_PER_MINUTE) this.close(CloseCode.tooManyBadFrames, 'too_many_bad_frames');
    else this.error('bad_message');
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
    clearTimeout(this.helloTimer);
    this.hooks.gone(this);
  }
}
