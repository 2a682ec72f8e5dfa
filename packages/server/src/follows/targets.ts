import { inArray } from 'drizzle-orm';
import type { Follow } from '@touchline/contract';
import type { Db } from '../db/client.ts';
import { clubs, matches } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';

/** 404 unless every followed club and match exists, so no follow ever points at nothing. */
export async function requireTargets(db: Db, wanted: readonly Follow[]): Promise<void> {
  const ids = (target: Follow['target']) => [...new Set(wanted.filter((f) => f.target === target).map((f) => +f.id))];
  const clubIds = ids('club');
  const matchIds = ids('match');
  const found = [
    ...(clubIds.length ? await db.select({ id: clubs.id }).from(clubs).where(inArray(clubs.id, clubIds)) : []),
    ...(matchIds.length ? await db.select({ id: matches.id }).from(matches).where(inArray(matches.id, matchIds)) : []),
  ];
  if (found.length < clubIds.length + matchIds.length) throw new ApiError('not_found', 'No such club or match');
}
