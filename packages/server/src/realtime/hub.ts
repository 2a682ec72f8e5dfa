import {
  ClientFrame,
  CloseCode,
  type ConnectionRole,
  HELD_BEFORE_WELCOME,
  PROTOCOL_VERSION,
} from '@touchline/contract';
import { auditSubject } from '../changes/audit-patch.ts';
import { Connection } from './connection.ts';
import type { Feed, Patch, Position } from './feed.ts';
import { Pacer } from './pacer.ts';
import { type Grant, Rights, type RightsOptions } from './rights.ts';
import type { ConnectionEvents, SocketAdapter, WireFrame } from './socket.ts';
import { RECENT_MS, TopicStream } from './stream.ts';
import { Subscription } from './subscription.ts';
import { UnknownTopics } from './unknown-topics.ts';

/** Who may read a topic, and where its data comes from. */
export interface TopicSpec {
  readers: readonly ConnectionRole[] | 'everyone';
  open(): Feed;
  /** Its crowd is served a slice at a time, after the others (`live`: decision 051). */
  paced?: boolean;
}

export interface HubOptions {
  /** The spec of a topic name, or undefined when the name is not a topic. */
  topics(name: string): TopicSpec | undefined;
  /** What a token grants, or null when it is invalid or expired or its account no longer holds it. */
  authenticate(token: string): Promise<Grant | null>;
  stillValid: RightsOptions['stillValid'];
  heartbeatMs: number;
  helloTimeoutMs: number;
  log: { warn(obj: object, msg: string): void };
  metrics?: {
    patchDelivered(p: { topic: string; committedAt: number }, frames: number): void;
    slowConsumerClosed(): void;
    changeLogRead(topic: string): void;
  };
  now?: () => number;
}

/** A client may follow this many topics at once. */
export const MAX_TOPICS_PER_CONNECTION = 64;
/** Connections pinged per turn of the event loop (see `beat`). */
const BEAT_SLICE = 100;
/** How long a welcome waits for the answers to the frames held for it, to leave with them in one write. */
const HELD_ANSWERS_WAIT_MS = 50;

