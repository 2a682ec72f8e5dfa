import { afterEach, describe, expect, it } from 'vitest';
import { Hub } from '../src/realtime/hub.ts';
import { PACED_SLICE } from '../src/realtime/pacer.ts';
import { FakeSocket } from './fake-socket.ts';
import { MemoryFeed } from './memory-feed.ts';

const settle = () => new Promise((r) => setTimeout(r, 5));
/** One turn of the event loop: the pacer's slice queued before it has run. */
const turn = () => new Promise((r) => setImmediate(r));

/** The `live` crowd is served in slices after the match crowds (decision 051); nothing is lost, doubled or reordered. */
describe('a paced topic (no network)', () => {
  let hub: Hub;
  const feeds = new Map<string, MemoryFeed>();
  const feed = (topic: string) => {
    if (!feeds.has(topic)) feeds.set(topic, new MemoryFeed(topic));
    return feeds.get(topic)!;
  };
  const start = () => {
    hub = new Hub({
      topics: (name) =>
        name === 'live'
          ? { readers: 'everyone', open: () => feed(name), paced: true }
          : name.startsWith('match:')
            ? { readers: 'everyone', open: () => feed(name) }
            : undefined,
      authenticate: async () => ({ role: 'anonymous' }),
      stillValid: async () => () => true,
      heartbeatMs: 60_000,
      helloTimeoutMs: 5000,
      log: { warn: () => undefined },
    });
  };
  const client = (...topics: string[]) => {
    const socket = new FakeSocket();
    socket.events = hub.connect(socket);
    socket.say({ type: 'hello', protocol: 1 });
    for (const topic of topics) socket.say({ type: 'subscribe', topic });
    return socket;
  };
  const frames = (c: FakeSocket) =>
    c.sent.filter((f) => f.type === 'patch').map((f) => `${f.topic}#${(f as { seq: number }).seq}`);
  afterEach(() => {
    hub.close();
    feeds.clear();
  });

  it('sends a match patch before the live patch received ahead of it in the same turn', async () => {
    start();
    const c = client('match:1', 'live');
    await settle();
    hub.receive(feed('live').commit());
    hub.receive(feed('match:1').commit());
    expect(frames(c)).toEqual(['match:1#1']);
    await turn();
    expect(frames(c)).toEqual(['match:1#1', 'live#1']);
  });

  it('gives a crowd larger than a slice every patch once and in order, with fans joining and leaving meanwhile', async () => {
    start();
    const live = feed('live');
    const crowd = Array.from({ length: 2 * PACED_SLICE + 50 }, () => client('live'));
    await settle();
    hub.receive(live.commit());
    hub.receive(live.commit());
    await turn();
    // The first slice has both patches, each fan in one write; the rest wait for the next turns.
    const oneWrite = (c: FakeSocket) => c.writes.at(-1)?.join() === 'patch,patch';
    expect(crowd.slice(0, PACED_SLICE).every((c) => frames(c).join() === 'live#1,live#2' && oneWrite(c))).toBe(true);
    expect(crowd.slice(PACED_SLICE).every((c) => frames(c).length === 0)).toBe(true);

    const leaving = crowd[PACED_SLICE + 10]!;
    leaving.say({ type: 'unsubscribe', topic: 'live' });
    const again = crowd[PACED_SLICE + 20]!;
    again.say({ type: 'subscribe', topic: 'live' });
    const newcomer = client('live');
    await turn(); // the second slice; both are subscribed before the third
    hub.receive(live.commit());
    await settle();
    hub.receive(live.commit());
    await settle();

    for (const c of crowd.filter((c) => c !== leaving && c !== again))
      expect(frames(c)).toEqual(['live#1', 'live#2', 'live#3', 'live#4']);
    expect(frames(leaving)).toEqual([]);
    // Both took a snapshot at seq 2, during the pass: they get what came after it, once.
    const snapshots = (c: FakeSocket) => c.sent.filter((f) => f.type === 'snapshot').map((f) => f.seq);
    expect(snapshots(again)).toEqual([0, 2]);
    expect(snapshots(newcomer)).toEqual([2]);
    for (const c of [again, newcomer]) expect(frames(c)).toEqual(['live#3', 'live#4']);
  });
});
