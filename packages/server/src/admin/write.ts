import type { FastifyRequest } from 'fastify';
import type { ErrorCode } from '@touchline/contract';
import type { Tx } from '../db/client.ts';
import { type AuditInput, recordAudit } from '../audit/record.ts';
import { ApiError } from '../http/errors.ts';
import { auditPatch, type CommittedPatch } from '../realtime/fanout.ts';

export interface AdminTx {
  tx: Tx;
  /** Records who changed what, inside the transaction, and queues it for the admin topic. */
  audit(entry: Omit<AuditInput, 'actorId'>): Promise<void>;
  /** Queues patches already appended to the change log; they are sent after commit. */
  publish(...patches: CommittedPatch[]): void;
}

/** The signed-in admin; the admin area's guard has checked it. */
export const actorOf = (req: FastifyRequest) => req.principal!.userId;

/** Unique constraints a client can run into, and what to tell it. */
const UNIQUE: Record<string, [ErrorCode, string]> = {
  season_rosters_shirt_unique: ['shirt_number_taken', 'That shirt number is taken in the club’s season roster'],
  season_rosters_person_unique: ['duplicate_player', 'The player is already in a roster of this season'],
  season_participants_season_id_club_id_pk: ['conflict', 'The club already takes part in this season'],
};

/** Constraint violations become 4xx answers: a race past a check never turns into a 500. */
function translate(err: unknown): unknown {
  const cause = (err as { cause?: { code?: string; constraint?: string; detail?: string; table?: string } }).cause;
  if (err instanceof ApiError || !cause?.code) return err;
  if (cause.code === '23505') {
    const [code, message] = UNIQUE[cause.constraint ?? ''] ?? ['conflict', 'That already exists'];
    return new ApiError(code, message, { constraint: cause.constraint });
  }
  if (cause.code === '23503') {
    const missing = /^Key \((\w+)\)=\((.*)\) is not present/.exec(cause.detail ?? '');
    if (missing) return new ApiError('not_found', `No such ${missing[1]}: ${missing[2]}`);
    return new ApiError('in_use', `Still used by ${cause.table ?? 'other records'}`, { table: cause.table });
  }
  return err;
}

/** One admin write: a transaction with its audit rows; the realtime patches go out after commit. */
export async function adminWrite<T>(req: FastifyRequest, fn: (w: AdminTx) => Promise<T>): Promise<T> {
  const app = req.server;
  const outbound: CommittedPatch[] = [];
  const result = await app.db
    .transaction((tx) =>
      fn({
        tx,
        audit: async (entry) => {
          outbound.push(auditPatch(await recordAudit(tx, { ...entry, actorId: actorOf(req) })));
        },
        publish: (...patches) => outbound.push(...patches),
      }),
    )
    .catch((err: unknown) => {
      throw translate(err);
    });
  app.fanout.publish(outbound);
  return result;
}

/** The row, or 404 naming what was missing. */
export function found<T>(row: T | undefined, what: string): T {
  if (row === undefined) throw new ApiError('not_found', `No such ${what}`);
  return row;
}
