import type { Change } from '@touchline/contract';
import type { Principal } from '../auth/keyring.ts';
import { accountColumn, accountEnded, accountHolds, isActiveAccount } from '../auth/plugin.ts';
import type { Tx } from '../db/client.ts';
import { eq, sql } from 'drizzle-orm';
import { clientWrites, matches, matchStats } from '../db/schema.ts';
import { rowsFromJson } from '../db/raw.ts';
import { ApiError } from '../http/errors.ts';
import type { AuditInput } from '../audit/record.ts';
import { auditPatch } from '../changes/audit-patch.ts';
import type { CommittedPatch } from '../changes/patch.ts';
import { type ChangeDeps, type UnitOfWork, unitOfWork } from '../changes/unit-of-work.ts';
import { assignedOperators, authorizeMatch, type MatchRow, type WriteRequest } from './gate.ts';
import { finalizeAfterWrite } from './finalize.ts';
import { recordMatchWrite } from './record.ts';
import { type SummaryRow, summaryRows } from '../reads/summary.ts';
import { statsColumn } from '../reads/snapshot.ts';

export interface WriteStep<T> {
  result: T;
  /** The patch for match:{id}; empty means nothing changed (an idempotent replay), so no seq is used. */
  changes: Change[];
  audit: Omit<AuditInput, 'actorId' | 'matchId'>[];
  /** Patches the step appended to the change log itself (a season patch); they go out after the write's own. */
  patches?: CommittedPatch[];
}

export interface WriteContext {
  tx: Tx;
  match: MatchRow;
  /** The match's summary row as locked, before the step: right for a step that leaves the match row alone. */
  summaryRow: SummaryRow;
  /** The match's statistics rows, read with the lock (none until the first statistic is recorded). */
  statsRows: (typeof matchStats.$inferSelect)[];
  principal: Principal;
  now: Date;
  /** The same client write was applied before, at `seq`: answer with the current state and change nothing. */
  replay: { seq: number } | undefined;
}

/** The engine's dependencies, given explicitly so it runs without the app (decision 025). */
export interface MatchWriteDeps extends ChangeDeps {
  settings: { judgeWindowHours: number };
}

/**
 * Every write to a match is one unit of work: lock the match row, pass the gate, check `expectedSeq`, apply,
 * take the next seq, append the exact patch to the change log, audit, and refresh finalised results.
 * After commit the patches are fanned out.
 */
export async function writeMatch<T>(
  deps: MatchWriteDeps,
  matchId: number,
  principal: Principal,
  opts: { asked: WriteRequest; expectedSeq?: number | undefined; clientWriteId?: string | undefined },
  step: (ctx: WriteContext) => Promise<WriteStep<T>>,
): Promise<{ result: T; seq: number }> {
  const now = new Date();
  return unitOfWork(deps, async (w) => {
    // The summary's names and rules come with the lock: an event write needs them and changes none (decision 052).
    const lock = () =>
      summaryRows(w.tx, {
        applied: appliedSeq(matchId, opts.clientWriteId),
        operators: assignedOperators(),
        stats: statsColumn(matchId),
        seen: seenSeq(matchId),
        account: accountColumn(principal),
      })
        .where(eq(matches.id, matchId))
        .for('update', { of: matches })
        .prepare(opts.clientWriteId ? 'match_write_lock_cw' : 'match_write_lock')
        .execute();
    let [locked] = await lock();
    // It waited for a write that committed: all but the match row are as before that write. Read again (decision 053).
    if (locked && locked.seen !== locked.m.seq) [locked] = await lock();
    // The caller's account is read here rather than by a statement of its own (decision 054); 401 before 404.
    if (!(locked ? accountHolds(locked.account, principal) : await isActiveAccount(w.tx, principal))) {
      throw accountEnded();
    }
    if (!locked) throw new ApiError('not_found', 'No such match');
    const { m: match, applied, operators, stats, seen: _seen, account: _account, ...names } = locked;
    const replay = applied === null ? undefined : { seq: applied };
    const when = { judgeWindowHours: deps.settings.judgeWindowHours, now, replay: replay !== undefined };
    await authorizeMatch(w.tx, principal, match, { ...opts.asked, when }, operators);
    if (!replay && opts.expectedSeq !== undefined && opts.expectedSeq !== match.seq) {
      throw new ApiError('seq_conflict', 'The match has changed since you last saw it', { seq: match.seq });
    }
    const summaryRow = { m: match, ...names };
    const statsRows = rowsFromJson(matchStats, stats);
    const done = await step({ tx: w.tx, match, summaryRow, statsRows, principal, now, replay });
    // A replay answers with the seq the write was first applied at: a client holding that seq already shows it.
    const seq =
      replay || done.changes.length === 0
        ? (replay?.seq ?? match.seq)
        : await record(w, match, principal, opts.clientWriteId, done);
    w.publish(...(done.patches ?? []));
    return { result: done.result, seq };
  });
}

/** The write's own patch at the match's next seq, its audit rows and the finalised results it changes. */
async function record(
  w: UnitOfWork,
  match: MatchRow,
  principal: Principal,
  clientWriteId: string | undefined,
  done: WriteStep<unknown>,
): Promise<number> {
  const seq = match.seq + 1;
  const changes = tagged(done.changes, clientWriteId);
  const recorded = await recordMatchWrite(w.tx, {
    matchId: match.id,
    epoch: match.epoch,
    seq,
    changes,
    clientWriteId,
    audit: done.audit.map((a) => ({ ...a, actorId: principal.userId, matchId: match.id })),
  });
  w.publish({ topic: `match:${match.id}`, epoch: match.epoch, seq, changes });
  w.publish(...recorded.audit.map(auditPatch));
  w.publish(...(await finalizeAfterWrite(w.tx, match.id, match.status === 'finished', recorded.status)));
  return seq;
}

/** The seq a client write was applied at, read with the locked match row: null when it is new or unnamed. */
const appliedSeq = (matchId: number, clientWriteId: string | undefined) =>
  clientWriteId
    ? sql<number | null>`(select ${clientWrites.seq} from ${clientWrites}
        where ${clientWrites.matchId} = ${matchId} and ${clientWrites.clientWriteId} = ${clientWriteId})`
    : sql<null>`null::int`;

/**
 * The match's seq as the statement's snapshot holds it. After waiting for the lock, the locked row is the one the
 * other write committed (its seq moved on) while this and every other row read stay as the statement first saw them.
 */
const seenSeq = (matchId: number) => sql<number>`(select seen.seq from ${matches} seen where seen.id = ${matchId})`;

/** Every change of a client's write names it, so the writer's screen retires its optimistic copy on sight. */
const tagged = (changes: Change[], clientEventId: string | undefined): Change[] =>
  clientEventId ? changes.map((c) => ({ ...c, clientEventId })) : changes;
