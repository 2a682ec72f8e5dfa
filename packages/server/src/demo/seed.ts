import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { roundRobin, wallClockOf } from '@touchline/domain';
import type { Db, Tx } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { rebuildSeasonResults } from '../matches/finalize.ts';
import { demoClubs, firstNames, lastNames, positions, refereesData, venuesData } from './data.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const SQUAD_SIZE = 18;

/** A small deterministic PRNG so the demo looks the same on every machine. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const localDate = (d: Date, timeZone: string) => wallClockOf(d, timeZone).date;

export interface DemoOptions {
  now: Date;
  timeZone: string;
  adminLogin: string;
}

interface Ctx {
  tx: Tx;
  rand: () => number;
  adminId: number;
  squads: Map<number, { personId: number; shirt: number }[]>;
}

/** The latest kick-off offset the demo asks for today, in minutes. */
const LATEST_TODAY = 240;

/**
 * A kick-off `minutes` from now that stays on today's date in the league's time zone. Late in the evening all of
 * them are squeezed into what is left of the day in proportion, so today's matches keep their order (tests
 * take "the last match of the day" and "the match of the suspended club" by it) and stay in the future.
 */
function todayAt(opts: DemoOptions, minutes: number): Date {
  const FIVE_MINUTES = 5 * 60_000;
  const at = (offset: number) =>
    new Date(Math.floor((opts.now.getTime() + offset * 60_000) / FIVE_MINUTES) * FIVE_MINUTES);
  const today = localDate(opts.now, opts.timeZone);
  if (minutes < 0) {
    const t = at(minutes);
    return localDate(t, opts.timeZone) === today ? t : at(-minutes / 4);
  }
  let left = 0;
  while (left < LATEST_TODAY && localDate(at(left + 5), opts.timeZone) === today) left += 5;
  return at(Math.floor((minutes * left) / LATEST_TODAY));
}

async function insertLineups(ctx: Ctx, matchId: number, side: 'home' | 'away', clubId: number) {
  const squad = ctx.squads.get(clubId)!;
  await ctx.tx.insert(t.lineups).values(
    squad.slice(0, 16).map((p, i) => ({
      matchId,
      side,
      personId: p.personId,
      shirtNumber: p.shirt,
      role: i < 11 ? ('starter' as const) : ('substitute' as const),
      position: positions[i],
    })),
  );
}

async function playFinished(
  ctx: Ctx,
  m: { id: number; homeClubId: number; awayClubId: number; kickoffAt: Date },
  sendOffClub: number | undefined,
) {
  const { rand } = ctx;
  await insertLineups(ctx, m.id, 'home', m.homeClubId);
  await insertLineups(ctx, m.id, 'away', m.awayClubId);
  const events: (typeof t.matchEvents.$inferInsert)[] = [];
  const at = (minute: number) => new Date(m.kickoffAt.getTime() + minute * 60_000);
  for (const [side, clubId] of [
    ['home', m.homeClubId],
    ['away', m.awayClubId],
  ] as const) {
    const outfield = ctx.squads.get(clubId)!.slice(1, 11);
    const pick = () => outfield[Math.floor(rand() * outfield.length)]!.personId;
    const goals = Math.floor(rand() * (side === 'home' ? 4 : 3));
    for (let g = 0; g < goals; g++) {
      const minute = 1 + Math.floor(rand() * 90);
      const scorer = pick();
      const assist = pick();
      events.push({
        matchId: m.id,
        type: rand() < 0.15 ? 'penalty_goal' : 'goal',
        side,
        minute,
        playerId: scorer,
        relatedPlayerId: assist !== scorer && rand() < 0.6 ? assist : null,
        createdAt: at(minute),
        createdBy: ctx.adminId,
      });
    }
    const yellows = Math.floor(rand() * 3);
    for (let y = 0; y < yellows; y++) {
      const minute = 1 + Math.floor(rand() * 90);
      events.push({
        matchId: m.id,
        type: 'yellow_card',
        side,
        minute,
        playerId: pick(),
        createdAt: at(minute),
        createdBy: ctx.adminId,
      });
    }
  }
  if (sendOffClub === m.homeClubId || sendOffClub === m.awayClubId) {
    events.push({
      matchId: m.id,
      type: 'red_card',
      side: sendOffClub === m.homeClubId ? 'home' : 'away',
      minute: 70,
      playerId: ctx.squads.get(sendOffClub)![4]!.personId,
      createdAt: at(70),
      createdBy: ctx.adminId,
    });
  }
  events.sort((a, b) => a.minute - b.minute);
  if (events.length) await ctx.tx.insert(t.matchEvents).values(events);
  const stat = () => {
    const shots = 4 + Math.floor(rand() * 12);
    return {
      shots,
      shotsOnTarget: Math.floor(shots * (0.3 + rand() * 0.4)),
      corners: Math.floor(rand() * 9),
      fouls: 5 + Math.floor(rand() * 12),
      offsides: Math.floor(rand() * 5),
      saves: Math.floor(rand() * 6),
    };
  };
  await ctx.tx.insert(t.matchStats).values([
    { matchId: m.id, side: 'home', ...stat() },
    { matchId: m.id, side: 'away', ...stat() },
  ]);
}

