import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { appendPatch } from '../changes/patch.ts';
import { type ChangeDeps, unitOfWork } from '../changes/unit-of-work.ts';
import * as t from '../db/schema.ts';
import { motmTally } from '../reads/motm-tally.ts';

/** How long votes are gathered into one `motm` patch: a busy vote sends at most one patch a second per match. */
export const MOTM_COALESCE_MS = 1000;

/**
 * Sends the vote's tallies on `match:{id}` after votes, coalesced (decision 042): the first vote of a quiet match
 * schedules one patch, later votes within MOTM_COALESCE_MS ride on it. The patch carries the whole tally read at
 * send time, so a lost timer (a restart) costs only freshness: the next vote, or a reload, shows the count.
 */
export class MotmPublisher {
  private readonly pending = new Map<number, NodeJS.Timeout>();
  constructor(
    private readonly deps: ChangeDeps,
    private readonly log: FastifyBaseLogger,
    private readonly delayMs = MOTM_COALESCE_MS,
  ) {}

  voted(matchId: number): void {
    if (this.pending.has(matchId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(matchId);
      this.send(matchId).catch((err: unknown) => this.log.warn({ err, matchId }, 'motm tally patch failed'));
    }, this.delayMs);
    this.pending.set(matchId, timer);
  }

  close(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  /** One patch at the match's next seq, in the change log like every other. */
  private async send(matchId: number): Promise<void> {
    await unitOfWork(this.deps, async (w) => {
      const [match] = await w.tx.select().from(t.matches).where(eq(t.matches.id, matchId)).for('update');
      if (!match) return;
      const tally = await motmTally(w.tx, match, new Date());
      const seq = match.seq + 1;
      await w.tx.update(t.matches).set({ seq }).where(eq(t.matches.id, matchId));
      const changes = [{ op: 'updated' as const, entity: 'motm' as const, id: String(matchId), data: tally }];
      w.publish(await appendPatch(w.tx, { topic: `match:${matchId}`, epoch: match.epoch, seq, changes }));
    });
  }
}
