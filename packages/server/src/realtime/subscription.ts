import type { Position } from './feed.ts';
import type { WireFrame } from './socket.ts';
import type { Delivery, Member, TopicStream } from './stream.ts';

interface Owner {
  send(frame: WireFrame): void;
  batch(sends: () => void): void;
  fail(err: unknown): void;
  resubscribe(topic: string, since: Position | undefined): void;
  release(sub: Subscription): void;
}

/**
 * One connection on one topic. Until its snapshot or replay is sent, the patches the stream delivers wait in a
 * buffer; `start` then sends the ones after the loaded position. From there on it sends each seq once, in order.
 */
export class Subscription implements Member {
  active = true;
  /** The position the client has reached; undefined while the snapshot or replay is loading. */
  private at: Position | undefined;
  private buffer: Delivery[] = [];

  constructor(
    readonly stream: TopicStream,
    private readonly owner: Owner,
  ) {}

  get topic() {
    return this.stream.topic;
  }

  start(head: Position): void {
    this.at = { ...head };
    const waiting = this.buffer;
    this.buffer = [];
    for (const d of waiting) if (this.active) this.offer(d.seq, d.frame);
  }

  backfill(deliveries: readonly Delivery[]): void {
    if (deliveries.length) this.buffer = [...deliveries, ...this.buffer].sort((a, b) => a.seq - b.seq);
  }

  batch(offers: () => void): void {
    this.owner.batch(offers);
  }

  offer(seq: number, frame: WireFrame): boolean {
    if (!this.active) return false;
    if (!this.at) {
      this.buffer.push({ seq, frame });
      return false;
    }
    if (seq <= this.at.seq) return false;
    // Cannot happen while the stream fills its gaps; should it, a resume repairs it rather than skip a patch.
    if (this.stream.feed.contiguous && seq > this.at.seq + 1) {
      this.resume();
      return false;
    }
    this.at.seq = seq;
    this.owner.send(frame);
    return true;
  }

  resume(): void {
    if (this.active) this.owner.resubscribe(this.topic, this.at);
  }

  fail(err: unknown): void {
    if (this.active) this.owner.fail(err);
  }

  end(): void {
    if (!this.active) return;
    this.active = false;
    this.buffer = [];
    this.owner.release(this);
  }
}
