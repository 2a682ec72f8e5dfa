import { sql } from 'drizzle-orm';
import type { FactEvent } from '@touchline/domain';
import type { Executor } from '../db/client.ts';
import { rawRows } from '../db/raw.ts';

/** A match's events as `matchFacts` takes them, in recorded order, with each player's display name when known. */
export async function factEvents(ex: Executor, matchId: number): Promise<FactEvent[]> {
  const rows = await rawRows<FactEvent & { player: string | null }>(
    ex,
    sql`select e.id::text as id, e.type, e.side, e.minute, nullif(trim(p.first_name || ' ' || p.last_name), '') as player
        from match_events e left join persons p on p.id = e.player_id
        where e.match_id = ${matchId} order by e.id`,
  );
  return rows.map(({ player, ...e }) => (player === null ? e : { ...e, player }));
}
