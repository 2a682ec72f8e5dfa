import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AdminIdParams, FixturesAnswer, FixturesBody, type FixtureWarning } from '@touchline/contract';
import { drawGroups, roundRobin, scheduleRounds, type Pairing } from '@touchline/domain';
import type { Tx } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { createBracket } from '../league/bracket.ts';
import { seasonPatch } from '../changes/season-patch.ts';
import { listSummaries } from '../reads/summary.ts';
import { assertInsideSeason, doubleBookingWarnings, firstDateOf } from './fixture-checks.ts';
import { loadSeason, toGroup, toRound } from './season-data.ts';
import { type AdminTx, adminWrite } from './write.ts';

type Body = z.infer<typeof FixturesBody>;
type Season = typeof t.seasons.$inferSelect;
type Kind = Body['kind'];

/** The fixture kinds each season format is built from. */
const KINDS: Record<Season['format'], Kind[]> = {
  round_robin: ['round_robin'],
  double_round_robin: ['double_round_robin'],
  round_robin_playoff: ['round_robin', 'double_round_robin'],
  groups_knockout: ['groups'],
  knockout: ['knockout'],
};

/** The season's competition's zone, else the league's: where kick-off times are planned. */
export async function planningZone(tx: Tx, season: Season, fallback: string) {
  const [c] = await tx.select().from(t.competitions).where(eq(t.competitions.id, season.competitionId));
  return c?.timezone ?? fallback;
}

/** Participants, best seed first (unseeded last, by club id). */
async function seededParticipants(tx: Tx, seasonId: number) {
  const rows = await tx
    .select()
    .from(t.seasonParticipants)
    .where(eq(t.seasonParticipants.seasonId, seasonId))
    .orderBy(asc(t.seasonParticipants.seed), asc(t.seasonParticipants.clubId));
  if (rows.length < 2) throw new ApiError('not_enough_clubs', 'Add at least two clubs to the season first');
  return rows;
}

/** The season's groups with their clubs: as assigned, or drawn by seed into `groupCount` new groups. */
async function seasonGroups(tx: Tx, seasonId: number, groupCount: number | undefined) {
  const participants = await seededParticipants(tx, seasonId);
  const existing = await tx.select().from(t.groups).where(eq(t.groups.seasonId, seasonId)).orderBy(asc(t.groups.label));
  if (groupCount === undefined) {
    if (existing.length === 0 || participants.some((p) => p.groupId === null)) {
      throw new ApiError('bad_request', 'Put every club in a group, or give groupCount to draw the groups');
    }
    return existing.map((g) => ({
      group: g,
      clubs: participants.filter((p) => p.groupId === g.id).map((p) => p.clubId),
    }));
  }
  if (existing.length) throw new ApiError('conflict', 'The season has groups already: leave groupCount out');
  if (groupCount * 2 > participants.length) throw new ApiError('not_enough_clubs', 'Each group needs two clubs');
  const drawn = drawGroups(
    participants.map((p) => String(p.clubId)),
    groupCount,
  );
  const out = [];
  for (const [i, clubs] of drawn.entries()) {
    const [group] = await tx
      .insert(t.groups)
      .values({ seasonId, label: String.fromCharCode(65 + i) })
      .returning();
    const members = clubs.map(Number);
    await tx
      .update(t.seasonParticipants)
      .set({ groupId: group!.id })
      .where(and(eq(t.seasonParticipants.seasonId, seasonId), inArray(t.seasonParticipants.clubId, members)));
    out.push({ group: group!, clubs: members });
  }
  return out;
}

/** Round after round of table matches, every round on its own week; group matches carry their group. */
async function createTableRounds(
  tx: Tx,
  season: Season,
  schedule: { groupId: number | null; rounds: Pairing[][] }[],
  stage: 'league' | 'group',
  kickoffs: (count: number) => string[],
): Promise<Plan> {
  const count = Math.max(...schedule.map((s) => s.rounds.length));
  const times = kickoffs(count);
  for (let r = 0; r < count; r++) {
    const [round] = await tx
      .insert(t.rounds)
      .values({ seasonId: season.id, number: r + 1, ordinal: r + 1, stage })
      .returning();
    const games = schedule.flatMap((s) =>
      (s.rounds[r] ?? []).map((p) => ({
        seasonId: season.id,
        roundId: round!.id,
        groupId: s.groupId,
        homeClubId: Number(p.home),
        awayClubId: Number(p.away),
        kickoffAt: new Date(times[r]!),
        epoch: randomUUID(),
      })),
    );
    if (games.length) await tx.insert(t.matches).values(games);
  }
  return { ties: 0, kickoffs: times };
}

/** What a generation made: bracket ties, and the kick-off of every round it planned. */
interface Plan {
  ties: number;
  kickoffs: string[];
}

