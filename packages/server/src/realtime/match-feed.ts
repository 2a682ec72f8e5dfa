import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { matches } from '../db/schema.ts';
import { loadSnapshot } from '../reads/snapshot.ts';
import type { Feed } from './feed.ts';
import { logFeed } from './log-feed.ts';

/** match:{id}: the REST MatchSnapshot, and the match's change log (seq = matches.seq). */
export function matchFeed(db: Db, matchId: number): Feed {
  return logFeed(db, `match:${matchId}`, {
    async readHead(ex) {
      const [head] = await ex
        .select({ epoch: matches.epoch, seq: matches.seq })
        .from(matches)
        .where(eq(matches.id, matchId));
      return head;
    },
    async snapshot() {
      const snap = await loadSnapshot(db, matchId);
      return snap && { epoch: snap.epoch, seq: snap.seq, data: snap };
    },
  });
}
