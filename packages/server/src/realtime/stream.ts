import type { Feed, Patch, Position, Snapshot } from './feed.ts';
import type { Paced, Pacer } from './pacer.ts';
import type { WireFrame } from './socket.ts';

export interface Delivery {
  seq: number;
  frame: WireFrame;
}

/** A patch in the recent window, with when it entered it. */
interface Kept extends Delivery {
  keptAt: number;
}

/** A patch of a paced stream on its way to the members, with how many it was sent to. */
interface Outgoing extends Delivery {
  patch: Patch;
  frames: number;
}

/** A change-log replay under way, shared by every member resuming from `from` or later meanwhile. */
interface SharedReplay {
  from: Position;
  read: Promise<{ head: Position; patches: Delivery[] } | undefined>;
  /** Patches delivered since the read began, so a member joining it misses none of them. */
  since: Delivery[];
  /** Set once the read succeeded: ends the sharing when no member has joined for a while. */
  expiry?: NodeJS.Timeout;
}

/** A subscriber as its topic's stream sees it. */
export interface Member {
  /** One patch, already serialised; the member decides whether it is new to it. True when it was sent. */
  offer(seq: number, frame: WireFrame): boolean;
  /** The stream cannot go on (its log could not be read). */
  fail(err: unknown): void;
  /** The topic started a new epoch: the member subscribes again from where it stands. */
  resume(): void;
  /** Patches delivered before the member joined that it may still need (see `snapshot`). */
  backfill(deliveries: readonly Delivery[]): void;
  /** Runs `offers` so that what they send goes out in one write. */
  batch(offers: () => void): void;
}

/**
 * The recent window: patches kept in memory per topic, so a client that lost its connection a moment ago resumes
 * without a read (decision 048). Bounded by count and by age; the hub keeps an idle topic's stream as long.
 */
export const RECENT_PATCHES = 128;
export const RECENT_MS = 60_000;
/**
 * A finished replay stays shareable until no member has joined it for this long (and while the patches delivered
 * since it began fit the window), so a crowd whose reconnects spread over seconds still costs one read per topic.
 */
export const REPLAY_SHARED_MS = 5_000;

export const patchFrame = (p: Patch) =>
  JSON.stringify({ type: 'patch', topic: p.topic, epoch: p.epoch, seq: p.seq, changes: p.changes });

/**
 * One topic on this instance. It turns what it hears (local writes, the bus, catch-up reads) into one ordered stream
 * with no duplicate and no gap, reading missed patches from the log, and hands each patch, serialised once, to every
 * member. Work that needs the database runs in a queue, so patches never overtake each other.
 */
export class TopicStream implements Paced {
  readonly members = new Set<Member>();
  /** The last patch delivered; undefined until the head is read, or when the topic names nothing. */
  private at: Position | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private queued = 0;
  /** The last patches delivered, contiguous up to `at` for a contiguous feed. */
  private recent: Kept[] = [];
  /** A snapshot being read, with every patch delivered since the read began. */
  private shared: { snapshot: Promise<Snapshot | undefined>; since: Delivery[] } | undefined;
  /** Change-log replays under way. */
  private replays: SharedReplay[] = [];
  /** Resolves once the head is known: false when the topic names nothing or its head could not be read. */
  readonly anchored: Promise<boolean>;
  /** The head was read and the topic names nothing (as opposed to a read that failed). */
  nameless = false;
  /** A paced stream's patches not yet offered to anyone. */
  private outbox: Outgoing[] = [];
  /** A paced stream's patches being offered, to the members there were when the pass began (see `step`). */
  private pass: { deliveries: Outgoing[]; members: Member[]; next: number } | undefined;

  constructor(
    readonly topic: string,
    readonly feed: Feed,
    private readonly onDelivered: (p: Patch, frames: number) => void = () => undefined,
    private readonly now: () => number = Date.now,
    /** Serves this stream's crowd a slice at a time, after the unpaced ones (decision 051). */
    private readonly pacer?: Pacer,
  ) {
    this.anchored = this.enqueue(async () => {
      this.at = await feed.head();
      this.nameless = this.at === undefined;
      return !this.nameless;
    }).then(Boolean);
  }

