import type { FastifyInstance } from 'fastify';
import type { Change } from '@touchline/contract';
import type { Principal } from '../auth/keyring.ts';
import type { Tx } from '../db/client.ts';
import { and, eq } from 'drizzle-orm';
import { changeLog, clientWrites, matches } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { type AuditInput, recordAudit } from '../audit/record.ts';
import { auditPatch, type CommittedPatch } from '../realtime/fanout.ts';
import { authorizeMatchWrite, type MatchRow, type WriteKind } from './authorize.ts';
import { finalizeAfterWrite } from './finalize.ts';

export interface WriteStep<T> {
  result: T;
  /** The patch for match:{id}; empty means nothing changed (an idempotent replay), so no seq is used. */
  changes: Change[];
  audit: Omit<AuditInput, 'actorId' | 'matchId'>[];
}

export interface WriteContext {
  tx: Tx;
  match: MatchRow;
  principal: Principal;
  now: Date;
  /** The same client write was applied before, at `seq`: answer with the current state and change nothing. */
  replay: { seq: number } | undefined;
}

/**
 * Every write to a match is one transaction: lock the match row, authorise, check `expectedSeq`, apply,
 * take the next seq, append the exact patch to the change log, audit, and refresh finalised results.
 * After commit the patches are fanned out.
 */
export async function writeMatch<T>(
  app: FastifyInstance,
  matchId: number,
  principal: Principal,
  opts: { kind: WriteKind; expectedSeq?: number | undefined; clientWriteId?: string | undefined },
  step: (ctx: WriteContext) => Promise<WriteStep<T>>,
): Promise<{ result: T; seq: number }> {
  const now = new Date();
  const outbound: CommittedPatch[] = [];
  const out = await app.db.transaction(async (tx) => {
    const [match] = await tx.select().from(matches).where(eq(matches.id, matchId)).for('update');
    if (!match) throw new ApiError('not_found', 'No such match');
    const replay = opts.clientWriteId ? await appliedSeq(tx, matchId, opts.clientWriteId) : undefined;
    await authorizeMatchWrite(tx, principal, match, opts.kind, {
      judgeWindowHours: app.config.judgeWindowHours,
      now,
      replay: replay !== undefined,
    });
    if (!replay && opts.expectedSeq !== undefined && opts.expectedSeq !== match.seq) {
      throw new ApiError('seq_conflict', 'The match has changed since you last saw it', { seq: match.seq });
    }
    const done = await step({ tx, match, principal, now, replay });
    // A replay answers with the seq the write was first applied at: a client holding that seq already shows it.
    if (replay || done.changes.length === 0) return { result: done.result, seq: replay?.seq ?? match.seq };
    const seq = match.seq + 1;
    const changes = tagged(done.changes, opts.clientWriteId);
    await tx.update(matches).set({ seq }).where(eq(matches.id, matchId));
    if (opts.clientWriteId) await tx.insert(clientWrites).values({ matchId, clientWriteId: opts.clientWriteId, seq });
    await tx.insert(changeLog).values({ topic: `match:${matchId}`, seq, epoch: match.epoch, changes });
    outbound.push({ topic: `match:${matchId}`, epoch: match.epoch, seq, changes });
    for (const a of done.audit) {
      outbound.push(auditPatch(await recordAudit(tx, { ...a, actorId: principal.userId, matchId })));
    }
    outbound.push(...(await finalizeAfterWrite(tx, matchId, match.status === 'finished')));
    return { result: done.result, seq };
  });
  app.fanout.publish(outbound);
  return out;
}

async function appliedSeq(tx: Tx, matchId: number, clientWriteId: string): Promise<{ seq: number } | undefined> {
  const [row] = await tx
    .select({ seq: clientWrites.seq })
    .from(clientWrites)
    .where(and(eq(clientWrites.matchId, matchId), eq(clientWrites.clientWriteId, clientWriteId)));
  return row;
}

/** Every change of a client's write names it, so the writer's screen retires its optimistic copy on sight. */
const tagged = (changes: Change[], clientEventId: string | undefined): Change[] =>
  clientEventId ? changes.map((c) => ({ ...c, clientEventId })) : changes;
