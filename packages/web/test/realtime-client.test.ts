import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PatchFrame } from '@touchline/contract';
import { createRealtimeClient, type ConnectionState, type RealtimeOptions } from '../src/lib/realtime/index.ts';
import { FakeSocket, fakeNetwork } from './fake-socket.ts';

const snapshotFrame = (seq: number, epoch = 'e1') => ({
  type: 'snapshot' as const,
  topic: 'match:7',
  epoch,
  seq,
  data: { seq },
});
const patchFrame = (seq: number, epoch = 'e1'): PatchFrame => ({
  type: 'patch',
  topic: 'match:7',
  epoch,
  seq,
  changes: [],
});

function setup(over: Partial<RealtimeOptions> = {}) {
  const states: ConnectionState[] = [];
  const net = fakeNetwork();
  const client = createRealtimeClient({
    url: 'ws://test/realtime',
    WebSocketImpl: FakeSocket,
    onState: (s) => states.push(s),
    random: () => 1,
    network: net.network,
    ...over,
  });
  const snapshots: unknown[] = [];
  const patches: number[] = [];
  const subscribe = (topic = 'match:7') =>
    client.subscribe(topic, { onSnapshot: (d) => snapshots.push(d), onPatch: (f) => patches.push(f.seq) });
  return { client, states, net, snapshots, patches, subscribe };
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.all = [];
});
afterEach(() => vi.useRealTimers());

describe('realtime client: handshake and topics', () => {
  it('says hello with its token and subscribes without since right after it, then goes online on welcome', () => {
    const { client, states, subscribe, snapshots } = setup({ token: 'jwt' });
    subscribe();
    const ws = FakeSocket.last();
    expect(client.state).toBe('connecting');
    ws.open();
    // With the hello, not after the welcome: the server answers both in one round trip.
    expect(ws.sent).toEqual([
      { type: 'hello', protocol: 1, token: 'jwt' },
      { type: 'subscribe', topic: 'match:7' },
    ]);
    ws.welcome();
    expect(states).toEqual(['online']);
    expect(ws.framesOf('subscribe')).toEqual([{ type: 'subscribe', topic: 'match:7' }]);
    ws.receive(snapshotFrame(5));
    expect(snapshots).toEqual([{ seq: 5 }]);
  });

  it('sends with the hello only the 20 subscribes the server holds for its welcome, and the rest after it', () => {
    const { client } = setup();
    const follow = (i: number) =>
      client.subscribe(`match:${i}`, { onSnapshot: () => undefined, onPatch: () => undefined });
    for (let i = 1; i <= 21; i++) follow(i);
    const ws = FakeSocket.last();
    ws.open();
    follow(22);
    follow(23)(); // followed and left before the welcome: never asked for
    expect(ws.framesOf('subscribe')).toHaveLength(20);
    ws.welcome();
    expect(ws.framesOf('subscribe').map((f) => f.topic)).toEqual(
      Array.from({ length: 22 }, (_, i) => `match:${i + 1}`),
    );
    expect(ws.framesOf('unsubscribe')).toHaveLength(0);
  });

  it('sends hello without a token for an anonymous fan', () => {
    setup();
    FakeSocket.last().open();
    expect(FakeSocket.last().sent).toEqual([{ type: 'hello', protocol: 1 }]);
  });

  it('unsubscribes when the last listener leaves', () => {
    const { client, subscribe } = setup();
    const ws = FakeSocket.last();
    ws.welcome();
    const off1 = subscribe();
    const off2 = client.subscribe('match:7', { onSnapshot: () => undefined, onPatch: () => undefined });
    off1();
    expect(ws.framesOf('unsubscribe')).toHaveLength(0);
    off2();
    expect(ws.framesOf('unsubscribe')).toEqual([{ type: 'unsubscribe', topic: 'match:7' }]);
  });
});