  /** The head was read: the stream can answer resumes from its window (a failed or nameless one cannot). */
  get headKnown(): boolean {
    return this.at !== undefined;
  }

  receive(p: Patch): void {
    const at = this.at;
    if (this.queued === 0 && at && p.epoch === at.epoch) {
      if (p.seq <= at.seq) return;
      if (p.seq === at.seq + 1) return this.deliver(p);
    }
    void this.enqueue(() => this.accept(p));
  }

  /**
   * One snapshot read serves every member that asks while it runs (a crowd arriving at kick-off). A member that joins
   * a read already under way gets the patches delivered since that read began, so none falls between the two.
   */
  snapshot(member: Member): Promise<Snapshot | undefined> {
    if (!this.shared) {
      const shared = { snapshot: this.feed.snapshot(), since: [] };
      this.shared = shared;
      const done = () => {
        if (this.shared === shared) this.shared = undefined;
      };
      shared.snapshot.then(done, done);
    }
    member.backfill(this.shared.since);
    return this.shared.snapshot;
  }

  /** The patches after `since`, when memory still holds every one of them. */
  recentAfter(since: Position): { head: Position; frames: WireFrame[] } | undefined {
    const at = this.at;
    if (!this.feed.contiguous || !at || since.epoch !== at.epoch || since.seq > at.seq) return undefined;
    this.expire();
    if (since.seq < (this.recent[0]?.seq ?? at.seq + 1) - 1) return undefined;
    return { head: { ...at }, frames: this.recent.filter((d) => d.seq > since.seq).map((d) => d.frame) };
  }

  /**
   * The patches after `since` read from the log, or undefined when they cannot all be replayed. Members resuming from
   * the same or a later position while a read runs share it, so a crowd reconnecting at once costs one read, not
   * one per member; like `snapshot`, a member joining a read under way gets the patches delivered since it began.
   */
  async replay(member: Member, since: Position): Promise<{ head: Position; frames: WireFrame[] } | undefined> {
    let shared = this.replays.find((r) => r.from.epoch === since.epoch && r.from.seq <= since.seq);
    if (!shared) shared = this.startReplay(since);
    if (shared.expiry) shared.expiry.refresh();
    member.backfill(shared.since);
    const result = await shared.read;
    // A read from further back may cross the replay limit where this one does not: it reads on its own.
    if (!result && shared.from.seq < since.seq) return this.replay(member, since);
    if (!result) return undefined;
    return { head: result.head, frames: result.patches.filter((d) => d.seq > since.seq).map((d) => d.frame) };
  }

  private startReplay(from: Position): SharedReplay {
    const shared: SharedReplay = {
      from: { ...from },
      since: [],
      read: this.feed.replay(from).then((r) => {
        if (!r) return undefined;
        const patches = r.patches.map((p) => ({ seq: p.seq, frame: Buffer.from(patchFrame(p)) }));
        this.widen(r.head, patches);
        return { head: r.head, patches };
      }),
    };
    this.replays.push(shared);
    const drop = () => (this.replays = this.replays.filter((r) => r !== shared));
    shared.read.then((r) => (r ? (shared.expiry = setTimeout(drop, REPLAY_SHARED_MS).unref()) : drop()), drop);
    return shared;
  }

  /**
   * Puts replayed patches older than the window in front of it when they join it without a hole, so members
   * resuming from there later are answered from memory.
   */
  private widen(head: Position, patches: Delivery[]) {
    const at = this.at;
    if (!this.feed.contiguous || !at || head.epoch !== at.epoch) return;
    const first = this.recent[0]?.seq ?? at.seq + 1;
    if (head.seq < first - 1) return;
    const keptAt = this.now();
    const older = patches.filter((d) => d.seq < first).map((d) => ({ ...d, keptAt }));
    const room = RECENT_PATCHES - this.recent.length;
    if (room > 0 && older.length) this.recent = [...older.slice(-room), ...this.recent];
  }

