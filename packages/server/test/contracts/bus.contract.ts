import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bus, BusMessage } from '../../src/realtime/bus.ts';

/** How a bus implementation is opened for the contract. */
export interface BusFixture {
  /** The bus of instance `instanceId`; the buses one fixture opens share their medium (one Redis, one process). */
  open(instanceId: string): Promise<Bus>;
  /**
   * Whether messages cross to the other instances. The in-process bus serves a single instance: it carries nothing
   * and has no health to report, so /health leaves Redis out.
   */
  crossesInstances: boolean;
  dispose(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Long enough for a message through a local Redis to arrive, many times over. */
const QUIET_MS = 150;

async function until(ok: () => boolean, timeoutMs = 5000) {
  for (const end = Date.now() + timeoutMs; !ok(); await sleep(10)) {
    if (Date.now() > end) throw new Error('timed out');
  }
}

const stats = (corners: number) => ({
  shots: 0,
  shots_on_target: 0,
  corners,
  fouls: 0,
  offsides: 0,
  saves: 0,
  yellow_cards: 0,
  red_cards: 0,
});

const message = (origin: string, topic: string, seq: number): BusMessage => ({
  topic,
  epoch: `epoch of ${topic}`,
  seq,
  changes: [{ op: 'updated', entity: 'stats', id: `${topic}/${seq}`, data: { home: stats(seq), away: stats(0) } }],
  committedAt: 1_700_000_000_000 + seq,
  origin,
});

/** A bus and everything its handlers heard. */
interface Instance {
  bus: Bus;
  heard: BusMessage[];
  recovered: number;
}

/** What every `Bus` promises the fan-out, the realtime plugin and /health. */
export function busContract(name: string, fixture: () => Promise<BusFixture>) {
  describe(`the Bus contract: ${name}`, () => {
    let f: BusFixture;
    const opened: Instance[] = [];
    const open = async (id: string): Promise<Instance> => {
      const i: Instance = { bus: await f.open(id), heard: [], recovered: 0 };
      i.bus.onMessage((m) => i.heard.push(m));
      i.bus.onRecover(() => i.recovered++);
      opened.push(i);
      return i;
    };
    const from = (i: Instance, origin: string) => i.heard.filter((m) => m.origin === origin);

    beforeAll(async () => {
      f = await fixture();
    });
    afterAll(async () => {
      await Promise.all(opened.map((i) => i.bus.close()));
      await f?.dispose();
    });

    it('carries each topic’s messages to every other instance in order and intact, and never back to the sender', async () => {
      const [a, b, c] = [await open('a1'), await open('b1'), await open('c1')];
      const sent = Array.from({ length: 30 }, (_, n) => message('a1', n % 2 ? 'match:1' : 'season:1', n + 1));
      for (const m of sent) a.bus.publish(m);
      b.bus.publish(message('b1', 'match:1', 100));
      if (f.crossesInstances) {
        await until(() => from(b, 'a1').length === sent.length && from(c, 'a1').length === sent.length);
        await until(() => from(a, 'b1').length === 1);
      } else await sleep(QUIET_MS);
      const expected = f.crossesInstances ? sent : [];
      for (const topic of ['match:1', 'season:1']) {
        const onTopic = (list: BusMessage[]) => list.filter((m) => m.topic === topic);
        expect(onTopic(from(b, 'a1'))).toEqual(onTopic(expected));
        expect(onTopic(from(c, 'a1'))).toEqual(onTopic(expected));
      }
      expect(from(a, 'a1')).toEqual([]);
      expect(from(b, 'b1')).toEqual([]);
    });

    it('keeps a failing handler from the other handlers and from later messages', async () => {
      const [a, b] = [await open('a2'), await open('b2')];
      b.bus.onMessage(() => {
        throw new Error('a handler failed');
      });
      const after: BusMessage[] = [];
      b.bus.onMessage((m) => after.push(m));
      expect(() => [1, 2, 3].map((seq) => a.bus.publish(message('a2', 'match:2', seq)))).not.toThrow();
      const count = f.crossesInstances ? 3 : 0;
      if (count) await until(() => after.length === count);
      else await sleep(QUIET_MS);
      expect(after.map((m) => m.seq)).toEqual([1, 2, 3].slice(0, count));
      expect(from(b, 'a2').map((m) => m.seq)).toEqual([1, 2, 3].slice(0, count));
    });

    it('reports its health while it runs and after it closes: ok then down, or nothing when it serves one instance', async () => {
      const a = await open('a3');
      expect(a.bus.health()).toBe(f.crossesInstances ? 'ok' : undefined);
      await a.bus.close();
      expect(a.bus.health()).toBe(f.crossesInstances ? 'down' : undefined);
    });

    it('hands nothing to a closed bus, and a closed bus publishes nothing and never throws', async () => {
      const [a, b] = [await open('a4'), await open('b4')];
      for (let seq = 1; seq <= 200; seq++) a.bus.publish(message('a4', 'match:4', seq));
      if (f.crossesInstances) await until(() => b.heard.length > 0);
      await b.bus.close();
      const heard = b.heard.length;
      for (let seq = 201; seq <= 210; seq++) a.bus.publish(message('a4', 'match:4', seq));
      expect(() => b.bus.publish(message('b4', 'match:4', 1))).not.toThrow();
      await expect(b.bus.close()).resolves.toBeUndefined();
      await sleep(QUIET_MS);
      expect(b.heard.length).toBe(heard);
      expect(from(a, 'b4')).toEqual([]);
    });

    it('calls no recover handler while nothing went wrong', () => {
      expect(opened.map((i) => i.recovered)).toEqual(opened.map(() => 0));
    });
  });
}
