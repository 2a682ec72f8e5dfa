import type {
  ClientFrame,
  CloseCode,
  HELD_BEFORE_WELCOME as HeldBeforeWelcome,
  PROTOCOL_VERSION,
  ServerFrame,
  TopicSnapshot,
} from '@touchline/contract';
import { backoffDelay, restartDelay } from '../backoff.ts';
import { defaultTimers, globalNetwork } from './environment.ts';
import type {
  ConnectionState,
  Network,
  SocketConstructor,
  SocketLike,
  StreamPosition,
  Timers,
  TopicHandlers,
} from './types.ts';

// Typed against the contract but written as literals, so the browser bundle does not pull in zod.
const PROTOCOL: typeof PROTOCOL_VERSION = 1;
const INVALID_TOKEN: (typeof CloseCode)['invalidToken'] = 4001;
const SERVER_RESTARTING: (typeof CloseCode)['serverRestarting'] = 4009;
const HELD_BEFORE_WELCOME: typeof HeldBeforeWelcome = 20;
const OPEN = 1;
const DEFAULT_PING_MS = 25_000;

export interface RealtimeOptions {
  url: string;
  token?: string | undefined;
  WebSocketImpl?: SocketConstructor;
  onState?: (state: ConnectionState) => void;
  /** The server refused the token (close 4001); the client carries on anonymously. */
  onAuthError?: () => void;
  random?: () => number;
  timers?: Timers;
  network?: Network;
  /** Period of application pings; defaults to the server's `heartbeatMs`. */
  pingIntervalMs?: number;
  /** Reconnect attempts before giving up (state `offline`); unlimited by default. */
  maxAttempts?: number;
}

export interface RealtimeClient {
  /** The snapshot's type follows from the topic's name. */
  subscribe<T extends string>(topic: T, handlers: TopicHandlers<TopicSnapshot<T>>): () => void;
  setToken(token: string | undefined): void;
  close(): void;
  readonly state: ConnectionState;
}

interface TopicEntry {
  listeners: Set<TopicHandlers>;
  /** Last applied position; undefined until a snapshot arrives. */
  at?: StreamPosition;
  /** A resume request is in flight, so a second gap does not send another. */
  resyncing: boolean;
  /**
   * The server refused the topic (forbidden, unknown_topic) to the token it was asked with: it is not asked again
   * on reconnect until the token changes or a listener subscribes anew.
   */
  refusedFor?: { token: string | undefined };
}

/** Refusals that asking again with the same token cannot change. */
const LASTING_REFUSALS = new Set(['forbidden', 'unknown_topic']);

function parse(raw: unknown): ServerFrame | undefined {
  try {
    const frame: unknown = JSON.parse(typeof raw === 'string' ? raw : String(raw));
    return frame && typeof frame === 'object' && 'type' in frame ? (frame as ServerFrame) : undefined;
  } catch {
    return undefined;
  }
}

/** The realtime client (docs/protocol.md §10): handshake, resumable topics, reconnect with full-jitter back-off. */
/** Match and season topics promise seq + 1 per patch; the admin feed and the live card only promise a rising seq. */
const denseSeq = (topic: string) => topic.startsWith('match:') || topic.startsWith('season:');