function parse(text: string | undefined): ClientFrame | undefined {
  if (text === undefined) return undefined;
  try {
    const frame = ClientFrame.safeParse(JSON.parse(text));
    return frame.success ? frame.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The realtime rooms of one instance (docs/protocol.md §9): connections, their handshake and subscriptions, and one
 * stream per followed topic. It sees sockets only through `SocketAdapter`.
 */
export class Hub {
  private readonly connections = new Set<Connection>();
  private readonly streams = new Map<string, TopicStream>();
  /** Streams nobody follows, kept for their recent window until the timer ends them. */
  private readonly idle = new Map<TopicStream, NodeJS.Timeout>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly now: () => number;
  private readonly rights: Rights;
  private readonly unknown: UnknownTopics;
  private readonly pacer = new Pacer();
  private closing = false;

  constructor(private readonly opts: HubOptions) {
    this.now = opts.now ?? Date.now;
    this.rights = new Rights({ stillValid: opts.stillValid, log: opts.log, now: this.now });
    this.unknown = new UnknownTopics(this.now);
    this.heartbeat = setInterval(() => this.beat(), opts.heartbeatMs).unref();
  }

  /** Open connections and the subscriptions they hold, read when metrics are scraped. */
  counts() {
    let subscriptions = 0;
    for (const c of this.connections) subscriptions += c.subs.size;
    return { connections: this.connections.size, subscriptions };
  }

  connect(socket: SocketAdapter): ConnectionEvents {
    if (this.closing) {
      socket.close(CloseCode.serverRestarting, 'server_restarting');
      return { message: () => undefined, pong: () => undefined, closed: () => undefined };
    }
    const conn = new Connection(socket, {
      gone: (c) => this.forget(c),
      slow: () => this.opts.metrics?.slowConsumerClosed(),
    });
    this.connections.add(conn);
    conn.helloTimer = setTimeout(() => conn.close(CloseCode.noHello, 'no_hello'), this.opts.helloTimeoutMs).unref();
    return {
      message: (text) => this.message(conn, text),
      pong: () => (conn.missedPongs = 0),
      closed: () => conn.gone(),
    };
  }

  /**
   * A committed patch, from this instance or another; only topics someone here follows care. A changed account is
   * checked again before the patch goes out, so the account's sockets do not get it unless they keep their rights.
   */
  receive(p: Patch): void {
    this.unknown.heard(p);
    const subject = auditSubject(p);
    if (subject?.entity === 'user') this.rights.changed(subject.id);
    this.streams.get(p.topic)?.receive(p);
  }

  /**
   * After a bus outage, what this instance may have missed: account changes (every signed-in connection is checked
   * again first), new topics, and each followed topic's patches, read from its log.
   */
  catchUp(): void {
    this.unknown.clear();
    void this.rights.checkAll().then(() => {
      for (const s of this.streams.values()) s.catchUp();
    });
  }

  /**
   * The instance is shutting down and no longer accepts: every client, and any that still gets through, is told to
   * reconnect at once to another instance and resume there (docs/protocol.md §9.6, decision 031).
   */
  close(): void {
    this.closing = true;
    clearInterval(this.heartbeat);
    for (const timer of this.idle.values()) clearTimeout(timer);
    this.idle.clear();
    for (const c of [...this.connections]) c.close(CloseCode.serverRestarting, 'server_restarting');
  }

  /** Handles one frame; a subscribe's promise settles once it is answered. */
  private message(conn: Connection, text: string | undefined): Promise<void> | void {
    conn.missedPongs = 0;
    if (conn.closed) return;
    if (conn.state === 'authenticating') {
      if (text !== undefined && conn.held.length < HELD_BEFORE_WELCOME) conn.held.push(text);
      else conn.badFrame(this.now());
      return;
    }
    const frame = parse(text);
    if (!frame || (frame.type === 'hello') !== (conn.state === 'awaiting_hello')) return conn.badFrame(this.now());
    switch (frame.type) {
      case 'hello':
        return void this.hello(conn, frame.token);
      case 'ping':
        return conn.frame({ type: 'pong', ts: frame.ts });
      case 'subscribe':
        return this.subscribe(conn, frame.topic, frame.since);
      case 'unsubscribe':
        conn.subs.get(frame.topic)?.end();
        return conn.frame({ type: 'unsubscribed', topic: frame.topic });
    }
  }

  private async hello(conn: Connection, token: string | undefined) {
    conn.state = 'authenticating';
    clearTimeout(conn.helloTimer);
    const ticket = this.rights.ticket();
    let grant: Grant | null = { role: 'anonymous' };
    try {
      // Without a token too, a turn of the microtask queue: frames that came in the same read as the hello are held,
      // and answered in the welcome's write.
      grant = token !== undefined ? await this.opts.authenticate(token) : await grant;
    } catch (err) {
      this.opts.log.warn({ err }, 'realtime: token check failed');
      return conn.close(CloseCode.serverError, 'server_error');
    }
    if (conn.closed) return;
    if (!grant) return conn.revoke();
    conn.role = grant.role;
    conn.state = 'open';
    // The welcome and the answers to the frames sent with the hello leave in one write, if they come soon: a client
    // that subscribes with its hello is resumed in one round trip and one syscall (decision 055).
    let wait: NodeJS.Timeout | undefined;
    await conn.batchUntil(() => {
      conn.frame({
        type: 'welcome',
        protocol: PROTOCOL_VERSION,
        connectionId: conn.id,
        role: grant.role,
        heartbeatMs: this.opts.heartbeatMs,
      });
      this.rights.admit(conn, grant, ticket);
      const answered = Promise.allSettled(conn.held.splice(0).map((text) => this.message(conn, text)));
      return Promise.race([answered, new Promise((r) => (wait = setTimeout(r, HELD_ANSWERS_WAIT_MS)))]);
    });
    clearTimeout(wait);
  }

  /**
   * Subscribes and answers with a snapshot or a replay. The subscription joins the stream before anything is read,
   * so a patch committed meanwhile waits in its buffer: nothing falls between the read and the live stream.
   */
  private async subscribe(conn: Connection, topic: string, since: Position | undefined) {
    if (conn.state !== 'open') return;
    const spec = this.opts.topics(topic);
    if (!spec || (!this.streams.has(topic) && this.unknown.has(topic)))
      return conn.badFrame(this.now(), 'unknown_topic', topic);
    if (spec.readers !== 'everyone' && !spec.readers.includes(conn.role)) return conn.error('forbidden', topic);
    const previous = conn.subs.get(topic);
    if (!previous && conn.subs.size >= MAX_TOPICS_PER_CONNECTION) return conn.error('rate_limited', topic);

    let stream = this.streams.get(topic);
    if (!stream) {
      stream = new TopicStream(
        topic,
        countingReads(spec.open(), () => this.opts.metrics?.changeLogRead(topic)),
        (p, frames) => {
          // Only patches straight from a write have a commit time; ones read back from the log do not.
          if (p.committedAt !== undefined)
            this.opts.metrics?.patchDelivered({ topic, committedAt: p.committedAt }, frames);
        },
        this.now,
        spec.paced ? this.pacer : undefined,
      );
      this.streams.set(topic, stream);
    }
    clearTimeout(this.idle.get(stream));
    this.idle.delete(stream);
    const sub = new Subscription(stream, {
      send: (frame) => conn.send(frame),
      batch: (sends) => conn.batch(sends),
      fail: (err) => {
        this.opts.log.warn({ err, topic }, 'realtime: could not read a topic');
        conn.close(CloseCode.serverError, 'server_error');
      },
      resubscribe: (t, at) => void this.subscribe(conn, t, at),
      release: (s) => this.release(conn, s),
    });
    conn.subs.set(topic, sub);
    stream.members.add(sub);
    previous?.end();
    try {
      const loaded = (await stream.anchored) ? await load(stream, sub, since) : undefined;
      if (!sub.active) return;
      if (!loaded) {
        sub.end();
        if (stream.nameless) this.unknown.add(topic);
        return conn.badFrame(this.now(), 'unknown_topic', topic);
      }
      const { head, recovered } = loaded;
      const flag = recovered === undefined ? {} : { recovered };
      // One write for the answer and what waited behind it: in a storm, a syscall per frame was the cost (decision 050).
      conn.batch(() => {
        conn.frame({ type: 'subscribed', topic, epoch: head.epoch, seq: head.seq, ...flag });
        if ('data' in loaded)
          conn.frame({ type: 'snapshot', topic, epoch: head.epoch, seq: head.seq, data: loaded.data, ...flag });
        else for (const frame of loaded.frames) conn.send(frame);
        sub.start(head);
      });
    } catch (err) {
      sub.fail(err);
    }
  }

  private release(conn: Connection, sub: Subscription) {
    if (conn.subs.get(sub.topic) === sub) conn.subs.delete(sub.topic);
    const stream = sub.stream;
    stream.members.delete(sub);
    if (stream.members.size > 0 || this.streams.get(sub.topic) !== stream) return;
    if (!stream.headKnown || !stream.feed.contiguous || this.closing) return void this.streams.delete(sub.topic);
    // Kept a while, still fed, so the crowd that just dropped resumes from memory (decision 048).
    clearTimeout(this.idle.get(stream));
    const timer = setTimeout(() => {
      this.idle.delete(stream);
      if (stream.members.size === 0 && this.streams.get(sub.topic) === stream) this.streams.delete(sub.topic);
    }, RECENT_MS).unref();
    this.idle.set(stream, timer);
  }

  private forget(conn: Connection) {
    this.connections.delete(conn);
    this.rights.forget(conn);
    for (const sub of [...conn.subs.values()]) sub.end();
  }

  /**
   * Pings every connection; one that missed two pongs in a row is dropped. The pings go out in slices with the
   * event loop free in between: at 10,000 connections a sweep in one turn held the loop for 0.3–0.5 s on the
   * benchmark machine, and a patch arriving meanwhile waited that long.
   */
  private beat() {
    const sweep = this.connections.values();
    const slice = () => {
      for (let n = 0; n < BEAT_SLICE; n++) {
        const next = sweep.next();
        if (next.done) return;
        const c = next.value;
        if (c.missedPongs >= 2) c.terminate();
        else {
          c.missedPongs++;
          c.ping();
        }
      }
      setImmediate(slice);
    };
    slice();
  }
}

/** The feed with each read of its log reported, so a test or the bench can count them during a storm. */
function countingReads(feed: Feed, read: () => void): Feed {
  return {
    contiguous: feed.contiguous,
    head: () => feed.head(),
    snapshot: () => feed.snapshot(),
    replay: (since) => (read(), feed.replay(since)),
    between: (after, before) => (read(), feed.between(after, before)),
  };
}

type Loaded =
  { head: Position; recovered?: boolean; data: unknown } | { head: Position; recovered: true; frames: WireFrame[] };

/**
 * A replay when `since` can be proven complete (from memory, else from the log), otherwise a snapshot; undefined
 * when the topic names nothing.
 */
async function load(stream: TopicStream, sub: Subscription, since: Position | undefined): Promise<Loaded | undefined> {
  if (since) {
    const recent = stream.recentAfter(since);
    if (recent) return { head: recent.head, recovered: true, frames: recent.frames };
    const replay = await stream.replay(sub, since);
    if (replay) return { head: replay.head, recovered: true, frames: replay.frames };
  }
  const snap = await stream.snapshot(sub);
  if (!snap) return undefined;
  return { head: { epoch: snap.epoch, seq: snap.seq }, data: snap.data, ...(since ? { recovered: false } : {}) };
}
