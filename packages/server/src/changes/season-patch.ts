import { sql } from 'drizzle-orm';
import type { Change } from '@touchline/contract';
import type { Tx } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { computeStandings } from '../league/standings.ts';
import { listSummaries } from '../reads/summary.ts';
import { appendPatch, type CommittedPatch } from './patch.ts';

/** The season topic's next position; its row is created here or by the season feed, whichever comes first. */
async function nextSeasonSeq(tx: Tx, topic: string) {
  const [feed] = await tx
    .insert(t.feeds)
    .values({ topic, epoch: crypto.randomUUID(), seq: 1 })
    .onConflictDoUpdate({ target: t.feeds.topic, set: { seq: sql`${t.feeds.seq} + 1` } })
    .returning();
  return feed!;
}

/**
 * Appends a season:{id} patch (standings plus the changed, new or deleted matches, and any `extra` changes such as
 * settled predictions) to the change log.
 */
export async function seasonPatch(
  tx: Tx,
  seasonId: number,
  matchIds: number | number[] = [],
  deletedIds: number[] = [],
  extra: Change[] = [],
): Promise<CommittedPatch> {
  const topic = `season:${seasonId}`;
  const feed = await nextSeasonSeq(tx, topic);
  const standings = await computeStandings(tx, seasonId);
  const ids = typeof matchIds === 'number' ? [matchIds] : matchIds;
  const summaries = ids.length ? await listSummaries(tx, { ids }) : [];
  const changes = [
    { op: 'updated' as const, entity: 'standings' as const, id: String(seasonId), data: standings },
    ...summaries.map((m) => ({ op: 'updated' as const, entity: 'match' as const, id: m.id, data: m })),
    ...deletedIds.map((id) => ({ op: 'deleted' as const, entity: 'match' as const, id: String(id) })),
    ...extra,
  ];
  return appendPatch(tx, { topic, epoch: feed.epoch, seq: feed.seq, changes });
}
