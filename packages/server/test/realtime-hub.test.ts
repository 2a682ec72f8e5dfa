import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Patch } from '../src/realtime/feed.ts';
import { Hub, type HubOptions } from '../src/realtime/hub.ts';
import { auditAbout } from './audit-fixture.ts';
import { FakeSocket } from './fake-socket.ts';
import { MemoryFeed } from './memory-feed.ts';

const settle = () => new Promise((r) => setTimeout(r, 5));

describe('the realtime hub (no network)', () => {
  let hub: Hub;
  const feeds = new Map<string, MemoryFeed>();
  const feed = (topic: string) => {
    if (!feeds.has(topic)) feeds.set(topic, new MemoryFeed(topic));
    return feeds.get(topic)!;
  };
  const start = (opts: Partial<HubOptions> = {}) => {
    hub = new Hub({
      topics: (name) => (name.startsWith('match:') ? { readers: 'everyone', open: () => feed(name) } : undefined),
      authenticate: async () => ({ role: 'operator' }),
      stillValid: async () => () => true,
      heartbeatMs: 60_000,
      helloTimeoutMs: 5000,
      log: { warn: () => undefined },
      ...opts,
    });
  };
  const client = async () => {
    const socket = new FakeSocket();
    socket.events = hub.connect(socket);
    socket.say({ type: 'hello', protocol: 1 });
    await settle();
    return socket;
  };
  afterEach(() => {
    hub.close();
    feeds.clear();
    vi.useRealTimers();
  });

  it('sends nothing twice and leaves no gap when writes land while the snapshot loads', async () => {
    start();
    const f = feed('match:1');
    for (let i = 0; i < 3; i++) f.commit();
    const c = await client();
    c.say({ type: 'subscribe', topic: 'match:1' });
    await settle(); // anchored at seq 3
    const release = f.hold();
    const p4 = f.commit(); // committed before the snapshot reads, announced after
    c.say({ type: 'subscribe', topic: 'match:1' });
    await settle();
    hub.receive(p4);
    const [p5, p6, p7] = [f.commit(), f.commit(), f.commit()];
    hub.receive(p5);
    hub.receive(p7); // 6 is lost: the stream reads it from the log
    hub.receive(p5);
    release();
    await settle();
    hub.receive(p6);
    hub.receive(f.commit());
    const snapshots = c.sent.filter((x) => x.type === 'snapshot');
    expect(snapshots.map((x) => x.seq)).toEqual([3, 4]);
    const after = c.sent.slice(c.sent.lastIndexOf(snapshots[1]!) + 1);
    expect(after.map((x) => [x.type, (x as { seq: number }).seq])).toEqual([5, 6, 7, 8].map((n) => ['patch', n]));
  });

  it('buffers what arrives during a slow replay and sends it after, in order', async () => {
    start();
    const f = feed('match:1');
    f.commit();
    const c = await client();
    const release = f.hold();
    c.say({ type: 'subscribe', topic: 'match:1', since: { epoch: 'e1', seq: 0 } });
    await settle();
    for (let i = 0; i < 3; i++) hub.receive(f.commit());
    release();
    await settle();
    expect(c.sent.find((x) => x.type === 'subscribed')).toMatchObject({ recovered: true });
    expect(c.patches('match:1')).toEqual([1, 2, 3, 4]);
  });

  /** A fan subscribed at seq 1, four patches, then a fan resuming from seq 1 (its socket leaving `growth` per send). */
  const resumeFourBehind = async (growth = 0) => {
    start();
    const f = feed('match:1');
    f.commit();
    const first = await client();
    first.say({ type: 'subscribe', topic: 'match:1' });
    await settle();
    for (let i = 0; i < 4; i++) hub.receive(f.commit());
    const back = await client();
    back.growth = growth;
    back.say({ type: 'subscribe', topic: 'match:1', since: { epoch: 'e1', seq: 1 } });
    await settle();
    return { f, first, back };
  };

  it("writes a resume's subscribed and the patches it replays in one write, and a snapshot with its subscribed", async () => {
    const { first, back } = await resumeFourBehind();
    expect(first.writes.slice(1, 2)).toEqual([['subscribed', 'snapshot']]);
    expect(back.writes).toEqual([['welcome'], ['subscribed', 'patch', 'patch', 'patch', 'patch']]);
  });

  it('writes the welcome with the answers to subscribes sent with the hello, in one write and in order', async () => {
    const { f } = await resumeFourBehind();
    const [a, b] = [new FakeSocket(), new FakeSocket()];
    for (const s of [a, b]) s.events = hub.connect(s);
    a.say({ type: 'hello', protocol: 1 });
    a.say({ type: 'subscribe', topic: 'match:1', since: { epoch: 'e1', seq: 3 } });
    b.say({ type: 'hello', protocol: 1 });
    await settle();
    expect(a.writes).toEqual([['welcome', 'subscribed', 'patch', 'patch']]);
    expect(a.patches('match:1')).toEqual([4, 5]);
    // Without held frames the welcome leaves at once, alone.
    expect(b.writes).toEqual([['welcome']]);
    hub.receive(f.commit());
    expect(a.writes.at(-1)).toEqual(['patch']);
  });

  it('applies the 1 MiB rule to a resume once its frames are all handed over: closes with 4008 after them', async () => {
    const { f, back } = await resumeFourBehind(300 * 1024);
    expect(back.writes.at(-1)).toEqual(['subscribed', 'patch', 'patch', 'patch', 'patch']);
    expect(back.closedWith).toBe(4008);
    hub.receive(f.commit());
    expect(back.patches('match:1')).toEqual([2, 3, 4, 5]);
  });

  it('shares one snapshot read among subscribers that ask while it runs', async () => {
    start();
    const f = feed('match:1');
    f.commit();
    const first = await client();
    first.say({ type: 'subscribe', topic: 'match:1' });
    await settle();
    const reads = vi.spyOn(f, 'snapshot');
    const release = f.hold();
    const [a, b] = [await client(), await client()];
    a.say({ type: 'subscribe', topic: 'match:1' });
    await settle();
    hub.receive(f.commit());
    b.say({ type: 'subscribe', topic: 'match:1' });
    await settle();
    hub.receive(f.commit());
    release();
    await settle();
    expect(reads).toHaveBeenCalledTimes(1);
    for (const c of [a, b]) {
      expect(c.sent.filter((x) => x.type === 'subscribed')).toHaveLength(1);
      expect(c.sent.find((x) => x.type === 'snapshot')).toMatchObject({ seq: 1 });
      expect(c.patches('match:1')).toEqual([2, 3]);
    }
  });

  it('keeps an idle topic fed, so fans that all dropped resume from memory without a read', async () => {
    start();
    const f = feed('match:1');
    f.commit();
    const c = await client();
    c.say({ type: 'subscribe', topic: 'match:1' });
    await settle();
    c.events.closed();
    for (let i = 0; i < 3; i++) hub.receive(f.commit());
    const replays = vi.spyOn(f, 'replay');
    const back = await client();
    back.say({ type: 'subscribe', topic: 'match:1', since: { epoch: 'e1', seq: 1 } });
    await settle();
    expect(replays).not.toHaveBeenCalled();
    expect(back.sent.find((x) => x.type === 'subscribed')).toMatchObject({ seq: 4, recovered: true });
    expect(back.patches('match:1')).toEqual([2, 3, 4]);
  });

  it('shares one log read among fans resuming from the same or a later seq, with no gap and no duplicate', async () => {
    start();
    const f = feed('match:1');
    for (let i = 0; i < 300; i++) f.commit();
    const keeper = await client();
    keeper.say({ type: 'subscribe', topic: 'match:1' });
    await settle();
    const replays = vi.spyOn(f, 'replay');
    const release = f.hold();
    const [a, b] = [await client(), await client()];
    a.say({ type: 'subscribe', topic: 'match:1', since: { epoch: 'e1', seq: 10 } });
    await settle();
    hub.receive(f.commit()); // 301, delivered while the read runs
    b.say({ type: 'subscribe', topic: 'match:1', since: { epoch: 'e1', seq: 20 } });
    await settle();
    hub.receive(f.commit()); // 302
    release();
    await settle();
    // Arriving after the read finished, from further on: the finished read still serves it.
    const late = await client();
    late.say({ type: 'subscribe', topic: 'match:1', since: { epoch: 'e1', seq: 30 } });
    await settle();
    hub.receive(f.commit()); // 303
    expect(replays).toHaveBeenCalledTimes(1);
    const run = (from: number) => Array.from({ length: 303 - from }, (_, i) => from + 1 + i);
    expect(a.patches('match:1')).toEqual(run(10));
    expect(b.patches('match:1')).toEqual(run(20));
    expect(late.patches('match:1')).toEqual(run(30));
  });

  it('forgets window patches older than a minute: a resume from before them reads the log', async () => {
    let clock = 1_000_000;
    start({ now: () => clock });
    const f = feed('match:1');
    const keeper = await client();
    keeper.say({ type: 'subscribe', topic: 'match:1' });
    await settle();
    for (let i = 0; i < 3; i++) hub.receive(f.commit());
    clock += 61_000;
    hub.receive(f.commit());
    const replays = vi.spyOn(f, 'replay');
    const c = await client();
    c.say({ type: 'subscribe', topic: 'match:1', since: { epoch: 'e1', seq: 3 } });
    await settle();
    expect(replays).not.toHaveBeenCalled();
    c.say({ type: 'subscribe', topic: 'match:1', since: { epoch: 'e1', seq: 1 } });
    await settle();
    expect(replays).toHaveBeenCalledTimes(1);
    expect(c.patches('match:1')).toEqual([4, 2, 3, 4]);
  });

  it('answers a resume from the old epoch with a snapshot once the topic started a new one', async () => {
    start();
    const f = feed('match:1');
    for (let i = 0; i < 300; i++) f.commit();
    const keeper = await client();
    keeper.say({ type: 'subscribe', topic: 'match:1' });
    await settle();
    const a = await client();
    a.say({ type: 'subscribe', topic: 'match:1', since: { epoch: 'e1', seq: 10 } });
    await settle();
    f.epoch = 'e2';
    f.log = [];
    hub.receive(f.commit());
    await settle();
    const late = await client();
    late.say({ type: 'subscribe', topic: 'match:1', since: { epoch: 'e1', seq: 20 } });
    await settle();
    expect(late.sent.find((x) => x.type === 'snapshot')).toMatchObject({ epoch: 'e2', seq: 1, recovered: false });
    expect(late.patches('match:1')).toEqual([]);
  });

  it('answers a resume from memory when it still holds every missed patch, and from the log otherwise', async () => {
    start();
    const f = feed('match:1');
    const keeper = await client();
    keeper.say({ type: 'subscribe', topic: 'match:1' });
    await settle();
    for (let i = 0; i < 200; i++) hub.receive(f.commit());
    const replays = vi.spyOn(f, 'replay');
    const c = await client();
    c.say({ type: 'subscribe', topic: 'match:1', since: { epoch: 'e1', seq: 150 } });
    await settle();
    expect(replays).not.toHaveBeenCalled();
    c.say({ type: 'subscribe', topic: 'match:1', since: { epoch: 'e1', seq: 10 } });
    await settle();
    expect(replays).toHaveBeenCalledTimes(1);
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    expect(c.patches('match:1')).toEqual([...range(151, 200), ...range(11, 200)]);
    expect(c.sent.filter((x) => x.type === 'subscribed')).toEqual([
      { type: 'subscribed', topic: 'match:1', epoch: 'e1', seq: 200, recovered: true },
      { type: 'subscribed', topic: 'match:1', epoch: 'e1', seq: 200, recovered: true },
    ]);
  });

  it('reads a gap in the bus from the log and drops duplicates', async () => {
    start();
    const f = feed('match:1');
    const c = await client();
    c.say({ type: 'subscribe', topic: 'match:1' });
    await settle();
    const ps = [1, 2, 3, 4, 5].map(() => f.commit());
    hub.receive(ps[0]!);
    hub.receive(ps[3]!); // 2 and 3 were lost
    hub.receive(ps[0]!);
    hub.receive(ps[4]!);
    await settle();
    hub.receive(ps[2]!);
    expect(c.patches('match:1')).toEqual([1, 2, 3, 4, 5]);
  });

  it('catches up from the log after a bus outage, without a new message', async () => {
    start();
    const f = feed('match:1');
    const c = await client();
    c.say({ type: 'subscribe', topic: 'match:1' });
    await settle();
    f.commit();
    f.commit();
    hub.catchUp();
    await settle();
    expect(c.patches('match:1')).toEqual([1, 2]);
  });

  it('serialises a patch once for all its subscribers', async () => {
    start();
    const f = feed('match:1');
    const [a, b] = [await client(), await client()];
    for (const c of [a, b]) c.say({ type: 'subscribe', topic: 'match:1' });
    await settle();
    const stringify = vi.spyOn(JSON, 'stringify');
    hub.receive(f.commit());
    expect(stringify).toHaveBeenCalledTimes(1);
    stringify.mockRestore();
    expect(a.raw.at(-1)).toBe(b.raw.at(-1));
  });

  it('sends a fresh snapshot to every subscriber when the topic starts a new epoch', async () => {
    start();
    const f = feed('match:1');
    f.commit();
    const c = await client();
    c.say({ type: 'subscribe', topic: 'match:1' });
    await settle();
    f.epoch = 'e2';
    f.log = [];
    hub.receive(f.commit());
    await settle();
    expect(c.sent.filter((x) => x.type === 'snapshot').at(-1)).toMatchObject({ epoch: 'e2', seq: 1, recovered: false });
  });

  it('closes with 1011 when the log cannot be read, and with 4008 past 1 MiB of unsent data', async () => {
    start();
    const f = feed('match:1');
    const c = await client();
    f.failing = true;
    c.say({ type: 'subscribe', topic: 'match:1' });
    await settle();
    expect(c.closedWith).toBe(1011);

    f.failing = false;
    const slow = await client();
    slow.say({ type: 'subscribe', topic: 'match:1' });
    await settle();
    slow.bufferedAmount = 1024 * 1024 + 1;
    hub.receive(f.commit());
    expect(slow.closedWith).toBe(4008);
    hub.receive(f.commit());
    expect(slow.patches('match:1')).toEqual([1]);
  });

  it('pings every heartbeat and drops a connection that missed two pongs', async () => {
    vi.useFakeTimers();
    start({ heartbeatMs: 1000 });
    const [quiet, alive] = [new FakeSocket(), new FakeSocket()];
    quiet.events = hub.connect(quiet);
    alive.events = hub.connect(alive);
    for (const s of [quiet, alive]) s.say({ type: 'hello', protocol: 1 });
    for (let i = 0; i < 3; i++) {
      vi.advanceTimersByTime(1000);
      alive.events.pong();
    }
    expect(quiet.pings).toBe(2);
    expect(quiet.terminated).toBe(true);
    expect(alive.terminated).toBe(false);
    expect(alive.pings).toBe(3);
  });

  it('holds a changed account’s frames while it is read again: sends them in order if it holds, else 4001', async () => {
    let answer!: (holds: boolean) => void;
    start({
      authenticate: async (token) => ({
        role: 'judge',
        account: { userId: token, role: 'judge', expiresAt: Date.now() + 60_000 },
      }),
      stillValid: () => new Promise((resolve) => (answer = (holds) => resolve(() => holds))),
    });
    const f = feed('match:1');
    const changed = (userId: string): Patch => ({
      topic: 'admin',
      epoch: 'audit-v1',
      seq: f.log.length,
      changes: [{ op: 'created', entity: 'audit', data: auditAbout('user', userId) }],
    });
    const signedIn = async (token: string) => {
      const socket = new FakeSocket();
      socket.events = hub.connect(socket);
      socket.say({ type: 'hello', protocol: 1, token });
      await settle();
      socket.say({ type: 'subscribe', topic: 'match:1' });
      await settle();
      return socket;
    };
    const kept = await signedIn('7');
    hub.receive(changed('7'));
    hub.receive(f.commit());
    hub.receive(f.commit());
    await settle();
    expect(kept.patches('match:1')).toEqual([]);
    answer(true);
    await settle();
    expect(kept.patches('match:1')).toEqual([1, 2]);

    const lost = await signedIn('8');
    hub.receive(changed('8'));
    hub.receive(f.commit());
    answer(false);
    await settle();
    expect(lost.patches('match:1')).toEqual([]);
    expect(lost.sent.at(-1)).toEqual({ type: 'error', code: 'invalid_token' });
    expect(lost.closedWith).toBe(4001);
    expect(kept.patches('match:1')).toEqual([1, 2, 3]);
  });

  it('refuses the 65th topic on one connection', async () => {
    start();
    const c = await client();
    for (let i = 1; i <= 65; i++) c.say({ type: 'subscribe', topic: `match:${i}` });
    await settle();
    expect(c.sent.filter((x) => x.type === 'subscribed')).toHaveLength(64);
    expect(c.sent.find((x) => x.type === 'error')).toEqual({ type: 'error', code: 'rate_limited', topic: 'match:65' });
  });

  it('tells every connection to reconnect elsewhere on close (4009), and one arriving after at once', async () => {
    start();
    const c = await client();
    c.say({ type: 'subscribe', topic: 'match:1' });
    await settle();
    hub.close();
    expect(c.closedWith).toBe(4009);
    const late = new FakeSocket();
    late.events = hub.connect(late);
    expect(late.closedWith).toBe(4009);
    late.say({ type: 'hello', protocol: 1 });
    await settle();
    expect(late.sent).toEqual([]);
  });
});
