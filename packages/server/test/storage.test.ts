import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { computeStandings } from '../src/league/standings.ts';
import { openPostgres } from '../src/db/client.ts';
import { ensureFirstAdmin } from '../src/auth/first-admin.ts';
import { seedDemoIfEmpty } from '../src/demo/seed.ts';
import * as t from '../src/db/schema.ts';
import { listSummaries } from '../src/reads/summary.ts';
import { lineupRulesOf } from '../src/matches/lineups.ts';
import { lineupProblems } from '@touchline/domain';
import { dbKinds, openTestDatabase } from './helpers.ts';

const TZ = 'Europe/Moscow';
const localDate = (d: Date | string) => new Date(d).toLocaleDateString('en-CA', { timeZone: TZ });

describe.each(dbKinds)('storage on %s', (kind) => {
  let h: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    h = await openTestDatabase(kind);
    await ensureFirstAdmin(h.database.db, 'demo-admin', 'a-long-enough-password');
    const report = await seedDemoIfEmpty(h.database.db, { now: new Date(), timeZone: TZ, adminLogin: 'demo-admin' });
    expect(report).not.toBeNull();
  });
  afterAll(() => h.dispose());
  const db = () => h.database.db;

  it('refuses a shirt number twice for one club in one season', async () => {
    const [row] = await db().select().from(t.seasonRosters).limit(1);
    const [person] = await db().insert(t.persons).values({ firstName: 'Dup', lastName: 'Licate' }).returning();
    await expect(
      db()
        .insert(t.seasonRosters)
        .values({ seasonId: row!.seasonId, clubId: row!.clubId, personId: person!.id, shirtNumber: row!.shirtNumber }),
    ).rejects.toThrow();
    await db()
      .insert(t.seasonRosters)
      .values({ seasonId: row!.seasonId, clubId: row!.clubId, personId: person!.id, shirtNumber: 77 });
  });

  it('refuses a second event with the same clientEventId in one match', async () => {
    const [m] = await db().select().from(t.matches).limit(1);
    const [admin] = await db().select().from(t.users).limit(1);
    const ev = {
      matchId: m!.id,
      clientEventId: '5d1d0a4e-6a0b-4c1e-9d2e-0c1f2a3b4c5d',
      type: 'goal' as const,
      side: 'home' as const,
      minute: 3,
      createdBy: admin!.id,
    };
    await db().insert(t.matchEvents).values(ev);
    await expect(db().insert(t.matchEvents).values(ev)).rejects.toThrow();
    await db().delete(t.matchEvents).where(eq(t.matchEvents.clientEventId, ev.clientEventId));
  });

  it('does not load the demo twice', async () => {
    expect(await seedDemoIfEmpty(db(), { now: new Date(), timeZone: TZ, adminLogin: 'demo-admin' })).toBeNull();
  });

  describe('the demo league keeps what the README promises', () => {
    it('has a league season with at least 8 clubs, long names and a shared abbreviation', async () => {
      const [league] = await db().select().from(t.competitions).where(eq(t.competitions.type, 'league'));
      const [season] = await db().select().from(t.seasons).where(eq(t.seasons.competitionId, league!.id));
      const clubs = await db()
        .select({ c: t.clubs })
        .from(t.seasonParticipants)
        .innerJoin(t.clubs, eq(t.clubs.id, t.seasonParticipants.clubId))
        .where(eq(t.seasonParticipants.seasonId, season!.id));
      expect(clubs.length).toBeGreaterThanOrEqual(8);
      expect(clubs.some(({ c }) => c.name.length >= 30)).toBe(true);
      const shorts = clubs.map(({ c }) => c.shortName);
      expect(new Set(shorts).size).toBeLessThan(shorts.length);
      expect(shorts.every((s) => s.length <= 5)).toBe(true);
    });

    it('has squads of at least 16 players with shirt numbers', async () => {
      const clubs = await db().select().from(t.clubs);
      for (const c of clubs) {
        const squad = await db().select().from(t.squadMembers).where(eq(t.squadMembers.clubId, c.id));
        expect(squad.length).toBeGreaterThanOrEqual(16);
        expect(squad.every((p) => p.shirtNumber !== null)).toBe(true);
      }
    });

    it('has finished rounds, so the table is not trivial', async () => {
      const [league] = await db().select().from(t.competitions).where(eq(t.competitions.type, 'league'));
      const [season] = await db().select().from(t.seasons).where(eq(t.seasons.competitionId, league!.id));
      const standings = await computeStandings(db(), season!.id);
      const rows = standings!.groups[0]!.rows;
      expect(rows.every((r) => r.played >= 2)).toBe(true);
      expect(new Set(rows.map((r) => r.points)).size).toBeGreaterThan(2);
    });

    it('has at least two matches today with lineups, and a cup knockout match today that allows a shootout', async () => {
      const now = new Date();
      const all = await listSummaries(db(), {
        from: new Date(now.getTime() - 26 * 3600_000).toISOString(),
        to: new Date(now.getTime() + 26 * 3600_000).toISOString(),
      });
      const today = all.filter((m) => localDate(m.kickoffAt) === localDate(now) && m.status !== 'finished');
      expect(today.length).toBeGreaterThanOrEqual(2);
      const ids = today.map((m) => Number(m.id));
      const lineups = await db().select().from(t.lineups).where(inArray(t.lineups.matchId, ids));
      for (const id of ids) {
        expect(lineups.filter((l) => l.matchId === id && l.side === 'home').length).toBeGreaterThanOrEqual(11);
        expect(lineups.filter((l) => l.matchId === id && l.side === 'away').length).toBeGreaterThanOrEqual(11);
      }
      // Every demo lineup keeps its competition's lineup rules.
      const stored = await db().select().from(t.lineups);
      for (const m of await db().select().from(t.matches)) {
        const rules = await lineupRulesOf(db(), m.seasonId);
        for (const side of ['home', 'away'] as const) {
          const picks = stored.filter((l) => l.matchId === m.id && l.side === side);
          expect({ match: m.id, side, problems: lineupProblems(picks, rules) }).toEqual({
            match: m.id,
            side,
            problems: [],
          });
        }
      }
      const cup = today.filter((m) => m.competition.type === 'cup');
      expect(cup.some((m) => m.penaltiesAllowed)).toBe(true);
      expect(today.filter((m) => m.competition.type === 'league').every((m) => !m.penaltiesAllowed)).toBe(true);
      const scheduled = await db()
        .select()
        .from(t.matches)
        .where(
          and(
            eq(t.matches.status, 'scheduled'),
            gte(t.matches.kickoffAt, new Date(now.getTime() - 3600_000)),
            lt(t.matches.kickoffAt, new Date(now.getTime() + 24 * 3600_000)),
          ),
        );
      expect(scheduled.length).toBeGreaterThanOrEqual(2);
    });
  });

  if (kind === 'postgres') {
    it('applies migrations idempotently: a second open changes nothing', async () => {
      const before = await db().select().from(t.clubs);
      const again = await openPostgres(h.url!);
      await again.close();
      expect(await db().select().from(t.clubs)).toEqual(before);
    });
  }
});

