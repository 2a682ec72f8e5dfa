import type { FastifyRequest } from 'fastify';
import type { ErrorCode } from '@touchline/contract';
import type { AuditInput } from '../audit/record.ts';
import { type UnitOfWork, unitOfWork } from '../changes/unit-of-work.ts';
import { ApiError } from '../http/errors.ts';

/** An admin write's unit of work; its audit rows name the signed-in admin. */
export interface AdminTx extends Omit<UnitOfWork, 'audit'> {
  audit(entry: Omit<AuditInput, 'actorId'>): Promise<void>;
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

/** One admin write: a unit of work with its audit rows; the realtime patches go out after commit. */
export function adminWrite<T>(req: FastifyRequest, fn: (w: AdminTx) => Promise<T>): Promise<T> {
  return unitOfWork(req.server, (w) =>
    fn({ ...w, audit: (entry) => w.audit({ ...entry, actorId: actorOf(req) }) }),
  ).catch((err: unknown) => {
    throw translate(err);
  });
}

/** The row, or 404 naming what was missing. */
export function found<T>(row: T | undefined, what: string): T {
  if (row === undefined) throw new ApiError('not_found', `No such ${what}`);
  return row;
}
