import type { CommittedPatch } from '../changes/patch.ts';

/** Where a topic's stream stands. */
export interface Position {
  epoch: string;
  seq: number;
}

/** A patch as a topic's stream handles it: a committed one, or the live card's patch derived from one. */
export interface Patch extends CommittedPatch {
  /** Commit time (ms since epoch) when the patch came straight from a write, for the fan-out latency metric. */
  committedAt?: number;
}

export interface Snapshot extends Position {
  data: unknown;
}

/** Past this many missed patches a snapshot is cheaper than a replay, so a resume gets one instead. */
export const REPLAY_LIMIT = 1000;

/** The storage behind one topic: its head, its snapshot and, where it has one, its log. */
export interface Feed {
  /**
   * Seq rises by exactly 1 per patch and every patch can be replayed, so a jump is provably a gap and a resume can
   * be answered with patches. The audit feed has holes in its ids; the live card has no log.
   */
  readonly contiguous: boolean;
  /** The current position, or undefined when the topic names nothing (no such match or season). */
  head(): Promise<Position | undefined>;
  snapshot(): Promise<Snapshot | undefined>;
  /** Every patch after `since` up to the head, or undefined when they cannot all be replayed. */
  replay(since: Position): Promise<{ head: Position; patches: Patch[] } | undefined>;
  /** Logged patches with `after < seq < before` (no upper bound without `before`), oldest first. */
  between(after: number, before?: number): Promise<Patch[]>;
}
