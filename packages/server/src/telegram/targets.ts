import { alias } from 'drizzle-orm/pg-core';
import { asc, eq, inArray } from 'drizzle-orm';
import type { FollowTarget } from '@touchline/contract';
import type { Db } from '../db/client.ts';
import { clubs, matches } from '../db/schema.ts';

/** What a fan can follow, with the name the bot shows for it (plain text: it is never sent as markup). */
export interface Target {
  target: FollowTarget;
  id: number;
  name: string;
}

const home = alias(clubs, 'home');
const away = alias(clubs, 'away');

/** Clubs and matches by id, with their names; ids that name nothing are left out. */
export async function namedTargets(db: Db, wanted: { target: FollowTarget; targetId: number }[]): Promise<Target[]> {
  const clubIds = wanted.filter((w) => w.target === 'club').map((w) => w.targetId);
  const matchIds = wanted.filter((w) => w.target === 'match').map((w) => w.targetId);
  const clubRows = clubIds.length
    ? await db.select({ id: clubs.id, name: clubs.name }).from(clubs).where(inArray(clubs.id, clubIds))
    : [];
  const matchRows = matchIds.length
    ? await db
        .select({ id: matches.id, home: home.name, away: away.name })
        .from(matches)
        .innerJoin(home, eq(home.id, matches.homeClubId))
        .innerJoin(away, eq(away.id, matches.awayClubId))
        .where(inArray(matches.id, matchIds))
    : [];
  return [
    ...clubRows.map((c) => ({ target: 'club' as const, id: c.id, name: c.name })),
    ...matchRows.map((m) => ({ target: 'match' as const, id: m.id, name: `${m.home} – ${m.away}` })),
  ];
}

export async function namedTarget(db: Db, target: FollowTarget, id: number): Promise<Target | undefined> {
  return (await namedTargets(db, [{ target, targetId: id }]))[0];
}

/** Telegram shows at most 100 buttons in a keyboard; a league has far fewer clubs. */
export const MAX_CLUB_BUTTONS = 90;

export async function clubList(db: Db): Promise<Target[]> {
  const rows = await db
    .select({ id: clubs.id, name: clubs.name })
    .from(clubs)
    .orderBy(asc(clubs.name), asc(clubs.id))
    .limit(MAX_CLUB_BUTTONS);
  return rows.map((c) => ({ target: 'club', id: c.id, name: c.name }));
}
