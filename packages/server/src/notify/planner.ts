import { sql, type SQL } from 'drizzle-orm';
import type { Side } from '@touchline/contract';
import { diffFacts, type MatchFacts, matchFacts, type RemovedFact, UNTOLD } from '@touchline/domain';
import type { Db, Tx } from '../db/client.ts';
import { rawRows } from '../db/raw.ts';
import { factEvents } from '../reads/fact-events.ts';
import { getSummary } from '../reads/summary.ts';
import type { Notice, NoticeItem } from './deliver.ts';

/** Changes fans may hear about; a statistics-only patch opens no window (docs/decisions/034). */
const NOTABLE = new Set(['event', 'match', 'lineup']);
/** Matches looked at per pass; the rest wait for the next. */
const MATCHES_PER_PASS = 50;

/** Outbox rows a planning step inserted, by the notice's kind and the recipients' channel (for the metrics). */
export interface Planned {
  kind: string;
  channel: string;
  count: number;
}

const list = (values: readonly (string | number)[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Matches with changes past what was planned whose window is not open, or whose window has closed. */
export async function dueMatches(db: Db, holdSeconds: number): Promise<number[]> {
  const rows = await rawRows<{ id: number }>(
    db,
    sql`select m.id from matches m left join match_notify_state s on s.match_id = m.id
        where (s.window_opened_at is null and m.seq > coalesce(s.planned_seq, 0))
           or s.window_opened_at <= now() - ${holdSeconds}::int * interval '1 second'
        order by m.id limit ${MATCHES_PER_PASS}`,
  );
  return rows.map((r) => r.id);
}

interface StateRow {
  planned_seq: number;
  told: MatchFacts | null;
  opened_at: string | null;
  due: boolean;
}

/**
 * One planning step of one match, by whichever instance holds its state row (`FOR UPDATE SKIP LOCKED`; another
 * instance skips it). Opens the hold window at the commit of the first notable change, or closes a due one: the
 * match is read in the same repeatable-read snapshot as its seq, diffed against what was told, and the outbox rows
 * are inserted by `INSERT … SELECT`, so no recipient list is ever held here.
 */
export async function planMatch(db: Db, matchId: number, holdSeconds: number): Promise<Planned[]> {
  await db.execute(sql`insert into match_notify_state (match_id) values (${matchId}) on conflict do nothing`);
  return db.transaction(
    async (tx) => {
      const [state] = await rawRows<StateRow>(
        tx,
        sql`select planned_seq, told, window_opened_at::text as opened_at,
                   window_opened_at <= now() - ${holdSeconds}::int * interval '1 second' as due
            from match_notify_state where match_id = ${matchId} for update skip locked`,
      );
      if (!state) return [];
      if (state.opened_at === null) {
        await openWindow(tx, matchId, state.planned_seq);
        return [];
      }
      return state.due ? closeWindow(tx, matchId, state.told ?? UNTOLD, state.opened_at) : [];
    },
    { isolationLevel: 'repeatable read' },
  );
}

async function openWindow(tx: Tx, matchId: number, plannedSeq: number): Promise<void> {
  const changes = await rawRows<{ seq: number; at: string; changes: { entity: string }[] }>(
    tx,
    sql`select seq, created_at::text as at, changes from change_log
        where topic = ${`match:${matchId}`} and seq > ${plannedSeq} order by seq`,
  );
  if (changes.length === 0) {
    // Nothing logged past it (a log cleared by a removal): caught up as the match stands.
    await tx.execute(
      sql`update match_notify_state set planned_seq = (select seq from matches where id = ${matchId}) where match_id = ${matchId}`,
    );
    return;
  }
  const notable = changes.find((c) => c.changes.some((ch) => NOTABLE.has(ch.entity)));
  await tx.execute(
    notable
      ? sql`update match_notify_state set window_opened_at = ${notable.at}::timestamptz where match_id = ${matchId}`
      : sql`update match_notify_state set planned_seq = ${changes.at(-1)!.seq} where match_id = ${matchId}`,
  );
}

async function closeWindow(tx: Tx, matchId: number, told: MatchFacts, openedAt: string): Promise<Planned[]> {
  const summary = await getSummary(tx, matchId);
  const [head] = await rawRows<{ seq: number }>(tx, sql`select seq from matches where id = ${matchId}`);
  if (!summary || !head) return [];
  const events = await factEvents(tx, matchId);
  const sides = await rawRows<{ side: Side }>(tx, sql`select distinct side from lineups where match_id = ${matchId}`);
  const now = matchFacts({
    status: summary.status,
    period: summary.period,
    score: summary.score,
    shootout: summary.shootout,
    events,
    lineups: sides.map((s) => s.side),
  });
  const { items, removed } = diffFacts(told, now);
  const notice = (news: NoticeItem[]): Notice => ({
    matchId: String(matchId),
    match: {
      home: summary.homeClub.name,
      away: summary.awayClub.name,
      competition: summary.competition.name,
      kickoffAt: summary.kickoffAt,
      score: summary.score,
      ...(summary.shootout ? { shootout: summary.shootout } : {}),
    },
    items: news,
  });
  const clubs = [Number(summary.homeClub.id), Number(summary.awayClub.id)];
  const planned: Planned[] = [];
  const base = { matchId, committedAt: openedAt };
  if (items.length > 0) {
    const wanted = [...new Set(items.map((i) => i.kind))];
    const followers = sql`select r.id from notify_recipients r
      where r.id in (select f.recipient_id from follows f
                     where ((f.target = 'match' and f.target_id = ${matchId}) or (f.target = 'club' and f.target_id in (${list(clubs)})))
                       and f.created_at <= ${openedAt}::timestamptz)
         or r.channel = 'channel'`;
    const kind = items[0]!.kind;
    planned.push(
      ...(await insertNotice(
        tx,
        { ...base, key: `match:${matchId}:w:${head.seq}`, kind, notice: notice(items), wanted },
        followers,
      )),
    );
  }
  if (removed.length > 0) {
    planned.push(
      ...(await correct(tx, { ...base, key: `match:${matchId}:c:${head.seq}`, notice: notice([]) }, removed)),
    );
  }
  await tx.execute(
    sql`update match_notify_state set told = ${JSON.stringify(now)}::jsonb, planned_seq = ${head.seq},
        window_opened_at = null where match_id = ${matchId}`,
  );
  return planned;
}

interface NoticeRow {
  matchId: number;
  key: string;
  kind: string;
  notice: Notice;
  committedAt: string;
}

/** One row per recipient in `candidates` who may be written to and chose one of `wanted`; a replay adds none. */
async function insertNotice(tx: Tx, row: NoticeRow & { wanted: string[] }, candidates: SQL): Promise<Planned[]> {
  return counted(
    tx,
    row.kind,
    sql`insert into notifications (recipient_id, channel, notice_key, match_id, kind, payload, committed_at)
        select r.id, r.channel, ${row.key}, ${row.matchId}, ${row.kind}, ${JSON.stringify(row.notice)}::jsonb, ${row.committedAt}::timestamptz
        from notify_recipients r
        where r.id in (${candidates})
          and r.paused_at is null and (r.channel <> 'telegram' or r.can_write)
          and exists (select 1 from jsonb_array_elements_text(r.kinds) k where k in (${list(row.wanted)}))
        on conflict (recipient_id, notice_key) do nothing
        returning channel`,
  );
}

/**
 * Told news that is no longer true: one correction to each recipient who was SENT a notice naming it; notices not
 * yet sent lose the removed items, and are cancelled when none is left.
 */
async function correct(tx: Tx, row: Omit<NoticeRow, 'kind'>, removed: RemovedFact[]): Promise<Planned[]> {
  const ids = list(removed.map((r) => r.eventId));
  const names = sql`exists (select 1 from jsonb_array_elements(n.payload->'items') i where i->>'eventId' in (${ids}))`;
  const told = sql`select n.recipient_id from notifications n where n.match_id = ${row.matchId} and n.status = 'sent' and ${names}`;
  const correction = { ...row.notice, items: [{ kind: 'correction' as const, removed }] };
  const planned = await insertNotice(
    tx,
    { ...row, kind: 'correction', notice: correction, wanted: ['goal', 'red_card'] },
    told,
  );
  await tx.execute(
    sql`update notifications n set payload = jsonb_set(n.payload, '{items}', coalesce(
          (select jsonb_agg(i.value order by i.ordinality) from jsonb_array_elements(n.payload->'items') with ordinality i
           where coalesce(i.value->>'eventId', '') not in (${ids})), '[]'::jsonb))
        where n.match_id = ${row.matchId} and n.status = 'pending' and ${names}`,
  );
  await tx.execute(
    sql`update notifications set status = 'cancelled', claimed_by = null, claimed_until = null
        where match_id = ${row.matchId} and status = 'pending' and payload->'items' = '[]'::jsonb`,
  );
  return planned;
}

/** Runs an `INSERT … RETURNING channel` and counts what it inserted by channel, without fetching the rows. */
async function counted(ex: Tx | Db, kind: string, insert: SQL): Promise<Planned[]> {
  const rows = await rawRows<{ channel: string; count: number }>(
    ex,
    sql`with ins as (${insert})
        select channel, count(*)::int as count from ins group by channel`,
  );
  return rows.map((r) => ({ kind, channel: r.channel, count: r.count }));
}

/** Kick-offs this far ahead are looked at for reminders; a recipient's `reminder_minutes` is at most this. */
const REMINDER_HORIZON_HOURS = 24;

/**
 * Reminders before kick-off: one per recipient and match (the key), to followers of the match or its clubs and the
 * league channel, once kick-off is within the recipient's `reminder_minutes`.
 */
export async function planReminders(db: Db): Promise<Planned[]> {
  return counted(
    db,
    'reminder',
    sql`insert into notifications (recipient_id, channel, notice_key, match_id, kind, payload, committed_at)
        select r.id, r.channel, 'match:' || m.id || ':reminder', m.id, 'reminder',
          jsonb_build_object(
            'matchId', m.id::text,
            'match', jsonb_build_object('home', h.name, 'away', a.name, 'competition', c.name,
              'kickoffAt', to_char(m.kickoff_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
              'score', jsonb_build_object('home', 0, 'away', 0)),
            'items', jsonb_build_array(jsonb_build_object('kind', 'reminder',
              'minutesBefore', ceil(extract(epoch from m.kickoff_at - now()) / 60)::int))),
          now()
        from matches m
        join seasons s on s.id = m.season_id
        join competitions c on c.id = s.competition_id
        join clubs h on h.id = m.home_club_id
        join clubs a on a.id = m.away_club_id
        join notify_recipients r on r.paused_at is null and (r.channel <> 'telegram' or r.can_write)
          and r.kinds @> '["reminder"]'::jsonb
        where m.status = 'scheduled' and m.kickoff_at > now()
          and m.kickoff_at <= now() + ${REMINDER_HORIZON_HOURS}::int * interval '1 hour'
          and m.kickoff_at <= now() + r.reminder_minutes * interval '1 minute'
          and (r.channel = 'channel' or exists (select 1 from follows f where f.recipient_id = r.id
               and ((f.target = 'match' and f.target_id = m.id)
                 or (f.target = 'club' and f.target_id in (m.home_club_id, m.away_club_id)))))
        on conflict (recipient_id, notice_key) do nothing
        returning channel`,
  );
}
