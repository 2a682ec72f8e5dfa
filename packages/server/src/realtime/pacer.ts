/** A stream whose crowd is served a slice at a time (`TopicStream` of a paced topic). */
export interface Paced {
  /** Serves up to `budget` members what is pending; returns how many it served. */
  step(budget: number): number;
  /** Something is still to be served. */
  readonly pending: boolean;
}

/**
 * Members served per turn of the event loop. At 25–50 µs a socket write on the benchmark machine, a slice holds the
 * loop for a few milliseconds, so a match patch arriving meanwhile waits that long, not for a whole crowd.
 */
export const PACED_SLICE = 100;

/**
 * Serves the crowds of paced topics (`live`, the Today page) in slices, each in its own turn of the event loop after
 * whatever I/O is waiting, so the match crowds, whose fans wait on the score, go first (decision 051). A crowd's
 * patches that pile up meanwhile reach each member together, in one write.
 */
export class Pacer {
  private readonly waiting = new Set<Paced>();
  private scheduled = false;

  constructor(private readonly slice = PACED_SLICE) {}

  want(stream: Paced): void {
    this.waiting.add(stream);
    this.schedule();
  }

  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.turn());
  }

  private turn() {
    this.scheduled = false;
    let budget = this.slice;
    for (const s of this.waiting) {
      if (budget <= 0) break;
      budget -= s.step(budget);
      if (!s.pending) this.waiting.delete(s);
    }
    if (this.waiting.size) this.schedule();
  }
}