async function createSquads(ctx: Ctx, clubIds: number[]) {
  const { rand } = ctx;
  for (const clubId of clubIds) {
    const people = await ctx.tx
      .insert(t.persons)
      .values(
        Array.from({ length: SQUAD_SIZE }, (_, i) => ({
          firstName: firstNames[Math.floor(rand() * firstNames.length)]!,
          lastName: lastNames[Math.floor(rand() * lastNames.length)]!,
          position: positions[i]!,
          birthDate: `${1990 + Math.floor(rand() * 15)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
        })),
      )
      .returning({ id: t.persons.id });
    const squad = people.map((p, i) => ({ personId: p.id, shirt: i === 0 ? 1 : i + 2 }));
    await ctx.tx
      .insert(t.squadMembers)
      .values(squad.map((p) => ({ personId: p.personId, clubId, shirtNumber: p.shirt })));
    ctx.squads.set(clubId, squad);
  }
}

async function enrol(ctx: Ctx, seasonId: number, clubIds: number[]) {
  await ctx.tx.insert(t.seasonParticipants).values(clubIds.map((clubId, i) => ({ seasonId, clubId, seed: i + 1 })));
  await ctx.tx
    .insert(t.seasonRosters)
    .values(
      clubIds.flatMap((clubId) =>
        ctx.squads.get(clubId)!.map((p) => ({ seasonId, clubId, personId: p.personId, shirtNumber: p.shirt })),
      ),
    );
}

export interface DemoReport {
  clubs: number;
  matches: number;
  today: number;
}

/** Loads the demo league (README, Start) on an empty database, with matches placed around `now`. */
export async function seedDemoIfEmpty(db: Db, opts: DemoOptions): Promise<DemoReport | null> {
  const [any] = await db.select({ id: t.competitions.id }).from(t.competitions).limit(1);
  if (any) return null;
  const [admin] = await db.select({ id: t.users.id }).from(t.users).where(eq(t.users.login, opts.adminLogin));
  if (!admin) throw new Error('demo needs the first admin');
  return db.transaction(async (tx) => {
    const ctx: Ctx = { tx, rand: prng(31), adminId: admin.id, squads: new Map() };
    const venueIds = (
      await tx
        .insert(t.venues)
        .values(venuesData.map((name) => ({ name })))
        .returning()
    ).map((v) => v.id);
    const refIds = (
      await tx
        .insert(t.referees)
        .values(refereesData.map((name) => ({ name })))
        .returning()
    ).map((r) => r.id);
    const clubIds = (await tx.insert(t.clubs).values(demoClubs).returning({ id: t.clubs.id })).map((c) => c.id);
    await createSquads(ctx, clubIds);

    const [league] = await tx.insert(t.competitions).values({ name: 'Первенство города', type: 'league' }).returning();
    const [leagueSeason] = await tx
      .insert(t.seasons)
      .values({ competitionId: league!.id, name: '2026', format: 'round_robin' })
      .returning();
    await enrol(ctx, leagueSeason!.id, clubIds);

    const schedule = roundRobin(clubIds.map(String));
    const currentRound = 4;
    const hourNow = new Date(Math.floor(opts.now.getTime() / HOUR) * HOUR);
    // A sending-off in the last round, so a captain playing today meets a suspended player.
    const suspendedClub = Number(schedule[currentRound - 1]![1]!.home);
    const todayOffsets = [-25, 60, 120, 180];
    let matchCount = 0;
    let today = 0;
    for (const [r, pairings] of schedule.entries()) {
      const roundNo = r + 1;
      const [round] = await tx
        .insert(t.rounds)
        .values({ seasonId: leagueSeason!.id, number: roundNo, ordinal: roundNo, stage: 'league' })
        .returning();
      for (const [i, p] of pairings.entries()) {
        const isToday = roundNo === currentRound;
        const kickoffAt = isToday
          ? todayAt(opts, todayOffsets[i] ?? LATEST_TODAY)
          : new Date(hourNow.getTime() + (roundNo - currentRound) * 7 * DAY);
        const status = roundNo < currentRound ? 'finished' : isToday && i === 0 ? 'live' : 'scheduled';
        const [m] = await tx
          .insert(t.matches)
          .values({
            seasonId: leagueSeason!.id,
            roundId: round!.id,
            homeClubId: Number(p.home),
            awayClubId: Number(p.away),
            kickoffAt,
            status,
            period: status === 'live' ? 'first_half' : null,
            periodStartedAt: status === 'live' ? kickoffAt : null,
            finishedAt: status === 'finished' ? new Date(kickoffAt.getTime() + 105 * 60_000) : null,
            venueId: venueIds[i % venueIds.length],
            refereeId: refIds[i % refIds.length],
            epoch: randomUUID(),
          })
          .returning();
        matchCount++;
        if (status === 'finished')
          await playFinished(ctx, m!, roundNo === currentRound - 1 ? suspendedClub : undefined);
        if (isToday) {
          today++;
          await insertLineups(ctx, m!.id, 'home', m!.homeClubId);
          await insertLineups(ctx, m!.id, 'away', m!.awayClubId);
        }
      }
    }

    const [cup] = await tx.insert(t.competitions).values({ name: 'Кубок города', type: 'cup' }).returning();
    const [cupSeason] = await tx
      .insert(t.seasons)
      .values({ competitionId: cup!.id, name: '2026', format: 'knockout' })
      .returning();
    await enrol(ctx, cupSeason!.id, clubIds);
    const [quarter] = await tx
      .insert(t.rounds)
      .values({ seasonId: cupSeason!.id, number: 8, ordinal: 1, stage: 'playoff' })
      .returning();
    const [semi] = await tx
      .insert(t.rounds)
      .values({ seasonId: cupSeason!.id, number: 4, ordinal: 2, stage: 'playoff' })
      .returning();
    const [final] = await tx
      .insert(t.rounds)
      .values({ seasonId: cupSeason!.id, number: 2, ordinal: 3, stage: 'playoff' })
      .returning();
    const [finalTie] = await tx
      .insert(t.ties)
      .values({ seasonId: cupSeason!.id, roundId: final!.id, kind: 'single', bracketPosition: 1 })
      .returning();
    const semis = await tx
      .insert(t.ties)
      .values(
        [1, 2].map((pos) => ({
          seasonId: cupSeason!.id,
          roundId: semi!.id,
          kind: 'single' as const,
          bracketPosition: pos,
          nextTieId: finalTie!.id,
          nextSlot: pos === 1 ? ('home' as const) : ('away' as const),
        })),
      )
      .returning();
    // Seeded 1v8, 4v5, 2v7, 3v6, so the top seeds meet only in the final.
    const seedPairs = [
      [0, 7],
      [3, 4],
      [1, 6],
      [2, 5],
    ] as const;
    for (const [i, [a, b]] of seedPairs.entries()) {
      const [tie] = await tx
        .insert(t.ties)
        .values({
          seasonId: cupSeason!.id,
          roundId: quarter!.id,
          kind: 'single',
          homeClubId: clubIds[a]!,
          awayClubId: clubIds[b]!,
          bracketPosition: i + 1,
          nextTieId: semis[i >> 1]!.id,
          nextSlot: i % 2 === 0 ? 'home' : 'away',
        })
        .returning();
      const isToday = i === 0;
      const [m] = await tx
        .insert(t.matches)
        .values({
          seasonId: cupSeason!.id,
          roundId: quarter!.id,
          tieId: tie!.id,
          homeClubId: clubIds[a]!,
          awayClubId: clubIds[b]!,
          kickoffAt: isToday ? todayAt(opts, 90) : new Date(hourNow.getTime() + (3 + i) * DAY),
          venueId: venueIds[(i + 1) % venueIds.length],
          refereeId: refIds[(i + 1) % refIds.length],
          epoch: randomUUID(),
        })
        .returning();
      matchCount++;
      if (isToday) {
        today++;
        await insertLineups(ctx, m!.id, 'home', m!.homeClubId);
        await insertLineups(ctx, m!.id, 'away', m!.awayClubId);
      }
    }
    await rebuildSeasonResults(tx, leagueSeason!.id);
    return { clubs: clubIds.length, matches: matchCount, today };
  });
}
