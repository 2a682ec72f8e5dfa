import { beforeAll, describe, expect, it } from 'vitest';
import type { Feed, Patch, Position } from '../../src/realtime/feed.ts';

/** A feed under the contract, with a way to write to its topic through the real write path. */
export interface FeedFixture {
  feed: Feed;
  /** One write that reaches the topic; the patches it published there, as the fan-out carried them. */
  write(): Promise<Patch[]>;
  /** Whether the feed keeps its patches, so a resume can be answered with them (the live card keeps none). */
  logged: boolean;
  /** A feed of the same kind on a topic that names nothing (no such match), where the kind has such topics. */
  nameless?: Feed;
}

const at = (p: Position): Position => ({ epoch: p.epoch, seq: p.seq });
/** A patch as a replay returns it: what the fan-out adds for its metric is not part of it. */
const bare = ({ topic, epoch, seq, changes }: Patch): Patch => ({ topic, epoch, seq, changes });

/** What every `Feed` promises the realtime hub (docs/protocol.md §9.4: snapshot, resume, no gap, no repeat). */
export function feedContract(name: string, fixture: () => Promise<FeedFixture>) {
  describe(`the Feed contract: ${name}`, () => {
    let f: FeedFixture;
    const writes = async (n: number) => {
      const out: Patch[] = [];
      for (let i = 0; i < n; i++) out.push(...(await f.write()));
      return out;
    };
    beforeAll(async () => {
      f = await fixture();
    });

    it('stands at the last patch published: head and snapshot alike', async () => {
      const last = (await writes(2)).at(-1)!;
      expect(await f.feed.head()).toEqual(at(last));
      const snap = await f.feed.snapshot();
      expect(snap && at(snap)).toEqual(at(last));
    });

    it('never repeats a seq: it only rises, by exactly 1 per patch on a contiguous feed', async () => {
      const before = (await f.feed.head())!;
      const published = await writes(3);
      expect(published.length).toBeGreaterThanOrEqual(3);
      const seqs = [before.seq, ...published.map((p) => p.seq)];
      for (const [i, seq] of seqs.slice(1).entries()) {
        if (f.feed.contiguous) expect(seq).toBe(seqs[i]! + 1);
        else expect(seq).toBeGreaterThan(seqs[i]!);
      }
      expect(new Set(published.map((p) => p.epoch))).toEqual(new Set([before.epoch]));
    });

    it('replays exactly the patches after a position, in order and as published, or nothing when it keeps no log', async () => {
      const since = (await f.feed.head())!;
      const published = await writes(3);
      const head = at(published.at(-1)!);
      const replayed = await f.feed.replay(since);
      if (!f.logged) return expect(replayed).toBeUndefined();
      expect(replayed).toEqual({ head, patches: published.map(bare) });
      expect(await f.feed.replay(at(published[0]!))).toEqual({ head, patches: published.slice(1).map(bare) });
      expect(await f.feed.replay(head)).toEqual({ head, patches: [] });
    });

    it('answers no resume it cannot answer whole: another epoch, or a position past its head', async () => {
      const head = (await f.feed.head())!;
      expect(await f.feed.replay({ epoch: `not ${head.epoch}`, seq: head.seq })).toBeUndefined();
      expect(await f.feed.replay({ ...head, seq: head.seq + 1 })).toBeUndefined();
    });

    it('reads the logged patches strictly between two seqs, oldest first, as published', async () => {
      const since = (await f.feed.head())!;
      const published = (await writes(3)).map(bare);
      const [first, , last] = [published[0]!, published[1]!, published.at(-1)!];
      const logged = (list: Patch[]) => (f.logged ? list : []);
      expect(await f.feed.between(first.seq, last.seq)).toEqual(logged(published.slice(1, -1)));
      expect(await f.feed.between(since.seq)).toEqual(logged(published));
      expect(await f.feed.between(last.seq)).toEqual([]);
    });

    it('says a topic that names nothing has no head, no snapshot and no replay', async (ctx) => {
      const none = f.nameless;
      if (!none) return ctx.skip();
      expect(await none.head()).toBeUndefined();
      expect(await none.snapshot()).toBeUndefined();
      expect(await none.replay({ epoch: 'any', seq: 0 })).toBeUndefined();
      expect(await none.between(0)).toEqual([]);
    });
  });
}