describe('realtime client: sequence numbers', () => {
  function live() {
    const t = setup();
    t.subscribe();
    const ws = FakeSocket.last();
    ws.welcome();
    ws.receive(snapshotFrame(5));
    return { ...t, ws };
  }

  it('applies the next patch and drops duplicates', () => {
    const { ws, patches } = live();
    ws.receive(patchFrame(6));
    ws.receive(patchFrame(6));
    ws.receive(patchFrame(4));
    ws.receive(patchFrame(7));
    expect(patches).toEqual([6, 7]);
  });

  it('resumes with since on a gap, once, and applies the replay in order', () => {
    const { ws, patches } = live();
    ws.receive(patchFrame(6));
    ws.receive(patchFrame(8));
    ws.receive(patchFrame(9));
    expect(patches).toEqual([6]);
    expect(ws.framesOf('subscribe').slice(1)).toEqual([
      { type: 'subscribe', topic: 'match:7', since: { epoch: 'e1', seq: 6 } },
    ]);
    ws.receive({ type: 'subscribed', topic: 'match:7', epoch: 'e1', seq: 9, recovered: true });
    for (const seq of [7, 8, 9]) ws.receive(patchFrame(seq));
    expect(patches).toEqual([6, 7, 8, 9]);
  });

  it('takes a rising seq with holes on the admin feed without resubscribing', () => {
    const t = setup();
    const seen: number[] = [];
    t.client.subscribe('admin', { onSnapshot: () => undefined, onPatch: (f) => seen.push(f.seq) });
    const ws = FakeSocket.last();
    ws.welcome();
    ws.receive({ ...snapshotFrame(10), topic: 'admin' });
    for (const seq of [12, 15, 15, 13]) ws.receive({ ...patchFrame(seq), topic: 'admin' });
    expect(seen).toEqual([12, 15]);
    expect(ws.framesOf('subscribe').filter((f) => f.topic === 'admin')).toHaveLength(1);
  });

  it('resumes with since when the epoch changes, and takes the fresh snapshot', () => {
    const { ws, patches, snapshots } = live();
    ws.receive(patchFrame(1, 'e2'));
    expect(patches).toEqual([]);
    expect(ws.framesOf('subscribe').at(-1)).toEqual({
      type: 'subscribe',
      topic: 'match:7',
      since: { epoch: 'e1', seq: 5 },
    });
    ws.receive({ ...snapshotFrame(1, 'e2'), recovered: false });
    ws.receive(patchFrame(2, 'e2'));
    expect(snapshots).toHaveLength(2);
    expect(patches).toEqual([2]);
  });

  it('ignores patches before the first snapshot', () => {
    const { subscribe, patches } = setup();
    subscribe();
    const ws = FakeSocket.last();
    ws.welcome();
    ws.receive(patchFrame(3));
    expect(patches).toEqual([]);
  });
});

