import { and, asc, eq, gt, lt } from 'drizzle-orm';
import type { Change } from '@touchline/contract';
import type { Db, Executor } from '../db/client.ts';
import { changeLog } from '../db/schema.ts';
import { type Feed, type Patch, type Position, REPLAY_LIMIT, type Snapshot } from './feed.ts';

export interface LogSource {
  /** The topic's position as `ex` sees it, or undefined when it names nothing. Read only. */
  readHead(ex: Executor): Promise<Position | undefined>;
  snapshot(): Promise<Snapshot | undefined>;
  /** Runs before the first head read; false when the topic names nothing. */
  prepare?(): Promise<boolean>;
}

type Row = typeof changeLog.$inferSelect;
const toPatch = (r: Row): Patch => ({ topic: r.topic, epoch: r.epoch, seq: r.seq, changes: r.changes as Change[] });

/** A topic whose patches are rows of `change_log` (match:{id}, season:{id}): seq rises by 1 per row. */
export function logFeed(db: Db, topic: string, source: LogSource): Feed {
  const rows = (ex: Executor, after: number, before?: number) =>
    ex
      .select()
      .from(changeLog)
      .where(
        and(
          eq(changeLog.topic, topic),
          gt(changeLog.seq, after),
          before === undefined ? undefined : lt(changeLog.seq, before),
        ),
      )
      .orderBy(asc(changeLog.seq));

  return {
    contiguous: true,
    async head() {
      if (source.prepare && !(await source.prepare())) return undefined;
      return source.readHead(db);
    },
    snapshot: () => source.snapshot(),
    replay: (since) =>
      db.transaction(
        async (tx) => {
          const head = await source.readHead(tx);
          const missed = head ? head.seq - since.seq : -1;
          if (!head || head.epoch !== since.epoch || missed < 0 || missed > REPLAY_LIMIT) return undefined;
          const list = await rows(tx, since.seq, head.seq + 1);
          const whole =
            list.length === missed && list.every((r, i) => r.seq === since.seq + 1 + i && r.epoch === head.epoch);
          return whole ? { head, patches: list.map(toPatch) } : undefined;
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      ),
    between: async (after, before) => (await rows(db, after, before)).map(toPatch),
  };
}