  /** Drops the patches older than the window's age from its front. */
  private expire() {
    const old = this.now() - RECENT_MS;
    let n = 0;
    while (n < this.recent.length && this.recent[n]!.keptAt < old) n++;
    if (n) this.recent = this.recent.slice(n);
  }

  /** Delivers what the log holds past the last delivered patch: what the bus lost during an outage. */
  catchUp(): void {
    void this.enqueue(async () => {
      if (this.at) for (const p of await this.feed.between(this.at.seq)) this.deliver(p);
    });
  }

  private async accept(p: Patch) {
    const at = this.at;
    if (!at) return;
    if (p.epoch !== at.epoch) {
      this.recent = [];
      // Reads of the old epoch must not answer anyone who subscribes from now on.
      for (const r of this.replays) clearTimeout(r.expiry);
      this.replays = [];
      this.at = await this.feed.head();
      for (const m of [...this.members]) m.resume();
      return;
    }
    if (p.seq <= at.seq) return;
    if (p.seq > at.seq + 1) for (const missed of await this.feed.between(at.seq, p.seq)) this.deliver(missed);
    this.deliver(p);
  }

  private deliver(p: Patch) {
    if (this.at && p.seq <= this.at.seq) return;
    this.at = { epoch: p.epoch, seq: p.seq };
    // Encoded once here rather than by every socket's send.
    const frame = Buffer.from(patchFrame(p));
    this.recent.push({ seq: p.seq, frame, keptAt: this.now() });
    if (this.recent.length > RECENT_PATCHES) this.recent.shift();
    this.shared?.since.push({ seq: p.seq, frame });
    for (const r of this.replays) r.since.push({ seq: p.seq, frame });
    this.replays = this.replays.filter((r) => r.since.length <= RECENT_PATCHES);
    if (this.pacer) {
      this.outbox.push({ seq: p.seq, frame, patch: p, frames: 0 });
      return this.pacer.want(this);
    }
    let frames = 0;
    for (const m of this.members) if (m.offer(p.seq, frame)) frames++;
    this.onDelivered(p, frames);
  }

  get pending(): boolean {
    return this.pass !== undefined || this.outbox.length > 0;
  }

  /**
   * Offers a paced stream's pending patches, all of them to each member in turn, to up to `budget` members. A pass
   * goes to the members there were when it began and ends before the next begins, so each member gets the patches in
   * order. A member that joins during a pass needs none of its patches: they were delivered before it joined, so its
   * snapshot was taken at or after them, or it was handed them with the shared read it joined (`snapshot`).
   */
  step(budget: number): number {
    if (!this.pass && this.outbox.length)
      this.pass = { deliveries: this.outbox.splice(0), members: [...this.members], next: 0 };
    const pass = this.pass;
    if (!pass) return 0;
    const end = Math.min(pass.members.length, pass.next + budget);
    const served = end - pass.next;
    const { deliveries } = pass;
    const offers = (m: Member) => () => {
      for (const d of deliveries) if (m.offer(d.seq, d.frame)) d.frames++;
    };
    for (; pass.next < end; pass.next++) {
      const m = pass.members[pass.next]!;
      if (deliveries.length > 1) m.batch(offers(m));
      else offers(m)();
    }
    if (pass.next < pass.members.length) return served;
    this.pass = undefined;
    for (const d of deliveries) this.onDelivered(d.patch, d.frames);
    return served;
  }

  /** Runs after everything queued before it; a failure ends the members, who reconnect and resume. */
  private enqueue<T>(task: () => Promise<T>): Promise<T | undefined> {
    this.queued++;
    const run = this.tail.then(task).then(
      (value) => value,
      (err: unknown) => {
        for (const m of [...this.members]) m.fail(err);
        return undefined;
      },
    );
    this.tail = run.finally(() => this.queued--);
    return run;
  }
}
