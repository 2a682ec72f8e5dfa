import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerFrame } from '@touchline/contract';
import { RECENT_PATCHES } from '../src/realtime/stream.ts';
import { type Api, matches, signInAdmin, snapshot } from './api.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';
import { RawSocket } from './raw-socket.ts';

const FANS = 300;
const TOPICS = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One fan's view of its topic across its connections: every seq it applied, in order, and what went wrong. */
class Fan {
  seqs: number[] = [];
  recovered: (boolean | undefined)[] = [];
  problems: string[] = [];
  epoch = '';
  ws!: RawSocket;
  private read = 0;

  constructor(readonly topic: string) {}

  get last() {
    return this.seqs.at(-1) ?? -1;
  }

  /** Applies the frames that came since the last call, as a client would. */
  take(): void {
    const frames = this.ws.frames.slice(this.read) as ServerFrame[];
    this.read = this.ws.frames.length;
    for (const f of frames) {
      if (f.type === 'subscribed') this.recovered.push(f.recovered);
      if (f.type === 'snapshot') {
        this.epoch = f.epoch;
        this.seqs.push(f.seq);
      }
      if (f.type === 'patch') {
        if (f.seq !== this.last + 1) this.problems.push(`${this.topic}: ${this.last} then ${f.seq}`);
        this.seqs.push(f.seq);
      }
      if (f.type === 'error') this.problems.push(JSON.stringify(f));
    }
  }

  async connect(url: string, since?: { epoch: string; seq: number }) {
    this.read = 0;
    this.ws = await RawSocket.welcomed(url);
    this.ws.send({ type: 'subscribe', topic: this.topic, ...(since ? { since } : {}) });
  }
}

/**
 * Reconnect storm (issue 20, decision 048): hundreds of fans of a few topics drop at once and resume with `since`
 * while writes go on. Every fan ends at the head with no gap and no duplicate, and the change log is read at most
 * twice per topic however many fans resume.
 */
// Hundreds of sockets and a few hundred writes: slow on the embedded database of a loaded machine.
describe.each(dbKinds)('reconnect storm on %s', { timeout: 240_000 }, (kind) => {
  let s: TestServer;
  let admin: Api;
  let ids: string[];
  const reads = new Map<string, number>();
  let unwatch: () => void;

  beforeAll(async () => {
    s = await startTestServer(kind, { demo: true, config: { realtimeMaxPerAddress: 5000 } });
    admin = await signInAdmin(s.app);
    const recordable = (await matches(s.app)).filter((m) => m.status === 'live' || m.status === 'finished');
    ids = recordable.slice(0, TOPICS).map((m) => m.id);
    expect(ids).toHaveLength(TOPICS);
    unwatch = s.app.metrics.watchChangeLogReads((t) => reads.set(t, (reads.get(t) ?? 0) + 1));
  });
  afterAll(async () => {
    unwatch?.();
    await s?.close();
  });

  const corner = (id: string) =>
    admin.req('POST', `/api/matches/${id}/stats`, { side: 'home', metric: 'corners', delta: 1 });
  /** Writes corners round the topics until stopped; the promise resolves when the last write is done. */
  const writer = (topics: string[]) => {
    let on = true;
    const done = (async () => {
      for (let i = 0; on; i++) expect((await corner(topics[i % topics.length]!)).status).toBe(200);
    })();
    return {
      stop: async () => {
        on = false;
        await done;
      },
    };
  };
  const inBatches = async <T>(items: T[], fn: (item: T) => Promise<void>) => {
    for (let i = 0; i < items.length; i += 50) await Promise.all(items.slice(i, i + 50).map(fn));
  };
  const followAll = async (topics: string[]) => {
    const fans = Array.from({ length: FANS }, (_, i) => new Fan(`match:${topics[i % topics.length]}`));
    await inBatches(fans, async (f) => {
      await f.connect(s.url);
      await f.ws.next('subscribed');
      await f.ws.next('snapshot');
      f.take();
    });
    return fans;
  };
  /** Waits until every fan stands at its topic's head, then checks each one's whole history. */
  const settle = async (fans: Fan[], topics: string[]) => {
    const heads = new Map<string, number>();
    for (const id of topics) heads.set(`match:${id}`, (await snapshot(s.app, id)).seq);
    const deadline = Date.now() + 20_000;
    for (;;) {
      for (const f of fans) f.take();
      if (fans.every((f) => f.last === heads.get(f.topic)) || Date.now() > deadline) break;
      await sleep(50);
    }
    for (const f of fans) {
      f.ws.close();
      expect(f.problems).toEqual([]);
      expect(f.last).toBe(heads.get(f.topic));
      expect(f.seqs).toEqual(Array.from({ length: f.seqs.length }, (_, i) => f.seqs[0]! + i));
      expect(f.recovered).toEqual([undefined, true]);
    }
  };

  it('resumes every fan from the recent window while writes go on, reading the log at most twice a topic', async () => {
    const fans = await followAll(ids);
    const writes = writer(ids);
    await sleep(300);
    for (const f of fans) {
      f.ws.close();
      f.take();
    }
    reads.clear();
    await sleep(100);
    await Promise.all(fans.map((f) => f.connect(s.url, { epoch: f.epoch, seq: f.last })));
    await Promise.all(
      fans.map((f) =>
        f.ws.next('subscribed').then(
          () => undefined,
          () => undefined,
        ),
      ),
    );
    await sleep(200);
    await writes.stop();
    await settle(fans, ids);
    for (const id of ids) expect(reads.get(`match:${id}`) ?? 0).toBeLessThanOrEqual(2);
  });

  it('shares one log read per topic when the fans resume from before the window', async () => {
    const topics = ids.slice(0, 2);
    const fans = await followAll(topics);
    for (const f of fans) {
      f.ws.close();
      f.take();
    }
    // More patches than the window holds, so every resume must come from the log.
    for (let i = 0; i <= RECENT_PATCHES; i++) for (const id of topics) await corner(id);
    const writes = writer(topics);
    reads.clear();
    // The reconnects arrive spread out, as they would over a couple of seconds.
    await Promise.all(
      fans.map(async (f) => {
        await sleep(Math.random() * 1000);
        await f.connect(s.url, { epoch: f.epoch, seq: f.last });
      }),
    );
    await Promise.all(
      fans.map((f) =>
        f.ws.next('subscribed').then(
          () => undefined,
          () => undefined,
        ),
      ),
    );
    await writes.stop();
    await settle(fans, topics);
    for (const topic of topics) {
      expect(reads.get(`match:${topic}`)).toBeGreaterThanOrEqual(1);
      expect(reads.get(`match:${topic}`)).toBeLessThanOrEqual(2);
    }
  });
});