/** Creates the fixtures of `kind` for a season that has none yet, from the season's start unless told otherwise. */
async function generate(tx: Tx, season: Season, body: Body, timeZone: string): Promise<Plan> {
  if (!KINDS[season.format].includes(body.kind)) {
    throw new ApiError('conflict', `A ${season.format} season is not built from ${body.kind} fixtures`);
  }
  const [round] = await tx.select({ id: t.rounds.id }).from(t.rounds).where(eq(t.rounds.seasonId, season.id)).limit(1);
  const [match] = await tx
    .select({ id: t.matches.id })
    .from(t.matches)
    .where(eq(t.matches.seasonId, season.id))
    .limit(1);
  if (round || match) throw new ApiError('fixtures_exist', 'The season has fixtures already');
  const firstDate = firstDateOf(season, body.firstDate);
  const kickoffs = (rounds: number) =>
    scheduleRounds({ firstDate, weekday: body.weekday, time: body.time, timeZone, rounds });
  if (body.kind === 'knockout') {
    const seeded = (await seededParticipants(tx, season.id)).map((p) => p.clubId);
    const firstKickoff = new Date(kickoffs(1)[0]!);
    const plan = { seasonId: season.id, seeded, kind: body.tieKind, bestOf: body.bestOf ?? null, firstKickoff };
    const bracket = await createBracket(tx, { ...plan, timeZone, firstOrdinal: 1 });
    return { ties: bracket.ties, kickoffs: bracket.roundStarts };
  }
  if (body.kind === 'groups') {
    const groups = await seasonGroups(tx, season.id, body.groupCount);
    const schedule = groups.map((g) => ({ groupId: g.group.id, rounds: roundRobin(g.clubs.map(String)) }));
    return createTableRounds(tx, season, schedule, 'group', kickoffs);
  }
  const clubs = (await seededParticipants(tx, season.id)).map((p) => String(p.clubId));
  const rounds = roundRobin(clubs, { double: body.kind === 'double_round_robin' });
  return createTableRounds(tx, season, [{ groupId: null, rounds }], 'league', kickoffs);
}

/** Everything a season's fixture screen shows after a generation. */
async function fixturesOf(tx: Tx, seasonId: number, ties: number) {
  const [rounds, groups] = await Promise.all([
    tx.select().from(t.rounds).where(eq(t.rounds.seasonId, seasonId)).orderBy(asc(t.rounds.ordinal)),
    tx.select().from(t.groups).where(eq(t.groups.seasonId, seasonId)).orderBy(asc(t.groups.label)),
  ]);
  return {
    rounds: rounds.map(toRound),
    groups: groups.map(toGroup),
    ties,
    matches: await listSummaries(tx, { seasonId: String(seasonId) }),
  };
}

type Fixtures = Awaited<ReturnType<typeof fixturesOf>>;

/**
 * A season's fixtures after a generation (table or playoff): refused when a planned round falls outside the season,
 * else audited, sent to season:{id} in one patch, and with a warning for every club the new matches double-book.
 * `known` holds the ids of the season's matches from before the generation.
 */
export async function announceFixtures(
  w: AdminTx,
  season: Season,
  plan: Plan & { timeZone: string; known?: ReadonlySet<string> },
  audit: { action: string; after: (fixtures: Fixtures) => object },
): Promise<Fixtures & { warnings: FixtureWarning[] }> {
  const fixtures = await fixturesOf(w.tx, season.id, plan.ties);
  const created = fixtures.matches.filter((m) => !plan.known?.has(m.id));
  assertInsideSeason(season, [...plan.kickoffs, ...created.map((m) => m.kickoffAt)], plan.timeZone);
  await w.audit({ action: audit.action, entity: 'season', entityId: season.id, after: audit.after(fixtures) });
  w.publish(
    await seasonPatch(
      w.tx,
      season.id,
      fixtures.matches.map((m) => Number(m.id)),
    ),
  );
  return { ...fixtures, warnings: await doubleBookingWarnings(w.tx, created) };
}

/** Fixture generation: rounds, groups, matches and bracket ties, kick-offs in the league's local time. */
export const fixtureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/seasons/:id/fixtures',
    { schema: { params: AdminIdParams, body: FixturesBody, tags: ['admin'], response: { 201: FixturesAnswer } } },
    async (req, reply) => {
      const out = await adminWrite(req, async (w) => {
        const season = await loadSeason(w.tx, req.params.id, true);
        const timeZone = await planningZone(w.tx, season, app.config.timezone);
        const plan = await generate(w.tx, season, req.body, timeZone);
        return announceFixtures(
          w,
          season,
          { ...plan, timeZone },
          {
            action: 'generate_fixtures',
            after: (f) => ({ ...req.body, rounds: f.rounds.length, ties: plan.ties, matches: f.matches.length }),
          },
        );
      });
      return reply.code(201).send(out);
    },
  );
};
