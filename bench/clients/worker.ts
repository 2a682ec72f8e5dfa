/**
 * A load-client process: holds a share of the bench's sockets and records, per patch seq, when each frame
 * arrived. Driven by its parent over IPC (see pool.ts). Modes:
 * - `touchline`: the web app's realtime client (packages/web/src/lib/realtime) over `ws`, subscribed to a topic
 *   (against Touchline, or the floor, which speaks enough of the protocol);
 * - `socketio`: socket.io-client over WebSocket only, joined to a room;
 * - `idle`: a raw protocol-v1 socket that says hello with a token and subscribes with it, then only answers pings.
 */
import WebSocket from 'ws';
import { io, type Socket } from 'socket.io-client';
import {
  createRealtimeClient,
  type RealtimeClient,
  type SocketConstructor,
} from '../../packages/web/src/lib/realtime/index.ts';
import { now, pool, sleep, within } from '../lib/stats.ts';

export type Mode = 'touchline' | 'socketio' | 'idle';

export interface OpenRequest {
  mode: Mode;
  url: string;
  count: number;
  topic: string;
  token?: string;
  /** Spread sockets over loopback addresses so tens of thousands of them never run out of ports. */
  localAddress?: string;
  concurrency: number;
  timeoutMs: number;
}

/**
 * Many topics at once (the league day): each fan is one client on its instance's URL, subscribed to one or more
 * groups; a group is a topic on one instance, and every arrival is recorded with its group.
 */
export interface FansRequest {
  groups: { url: string; topic: string }[];
  /** Per fan, the groups it follows; the first names the instance it connects to. */
  fans: number[][];
  localAddress?: string;
  concurrency: number;
  timeoutMs: number;
}

export type Request =
  | ({ cmd: 'open' } & OpenRequest)
  | ({ cmd: 'fans' } & FansRequest)
  | { cmd: 'progress' }
  | { cmd: 'collect' }
  | { cmd: 'close' };

/** Every socket or client made, ready or not, so `close` ends them all. */
const created: (() => void)[] = [];
let ready = 0;
/** Sockets that closed after they were ready (the idle and bare modes do not reconnect). */
let dropped = 0;
/** Arrivals as parallel arrays: seq, time. Cleared on collect. */
let seqs: number[] = [];
let times: number[] = [];
/** The group of each arrival (see `FansRequest`); -1 for the single-topic modes. */
let groups: number[] = [];
let sample: string | undefined;
let reconnects = 0;

const record = (seq: number, group = -1) => {
  seqs.push(seq);
  times.push(now());
  groups.push(group);
};

function openTouchline(req: OpenRequest): Promise<void> {
  return openFan(req.url, [{ topic: req.topic, group: -1 }], req.localAddress, req.token);
}

/** One web-app realtime client on `url`, following every topic given; resolves once each has its snapshot. */
function openFan(
  url: string,
  topics: { topic: string; group: number }[],
  localAddress: string | undefined,
  token?: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let subscribed = false;
    let pending = topics.length;
    const Impl = class extends WebSocket {
      constructor(url: string) {
        super(url, { ...(localAddress ? { localAddress } : {}), perMessageDeflate: false });
      }
    } as unknown as SocketConstructor;
    const client: RealtimeClient = createRealtimeClient({
      url,
      token,
      WebSocketImpl: Impl,
      // Deterministic back-off is not needed here; reconnects are counted and reported.
      onState: (s) => {
        if (s === 'reconnecting' && subscribed) reconnects++;
      },
      maxAttempts: 20,
    });
    created.push(() => client.close());
    for (const { topic, group } of topics) {
      let first = true;
      client.subscribe(topic, {
        onSnapshot: () => {
          if (!first) return;
          first = false;
          if (--pending === 0) {
            subscribed = true;
            resolve();
          }
        },
        onPatch: (frame) => {
          record(frame.seq, group);
          if (sample === undefined) sample = JSON.stringify(frame);
        },
        onError: (code) => {
          if (!subscribed) reject(new Error(`subscribe ${topic}: ${code}`));
        },
      });
    }
  });
}

