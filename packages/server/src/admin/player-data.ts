import { and, asc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Player } from '@touchline/contract';
import type { Executor } from '../db/client.ts';
import { clubs, persons, squadMembers, transfers } from '../db/schema.ts';
import { clubRef } from '../reads/refs.ts';
import type { AdminTx } from './write.ts';

const current = and(eq(squadMembers.personId, persons.id), isNull(squadMembers.leftAt));

/** Players with their current club and squad number. */
export async function listPlayers(
  db: Executor,
  filter: { ids?: number[]; clubId?: number; q?: string; limit?: number; offset?: number },
): Promise<{ players: Player[]; total: number }> {
  const where: SQL[] = [];
  if (filter.ids) where.push(inArray(persons.id, filter.ids));
  if (filter.clubId !== undefined) where.push(eq(squadMembers.clubId, filter.clubId));
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
    where.push(or(ilike(persons.firstName, like), ilike(persons.lastName, like))!);
  }
  const rows = await db
    .select({ p: persons, club: clubs, shirt: squadMembers.shirtNumber, total: sql<number>`count(*) over ()` })
    .from(persons)
    .leftJoin(squadMembers, current)
    .leftJoin(clubs, eq(clubs.id, squadMembers.clubId))
    .where(and(...where))
    .orderBy(asc(persons.lastName), asc(persons.firstName), asc(persons.id))
    .limit(filter.limit ?? 10_000)
    .offset(filter.offset ?? 0);
  return {
    total: Number(rows[0]?.total ?? 0),
    players: rows.map(({ p, club, shirt }) => ({
      id: String(p.id),
      firstName: p.firstName,
      lastName: p.lastName,
      birthDate: p.birthDate,
      position: p.position,
      club: club ? clubRef(club) : null,
      shirtNumber: shirt,
    })),
  };
}

export async function getPlayer(db: Executor, id: number): Promise<Player | undefined> {
  return (await listPlayers(db, { ids: [id] })).players[0];
}

/** The player's open squad row, if any. */
export async function currentSquad(db: Executor, personId: number) {
  const [row] = await db
    .select()
    .from(squadMembers)
    .where(and(eq(squadMembers.personId, personId), isNull(squadMembers.leftAt)));
  return row;
}

/** Moves a player into a club's squad: closes the open squad row, opens one, and records the transfer. */
export async function joinClub(
  w: AdminTx,
  personId: number,
  to: { clubId: number; shirtNumber?: number | undefined; at: Date },
) {
  const from = await currentSquad(w.tx, personId);
  if (from) await w.tx.update(squadMembers).set({ leftAt: to.at }).where(eq(squadMembers.id, from.id));
  await w.tx
    .insert(squadMembers)
    .values({ personId, clubId: to.clubId, shirtNumber: to.shirtNumber ?? null, joinedAt: to.at });
  const [transfer] = await w.tx
    .insert(transfers)
    .values({ personId, fromClubId: from?.clubId ?? null, toClubId: to.clubId, at: to.at })
    .returning();
  return transfer!;
}

const fromClub = alias(clubs, 'from_club');

/** Every move of a player, oldest first; the first has no `from` when the player was registered with a club. */
export async function transferHistory(db: Executor, personId: number) {
  const rows = await db
    .select({ t: transfers, from: fromClub, to: clubs })
    .from(transfers)
    .innerJoin(clubs, eq(clubs.id, transfers.toClubId))
    .leftJoin(fromClub, eq(fromClub.id, transfers.fromClubId))
    .where(eq(transfers.personId, personId))
    .orderBy(asc(transfers.at), asc(transfers.id));
  return rows.map(({ t, from, to }) => ({
    id: String(t.id),
    from: from ? clubRef(from) : null,
    to: clubRef(to),
    at: t.at.toISOString(),
  }));
}
