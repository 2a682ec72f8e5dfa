import type { Feed, Patch, Position } from '../src/realtime/feed.ts';

/**
 * A topic log in memory, the hub tests' stand-in for a real feed (it runs the Feed contract too). Reads take their
 * position when called and return when `gate` opens.
 */
export class MemoryFeed implements Feed {
  readonly contiguous = true;
  epoch = 'e1';
  log: Patch[] = [];
  gate: Promise<void> = Promise.resolve();
  failing = false;
  constructor(readonly topic: string) {}

  commit(): Patch {
    const p = { topic: this.topic, epoch: this.epoch, seq: this.log.length + 1, changes: [] };
    this.log.push(p);
    return p;
  }
  /** Holds every read until the returned function is called. */
  hold(): () => void {
    let open!: () => void;
    this.gate = new Promise((r) => (open = r));
    return () => open();
  }
  private async read<T>(value: T): Promise<T> {
    if (this.failing) throw new Error('database down');
    await this.gate;
    return value;
  }
  head() {
    return this.read<Position>({ epoch: this.epoch, seq: this.log.length });
  }
  snapshot() {
    return this.read({ epoch: this.epoch, seq: this.log.length, data: this.log.length });
  }
  replay(since: Position) {
    if (since.epoch !== this.epoch || since.seq > this.log.length) return this.read(undefined);
    return this.read({ head: { epoch: this.epoch, seq: this.log.length }, patches: this.log.slice(since.seq) });
  }
  between(after: number, before = Infinity) {
    return this.read(this.log.filter((p) => p.seq > after && p.seq < before));
  }
}