export function createRealtimeClient(opts: RealtimeOptions): RealtimeClient {
  const Impl = opts.WebSocketImpl ?? (globalThis.WebSocket as unknown as SocketConstructor);
  const timers = opts.timers ?? defaultTimers;
  const random = opts.random ?? Math.random;
  const network = opts.network ?? globalNetwork();
  const maxAttempts = opts.maxAttempts ?? Infinity;
  const topics = new Map<string, TopicEntry>();

  let token = opts.token;
  let state: ConnectionState = 'connecting';
  let socket: SocketLike | null = null;
  /** `hello` went out on the current socket: subscribes may follow it at once, without waiting for `welcome`. */
  let greeted = false;
  let welcomed = false;
  /** Subscribes sent between `hello` and `welcome`: the server holds `HELD_BEFORE_WELCOME` of them. */
  let early = 0;
  /** Topics past what the server holds before `welcome`, subscribed when it comes. */
  let afterWelcome: string[] = [];
  let everConnected = false;
  let closedByUser = false;
  let attempt = 0;
  let retryTimer: unknown;
  let pingTimer: unknown;
  let lastInbound = 0;

  const setState = (next: ConnectionState) => {
    if (state === next) return;
    state = next;
    opts.onState?.(next);
  };

  const send = (frame: ClientFrame) => {
    if (socket?.readyState === OPEN) socket.send(JSON.stringify(frame));
  };

  const sendSubscribe = (topic: string, entry: TopicEntry) => {
    send({ type: 'subscribe', topic, ...(entry.at ? { since: entry.at } : {}) });
  };

  /** Subscribes now if the server takes it: after `welcome`, or among the first frames after `hello`. */
  const subscribeNow = (topic: string, entry: TopicEntry) => {
    if (welcomed || (greeted && early++ < HELD_BEFORE_WELCOME)) sendSubscribe(topic, entry);
    else if (greeted) afterWelcome.push(topic);
  };

  const stopTimers = () => {
    timers.clearTimeout(retryTimer);
    timers.clearInterval(pingTimer);
    retryTimer = pingTimer = undefined;
  };

  /** Forget the current socket without waiting for its close event (a dead TCP link may never send one). */
  const detach = (code?: number) => {
    const old = socket;
    socket = null;
    greeted = welcomed = false;
    early = 0;
    afterWelcome = [];
    stopTimers();
    if (!old) return;
    old.onopen = old.onmessage = old.onclose = old.onerror = null;
    try {
      old.close(code);
    } catch {
      // Closing a socket that never opened may throw; it is gone either way.
    }
  };

  /** A restarting server (4009) is no failed attempt: reconnect at once, spread a little, attempt unchanged. */
  const scheduleReconnect = (restarting = false) => {
    if (closedByUser) return;
    if (!network.online() || attempt >= maxAttempts) return setState('offline');
    setState('reconnecting');
    retryTimer = timers.setTimeout(connect, restarting ? restartDelay(random) : backoffDelay(attempt++, random));
  };

  const lost = (code?: number) => {
    detach();
    if (code === INVALID_TOKEN) {
      token = undefined;
      opts.onAuthError?.();
    }
    scheduleReconnect(code === SERVER_RESTARTING);
  };

  const startPing = (heartbeatMs: number) => {
    const every = opts.pingIntervalMs ?? (heartbeatMs > 0 ? heartbeatMs : DEFAULT_PING_MS);
    pingTimer = timers.setInterval(() => {
      // The server answers every ping; silence for two periods means the link is dead.
      if (timers.now() - lastInbound > 2 * every) return lost();
      send({ type: 'ping', ts: timers.now() });
    }, every);
  };

  const onFrame = (frame: ServerFrame) => {
    switch (frame.type) {
      case 'welcome':
        welcomed = everConnected = true;
        attempt = 0;
        setState('online');
        startPing(frame.heartbeatMs);
        for (const topic of afterWelcome.splice(0)) {
          const entry = topics.get(topic);
          if (entry) sendSubscribe(topic, entry);
        }
        return;
      case 'subscribed': {
        const entry = topics.get(frame.topic);
        if (entry) entry.resyncing = false;
        return;
      }
      case 'snapshot': {
        const entry = topics.get(frame.topic);
        if (!entry) return;
        entry.at = { epoch: frame.epoch, seq: frame.seq };
        for (const l of entry.listeners) l.onSnapshot(frame.data, entry.at);
        return;
      }
      case 'patch': {
        const entry = topics.get(frame.topic);
        if (!entry?.at) return; // not subscribed, or still waiting for the snapshot
        if (frame.epoch === entry.at.epoch && frame.seq <= entry.at.seq) return; // duplicate
        if (frame.epoch !== entry.at.epoch || (denseSeq(frame.topic) && frame.seq > entry.at.seq + 1)) {
          if (!entry.resyncing) {
            entry.resyncing = true;
            sendSubscribe(frame.topic, entry);
          }
          return;
        }
        entry.at = { epoch: frame.epoch, seq: frame.seq };
        for (const l of entry.listeners) l.onPatch(frame);
        return;
      }
      case 'error': {
        const entry = frame.topic ? topics.get(frame.topic) : undefined;
        if (!entry) return;
        if (LASTING_REFUSALS.has(frame.code)) entry.refusedFor = { token };
        for (const l of entry.listeners) l.onError?.(frame.code);
        return;
      }
      default:
        return; // pong and unsubscribed only prove the link is alive
    }
  };

  function connect() {
    retryTimer = undefined;
    if (closedByUser) return;
    if (!network.online()) return setState('offline');
    setState(everConnected || attempt > 0 ? 'reconnecting' : 'connecting');
    let ws: SocketLike;
    try {
      ws = new Impl(opts.url);
    } catch {
      return scheduleReconnect();
    }
    socket = ws;
    ws.onopen = () => {
      send({ type: 'hello', protocol: PROTOCOL, ...(token ? { token } : {}) });
      greeted = true;
      // Subscribed with the hello: the server answers them with its welcome, one round trip (docs/protocol.md §9.2).
      for (const [topic, entry] of topics) {
        entry.resyncing = false;
        if (entry.refusedFor && entry.refusedFor.token === token) continue;
        entry.refusedFor = undefined;
        subscribeNow(topic, entry);
      }
    };
    ws.onmessage = (ev) => {
      lastInbound = timers.now();
      const frame = parse(ev.data);
      if (frame) onFrame(frame);
    };
    ws.onclose = (ev) => lost(ev.code);
    ws.onerror = () => undefined; // a close event always follows
  }

  const unwatch = network.watch((up) => {
    if (closedByUser || (up && socket)) return;
    detach();
    if (!up) return setState('offline');
    attempt = 0;
    connect();
  });

  connect();

  return {
    get state() {
      return state;
    },

    subscribe<T extends string>(topic: T, handlers: TopicHandlers<TopicSnapshot<T>>) {
      // Kept with the topic's other listeners; every snapshot of this topic is a TopicSnapshot<T> (decision 023).
      const listener: TopicHandlers = handlers;
      let entry = topics.get(topic);
      if (!entry) {
        entry = { listeners: new Set(), resyncing: false };
        topics.set(topic, entry);
      } else {
        // A late listener needs a snapshot too; everyone on the topic gets the fresh one.
        entry.at = undefined;
        entry.refusedFor = undefined;
      }
      entry.listeners.add(listener);
      subscribeNow(topic, entry);
      return () => {
        const current = topics.get(topic);
        if (!current?.listeners.delete(listener) || current.listeners.size > 0) return;
        topics.delete(topic);
        if (afterWelcome.includes(topic)) afterWelcome = afterWelcome.filter((t) => t !== topic);
        else if (greeted) send({ type: 'unsubscribe', topic });
      };
    },

    setToken(next) {
      if (next === token) return;
      token = next;
      // The role is fixed at hello, so a new token means a new connection; topics resume with `since`.
      if (closedByUser || !socket) return;
      detach(1000);
      attempt = 0;
      connect();
    },

    close() {
      closedByUser = true;
      unwatch();
      detach(1000);
      setState('offline');
    },
  };
}