function rawSocket(req: OpenRequest) {
  const ws = new WebSocket(req.url, {
    ...(req.localAddress ? { localAddress: req.localAddress } : {}),
    perMessageDeflate: false,
  });
  created.push(() => ws.terminate());
  let open = false;
  ws.once('close', () => {
    if (open) dropped++;
  });
  return { ws, opened: () => (open = true) };
}

function openIdle(req: OpenRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    const { ws, opened } = rawSocket(req);
    // Subscribes with its hello, as the web client does (docs/protocol.md §9.2).
    ws.once('open', () => {
      ws.send(JSON.stringify({ type: 'hello', protocol: 1, token: req.token }));
      ws.send(JSON.stringify({ type: 'subscribe', topic: req.topic }));
    });
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { type: string; code?: string };
      if (frame.type === 'snapshot') {
        opened();
        resolve();
      } else if (frame.type === 'error') reject(new Error(`idle socket: ${frame.code}`));
    });
    ws.once('error', reject);
    ws.once('close', (code) => reject(new Error(`idle socket closed with ${code}`)));
  });
}

function openSocketIo(req: OpenRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket: Socket = io(req.url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      ...(req.localAddress ? { localAddress: req.localAddress } : {}),
    } as Parameters<typeof io>[1]);
    created.push(() => socket.disconnect());
    let joined = false;
    socket.on('disconnect', () => {
      if (joined) dropped++;
    });
    socket.on('patch', (frame: { seq: number }) => record(frame.seq));
    socket.once('connect', () => {
      socket.emit('join', req.topic, () => {
        joined = true;
        resolve();
      });
    });
    socket.once('connect_error', reject);
  });
}

const openers: Record<Mode, (req: OpenRequest) => Promise<void>> = {
  touchline: openTouchline,
  socketio: openSocketIo,
  idle: openIdle,
};

async function open(req: OpenRequest) {
  return openEach(req.count, req, () => openers[req.mode](req));
}

async function openFans(req: FansRequest) {
  return openEach(req.fans.length, req, (i) => {
    const follows = req.fans[i]!;
    const topics = follows.map((group) => ({ topic: req.groups[group]!.topic, group }));
    return openFan(req.groups[follows[0]!]!.url, topics, req.localAddress);
  });
}

async function openEach(
  count: number,
  req: { concurrency: number; timeoutMs: number },
  openOne: (i: number) => Promise<void>,
) {
  const started = now();
  let failed = 0;
  let firstError: string | undefined;
  const deadline = started + req.timeoutMs;
  await pool(
    Array.from({ length: count }, (_, i) => i),
    req.concurrency,
    async (i) => {
      if (now() > deadline) {
        failed++;
        return;
      }
      try {
        await within(openOne(i), Math.max(1, deadline - now()), 'connect');
        ready++;
      } catch (err) {
        failed++;
        firstError ??= String(err);
      }
    },
  );
  return { opened: ready, failed, firstError, ms: now() - started };
}

async function handle(req: Request): Promise<unknown> {
  switch (req.cmd) {
    case 'open':
      return open(req);
    case 'fans':
      return openFans(req);
    case 'progress':
      return { received: seqs.length, reconnects, dropped };
    case 'collect': {
      const out = {
        seqs: Int32Array.from(seqs),
        times: Float64Array.from(times),
        groups: Int32Array.from(groups),
        sample,
        reconnects,
        dropped,
      };
      seqs = [];
      times = [];
      groups = [];
      return out;
    }
    case 'close': {
      for (const close of created.splice(0)) close();
      await sleep(300);
      ready = dropped = reconnects = 0;
      sample = undefined;
      return { closed: true };
    }
  }
}

process.on('message', (msg: { id: number; req: Request }) => {
  handle(msg.req).then(
    (result) => process.send!({ id: msg.id, result }),
    (err: unknown) => process.send!({ id: msg.id, error: String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));