describe('realtime client: reconnecting', () => {
  it('backs off exponentially with full jitter from 0.5 s up to 15 s', () => {
    const draws = [1, 1, 1, 1, 1, 1, 1, 0.25];
    const { states } = setup({ random: () => draws.shift()! });
    const expected = [500, 1000, 2000, 4000, 8000, 15_000, 15_000, 3750];
    for (const delay of expected) {
      const count = FakeSocket.all.length;
      FakeSocket.last().drop();
      vi.advanceTimersByTime(delay - 1);
      expect(FakeSocket.all).toHaveLength(count);
      vi.advanceTimersByTime(1);
      expect(FakeSocket.all).toHaveLength(count + 1);
    }
    expect(states).toEqual(['reconnecting']);
  });

  it('reconnects at once, within a random 250 ms, when its server restarts (4009), and resumes with since', () => {
    const draws = [0.2, 1];
    const { subscribe, states } = setup({ random: () => draws.shift()! });
    subscribe();
    let ws = FakeSocket.last();
    ws.welcome();
    ws.receive(snapshotFrame(5));
    ws.receive(patchFrame(6));
    ws.drop(4009);
    vi.advanceTimersByTime(49);
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(2);
    ws = FakeSocket.last();
    ws.welcome();
    expect(ws.framesOf('subscribe')).toEqual([{ type: 'subscribe', topic: 'match:7', since: { epoch: 'e1', seq: 6 } }]);
    ws.drop(4009);
    vi.advanceTimersByTime(249);
    expect(FakeSocket.all).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(3);
    expect(states).toEqual(['online', 'reconnecting', 'online', 'reconnecting']);
  });

  it('counts a restart as no failed attempt, so a refused reconnect after it backs off from 0.5 s', () => {
    setup();
    FakeSocket.last().welcome();
    FakeSocket.last().drop(4009);
    vi.advanceTimersByTime(250);
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.last().drop(1006);
    vi.advanceTimersByTime(499);
    expect(FakeSocket.all).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(3);
  });

  it.each([1000, 1001, 1006, 1011, 4008])('backs off after close %i as after any other loss', (code) => {
    setup();
    FakeSocket.last().welcome();
    FakeSocket.last().drop(code);
    vi.advanceTimersByTime(499);
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('re-subscribes every topic with since after reconnecting, and resets the back-off', () => {
    const { client, subscribe, states } = setup();
    subscribe('match:7');
    client.subscribe('live', { onSnapshot: () => undefined, onPatch: () => undefined });
    let ws = FakeSocket.last();
    ws.welcome();
    ws.receive(snapshotFrame(5));
    ws.receive(patchFrame(6));
    ws.drop();
    expect(client.state).toBe('reconnecting');
    vi.advanceTimersByTime(500);
    ws = FakeSocket.last();
    ws.welcome();
    expect(ws.framesOf('subscribe')).toEqual([
      { type: 'subscribe', topic: 'match:7', since: { epoch: 'e1', seq: 6 } },
      { type: 'subscribe', topic: 'live' },
    ]);
    expect(states).toEqual(['online', 'reconnecting', 'online']);
    ws.drop();
    vi.advanceTimersByTime(500);
    expect(FakeSocket.all).toHaveLength(3);
  });

  it('is offline while the device is, and reconnects at once when it comes back', () => {
    const { client, net } = setup();
    const ws = FakeSocket.last();
    ws.welcome();
    net.set(false);
    expect(client.state).toBe('offline');
    expect(ws.closedWith).toBeDefined();
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(1);
    net.set(true);
    expect(FakeSocket.all).toHaveLength(2);
    expect(client.state).toBe('reconnecting');
  });

  it('stays closed after close()', () => {
    const { client } = setup();
    FakeSocket.last().welcome();
    client.close();
    expect(client.state).toBe('offline');
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('gives up after maxAttempts and reports offline', () => {
    const { client } = setup({ maxAttempts: 2 });
    FakeSocket.last().drop();
    vi.advanceTimersByTime(500);
    FakeSocket.last().drop();
    vi.advanceTimersByTime(1000);
    FakeSocket.last().drop();
    expect(client.state).toBe('offline');
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(3);
  });

  it('drops a refused token and carries on anonymously', () => {
    const onAuthError = vi.fn();
    setup({ token: 'expired', onAuthError });
    FakeSocket.last().open();
    FakeSocket.last().drop(4001);
    expect(onAuthError).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(500);
    FakeSocket.last().open();
    expect(FakeSocket.last().sent[0]).toEqual({ type: 'hello', protocol: 1 });
  });

  it('does not ask again on reconnect for a topic refused to the same token, but does with a new one', () => {
    const { client, subscribe } = setup();
    const errors: string[] = [];
    client.subscribe('admin', {
      onSnapshot: () => undefined,
      onPatch: () => undefined,
      onError: (c) => errors.push(c),
    });
    subscribe('match:7');
    let ws = FakeSocket.last();
    ws.welcome();
    ws.receive({ type: 'error', code: 'forbidden', topic: 'admin' });
    expect(errors).toEqual(['forbidden']);
    ws.drop();
    vi.advanceTimersByTime(500);
    ws = FakeSocket.last();
    ws.welcome();
    expect(ws.framesOf('subscribe').map((f) => f.topic)).toEqual(['match:7']);
    client.setToken('admin-token');
    ws = FakeSocket.last();
    ws.welcome();
    expect(ws.framesOf('subscribe').map((f) => f.topic)).toEqual(['admin', 'match:7']);
  });

  it('keeps asking after a refusal that may pass, and for a topic a new listener asks for', () => {
    const { client } = setup();
    const handlers = { onSnapshot: () => undefined, onPatch: () => undefined };
    client.subscribe('season:4', handlers);
    client.subscribe('match:9', handlers);
    let ws = FakeSocket.last();
    ws.welcome();
    ws.receive({ type: 'error', code: 'unknown_topic', topic: 'season:4' });
    ws.receive({ type: 'error', code: 'rate_limited', topic: 'match:9' });
    client.subscribe('season:4', handlers);
    ws.drop();
    vi.advanceTimersByTime(500);
    ws = FakeSocket.last();
    ws.welcome();
    expect(ws.framesOf('subscribe').map((f) => f.topic)).toEqual(['season:4', 'match:9']);
  });

  it('reconnects with a new token when it changes', () => {
    const { client } = setup({ token: 'a' });
    FakeSocket.last().welcome();
    client.setToken('b');
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.last().open();
    expect(FakeSocket.last().sent[0]).toEqual({ type: 'hello', protocol: 1, token: 'b' });
  });
});

describe('realtime client: heartbeat', () => {
  it('pings every heartbeat period and reconnects when the server goes silent', () => {
    const { client } = setup();
    const ws = FakeSocket.last();
    ws.welcome(10_000);
    vi.advanceTimersByTime(10_000);
    expect(ws.framesOf('ping')).toEqual([{ type: 'ping', ts: Date.now() }]);
    ws.receive({ type: 'pong', ts: Date.now() });
    vi.advanceTimersByTime(20_000);
    expect(client.state).toBe('online');
    vi.advanceTimersByTime(10_000); // 30 s since the pong: dead
    expect(client.state).toBe('reconnecting');
    expect(ws.closedWith).toBeDefined();
  });
});
