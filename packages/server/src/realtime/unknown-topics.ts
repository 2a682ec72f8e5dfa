import type { Patch } from './feed.ts';
import { auditSubject } from '../changes/audit-patch.ts';

/** Topics remembered at most; the oldest is forgotten first. */
const MAX_ENTRIES = 10_000;
/** How long "names nothing" is trusted without a sign that something was created. */
const TTL_MS = 30_000;

/**
 * Topic names recently found to name nothing (no such match or season), so asking again costs no database read.
 * A patch that may announce a new match (any season patch) or a new season (its audit entry) forgets them all, as
 * does a bus outage (`clear`); the time limit covers a sign lost any other way.
 */
export class UnknownTopics {
  private readonly until = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  has(topic: string): boolean {
    const until = this.until.get(topic);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.until.delete(topic);
    return false;
  }

  add(topic: string): void {
    this.until.delete(topic);
    this.until.set(topic, this.now() + TTL_MS);
    if (this.until.size > MAX_ENTRIES) this.until.delete(this.until.keys().next().value!);
  }

  heard(p: Patch): void {
    if (p.topic.startsWith('season:') || auditSubject(p)?.entity === 'season') this.clear();
    else this.until.delete(p.topic);
  }

  clear(): void {
    this.until.clear();
  }
}
