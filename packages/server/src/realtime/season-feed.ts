import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.ts';
import { feeds, seasons } from '../db/schema.ts';
import { computeStandings } from '../league/standings.ts';
import { listSummaries } from '../reads/summary.ts';
import type { Feed } from './feed.ts';
import { logFeed } from './log-feed.ts';

/**
 * season:{id}: standings plus the season's matches. Its seq lives in `feeds`; the row is created here on first use
 * (finalisation creates it too, whichever comes first), and every season patch is a change-log row.
 */
export function seasonFeed(db: Db, seasonId: number): Feed {
  const topic = `season:${seasonId}`;
  const readHead = async (ex: Executor) => {
    const [head] = await ex.select({ epoch: feeds.epoch, seq: feeds.seq }).from(feeds).where(eq(feeds.topic, topic));
    return head;
  };
  return logFeed(db, topic, {
    readHead,
    async prepare() {
      const [season] = await db.select({ id: seasons.id }).from(seasons).where(eq(seasons.id, seasonId));
      if (!season) return false;
      await db.insert(feeds).values({ topic, epoch: randomUUID(), seq: 0 }).onConflictDoNothing();
      return true;
    },
    snapshot: () =>
      db.transaction(
        async (tx) => {
          const head = await readHead(tx);
          const standings = await computeStandings(tx, seasonId);
          if (!head || !standings) return undefined;
          const matches = await listSummaries(tx, { seasonId: String(seasonId) });
          return { ...head, data: { standings, matches } };
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      ),
  });
}
