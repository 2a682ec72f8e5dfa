import { randomUUID } from 'node:crypto';
import type { Change, MatchSummary } from '@touchline/contract';
import { localToUtc, wallClockOf } from '@touchline/domain';
import type { Db } from '../db/client.ts';
import { listSummaries } from '../reads/summary.ts';
import type { Feed, Patch, Position } from './feed.ts';

const DAY = 86_400_000;
/** The patches news writes publish: no client topic of their own, the `live` topic carries them. */
export const NEWS_SOURCE = 'news';
const localDay = (iso: string | Date, timeZone: string) => wallClockOf(iso, timeZone).date;

/**
 * live: a MatchSummary for every match that is live or on today's card. It has no log of its own: its patches are
 * derived from match patches on each instance, so its epoch is this instance's and a resume always gets a snapshot.
 */
export class LiveFeed implements Feed {
  readonly contiguous = false;
  private readonly epoch = randomUUID();
  private seq = 0;
  /** The last match patch seen per match, so a late or repeated one never rolls a summary back. */
  private readonly seen = new Map<string, Position>();

  constructor(
    private readonly db: Db,
    private readonly timeZone: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async head(): Promise<Position> {
    return { epoch: this.epoch, seq: this.seq };
  }

  /** Taken at the seq before reading, so every patch derived meanwhile follows the snapshot. */
  async snapshot() {
    const seq = this.seq;
    return { epoch: this.epoch, seq, data: await this.card() };
  }

  async replay() {
    return undefined;
  }

  async between() {
    return [];
  }

  /**
   * The live patch a match patch makes when it changed a match that is live or on today's card. A season patch
   * counts only for matches never seen on their own topic: a fixture just created has no match patch yet. Its
   * deleted matches (fixtures taken back) leave the card.
   */
  derive(p: Patch): Patch | undefined {
    if (p.topic === NEWS_SOURCE) return this.news(p);
    const id = /^match:(\d+)$/.exec(p.topic)?.[1];
    if (id) {
      const last = this.seen.get(id);
      if (last && last.epoch === p.epoch && last.seq >= p.seq) return undefined;
      this.seen.set(id, { epoch: p.epoch, seq: p.seq });
    } else if (!p.topic.startsWith('season:')) return undefined;
    const summaries = p.changes
      .filter((c) => c.entity === 'match' && c.data)
      .map((c) => c.data as MatchSummary)
      .filter((m) => (id !== undefined || !this.seen.has(m.id)) && this.onCard(m));
    const deleted = id ? [] : p.changes.filter((c) => c.entity === 'match' && c.op === 'deleted' && c.id);
    if (!summaries.length && !deleted.length) return undefined;
    const changes = [
      ...summaries.map((s): Change => ({ op: 'updated', entity: 'match', id: s.id, data: s })),
      ...deleted.map((c): Change => ({ op: 'deleted', entity: 'match', id: c.id! })),
    ];
    return { ...this.next(changes), ...(p.committedAt !== undefined ? { committedAt: p.committedAt } : {}) };
  }

  /** Every match on the card again, for after a bus outage, when updates from other instances may be missing. */
  async refresh(): Promise<Patch | undefined> {
    const card = await this.card();
    return card.length
      ? this.next(card.map((s): Change => ({ op: 'updated', entity: 'match', id: s.id, data: s })))
      : undefined;
  }

  /** A news item published, edited or taken back goes out as it is (decision 040); the snapshot holds matches only. */
  private news(p: Patch): Patch | undefined {
    const changes = p.changes.filter((c) => c.entity === 'news');
    if (!changes.length) return undefined;
    return { ...this.next(changes), ...(p.committedAt !== undefined ? { committedAt: p.committedAt } : {}) };
  }

  private next(changes: Change[]): Patch {
    return { topic: 'live', epoch: this.epoch, seq: ++this.seq, changes };
  }

  private onCard(m: MatchSummary) {
    const today = localDay(this.now(), this.timeZone);
    const on = (iso: string | undefined) => iso !== undefined && localDay(iso, this.timeZone) === today;
    return m.status === 'live' || on(m.kickoffAt) || on(m.finishedAt);
  }

  private async card(): Promise<MatchSummary[]> {
    const today = localDay(this.now(), this.timeZone);
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
    const from = localToUtc(today, '00:00', this.timeZone);
    const to = new Date(Date.parse(localToUtc(tomorrow, '00:00', this.timeZone)) - 1).toISOString();
    const live = await listSummaries(this.db, { status: 'live' });
    const todays = await listSummaries(this.db, { from, to });
    const byId = new Map([...live, ...todays].map((m) => [m.id, m]));
    return [...byId.values()].sort((a, b) => a.kickoffAt.localeCompare(b.kickoffAt) || Number(a.id) - Number(b.id));
  }
}