/** Moscow wall-clock times of 7 December 2026 as instants (UTC+3, no daylight saving). */
const moscow = (hhmm: string) => new Date(`2026-12-07T${hhmm}:00+03:00`);

describe('the demo league at any hour of the day', () => {
  it.each(['09:00', '22:15', '23:40'])(
    'seeded at %s Moscow time, keeps today’s league kick-offs ahead, in the order of the round, on today’s date',
    async (hhmm) => {
      const now = moscow(hhmm);
      const h = await openTestDatabase('pglite');
      try {
        await ensureFirstAdmin(h.database.db, 'demo-admin', 'a-long-enough-password');
        await seedDemoIfEmpty(h.database.db, { now, timeZone: TZ, adminLogin: 'demo-admin' });
        const todays = (
          await h.database.db
            .select({ id: t.matches.id, kickoffAt: t.matches.kickoffAt })
            .from(t.matches)
            .innerJoin(t.seasons, eq(t.seasons.id, t.matches.seasonId))
            .innerJoin(t.competitions, eq(t.competitions.id, t.seasons.competitionId))
            .where(and(eq(t.matches.status, 'scheduled'), eq(t.competitions.type, 'league')))
        )
          .filter((m) => localDate(m.kickoffAt) === localDate(now))
          .sort((a, b) => a.id - b.id);
        expect(todays.length).toBeGreaterThanOrEqual(2);
        for (const m of todays) expect(m.kickoffAt.getTime()).toBeGreaterThan(now.getTime() - 5 * 60_000);
        const times = todays.map((m) => m.kickoffAt.getTime());
        expect(times).toEqual([...times].sort((a, b) => a - b));
      } finally {
        await h.dispose();
      }
    },
  );
});
