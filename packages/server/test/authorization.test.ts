import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, gt } from 'drizzle-orm';
import type { MatchSummary } from '@touchline/contract';
import * as t from '../src/db/schema.ts';
import { type Api, signInAdmin, snapshot, staff, todaysMatches } from './api.ts';
import { dbKinds, startTestServer, TEST_ADMIN, type TestServer } from './helpers.ts';

/**
 * Who may write what (docs/rules.md §1.2; docs/protocol.md §1, §5), one row per caller and match state, one column per
 * write route. Every cell runs on a fresh match in the stated state and must answer exactly this status and code:
 * 401 `unauthorized`, 403 `forbidden`, and for 409 the code named in the cell (`locked` = `lineup_locked`,
 * `not_live` = `match_not_live`, `finished` = `match_finished`, `closed` = `correction_window_closed`). A refused
 * write leaves the match's seq where it was; an accepted one moves it by exactly 1. `users` is
 * `POST /api/admin/users`, the same request in every row.
 *
 * Match states: `scheduled` (before kick-off), `live` (first half), `live*` (live, with other operators assigned),
 * `live+` (live, with this operator assigned), `finished 47h` / `finished 49h` (full time that long ago; the
 * judge's correction window is 48 h).
 */
const POLICY = `
caller        | match        | events       | patch        | delete       | stats        | state        | lineup/home  | lineup/away  | users
anonymous     | live         | 401          | 401          | 401          | 401          | 401          | 401          | 401          | 401
fan           | live         | 403          | 403          | 403          | 403          | 403          | 403          | 403          | 403
home captain  | scheduled    | 403          | 403          | 403          | 403          | 403          | 200          | 403          | 403
home captain  | live         | 403          | 403          | 403          | 403          | 403          | 409 locked   | 403          | 403
other captain | scheduled    | 403          | 403          | 403          | 403          | 403          | 403          | 403          | 403
operator      | scheduled    | 409 not_live | 409 not_live | 409 not_live | 409 not_live | 200          | 200          | 200          | 403
operator      | live         | 201          | 200          | 200          | 200          | 200          | 200          | 200          | 403
operator      | live+        | 201          | 200          | 200          | 200          | 200          | 200          | 200          | 403
operator      | live*        | 403          | 403          | 403          | 403          | 403          | 403          | 403          | 403
operator      | finished 47h | 409 finished | 409 finished | 409 finished | 409 finished | 409 finished | 409 finished | 409 finished | 403
judge         | scheduled    | 409 not_live | 409 not_live | 409 not_live | 409 not_live | 403          | 403          | 403          | 403
judge         | live         | 201          | 200          | 200          | 200          | 403          | 403          | 403          | 403
judge         | finished 47h | 201          | 200          | 200          | 200          | 403          | 403          | 403          | 403
judge         | finished 49h | 409 closed   | 409 closed   | 409 closed   | 409 closed   | 403          | 403          | 403          | 403
admin         | live         | 201          | 200          | 200          | 200          | 200          | 200          | 200          | 201
admin         | finished 49h | 201          | 200          | 200          | 200          | 200          | 200          | 200          | 201
`;

const ROUTES = ['events', 'patch', 'delete', 'stats', 'state', 'lineup/home', 'lineup/away', 'users'] as const;
type Route = (typeof ROUTES)[number];
const CALLERS = ['anonymous', 'fan', 'home captain', 'other captain', 'operator', 'judge', 'admin'] as const;
type Caller = (typeof CALLERS)[number];
const STATES = ['scheduled', 'live', 'live+', 'live*', 'finished 47h', 'finished 49h'] as const;
type MatchState = (typeof STATES)[number];

interface Cell {
  caller: Caller;
  state: MatchState;
  route: Route;
  status: number;
  code: string | undefined;
}

const CONFLICTS: Record<string, string> = {
  locked: 'lineup_locked',
  not_live: 'match_not_live',
  finished: 'match_finished',
  closed: 'correction_window_closed',
};

function parsePolicy(text: string): Cell[] {
  const [header, ...rows] = text
    .trim()
    .split('\n')
    .map((line) => line.split('|').map((c) => c.trim()));
  expect(header!.slice(2)).toEqual([...ROUTES]);
  return rows.flatMap((cols) => {
    const [caller, state, ...cells] = cols as [Caller, MatchState, ...string[]];
    if (!CALLERS.includes(caller) || !STATES.includes(state) || cells.length !== ROUTES.length) {
      throw new Error(`bad policy row: ${cols.join(' | ')}`);
    }
    return cells.map((cell, i) => {
      const [status, short] = cell.split(' ');
      const code = short === undefined ? undefined : CONFLICTS[short];
      if (short !== undefined && !code) throw new Error(`bad policy cell: ${cell}`);
      return { caller, state, route: ROUTES[i]!, status: Number(status), code };
    });
  });
}

const CELLS = parsePolicy(POLICY);
const defaultCode: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden' };
const HOUR = 3600_000;

describe.each(dbKinds)('write authorisation on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  let adminId: number;
  let source: MatchSummary;
  let otherOperatorId: number;
  let operatorId: number;
  const tokens = {} as Record<Exclude<Caller, 'anonymous'>, string>;
  const lineupBody = {} as Record<'home' | 'away', object>;

  beforeAll(async () => {
    s = await startTestServer(kind, { demo: true });
    admin = await signInAdmin(s.app);
    const db = s.database.db;
    adminId = (await db.select().from(t.users).where(eq(t.users.login, TEST_ADMIN.login)))[0]!.id;
    source = (await todaysMatches(s.app)).league[0]!;

    const [fan] = await db
      .insert(t.users)
      .values({ login: `fan-${randomUUID()}`, displayName: 'A Fan', role: 'fan' })
      .returning();
    tokens.fan = await s.app.keyring.sign({ userId: String(fan!.id), role: 'fan' });
    tokens.admin = admin.token;
    tokens['home captain'] = (await staff(s.app, admin, 'captain', { clubId: source.homeClub.id })).api.token;
    const clubs = await db.select({ id: t.clubs.id }).from(t.clubs);
    const stranger = clubs.find((c) => ![source.homeClub.id, source.awayClub.id].includes(String(c.id)))!;
    tokens['other captain'] = (await staff(s.app, admin, 'captain', { clubId: String(stranger.id) })).api.token;
    const operator = await staff(s.app, admin, 'operator');
    tokens.operator = operator.api.token;
    operatorId = Number(operator.user.id);
    otherOperatorId = Number((await staff(s.app, admin, 'operator')).user.id);
    tokens.judge = (await staff(s.app, admin, 'judge')).api.token;

    // The lineups the source match already has, minus anyone suspended: a valid PUT for either side.
    const snap = await snapshot(s.app, source.id);
    const banned = new Set(
      (await db.select().from(t.suspensions).where(gt(t.suspensions.matchesRemaining, 0))).map((b) =>
        String(b.personId),
      ),
    );
    // A banned starter's place goes to the first substitute, so the lineup still has eleven starters.
    for (const side of ['home', 'away'] as const) {
      const fit = snap.lineups[side].filter((e) => !banned.has(e.playerId));
      const starters = fit.filter((e) => e.role === 'starter').length;
      let promote = 11 - starters;
      lineupBody[side] = {
        entries: fit.map((e) => ({
          playerId: e.playerId,
          shirtNumber: e.shirtNumber,
          role: e.role === 'substitute' && promote-- > 0 ? 'starter' : e.role,
          ...(e.position ? { position: e.position } : {}),
        })),
      };
    }
  });
  afterAll(() => s.close());

  /** A new league match between the source's clubs, in the requested state, with the source's lineups. */
  async function freshMatch(state: MatchState): Promise<number> {
    const db = s.database.db;
    const [src] = await db
      .select()
      .from(t.matches)
      .where(eq(t.matches.id, Number(source.id)));
    const now = Date.now();
    const status = state === 'scheduled' ? 'scheduled' : state.startsWith('finished') ? 'finished' : 'live';
    const finishedHoursAgo = state === 'finished 47h' ? 47 : 49;
    const { id: _id, createdAt: _createdAt, ...copy } = src!;
    const [m] = await db
      .insert(t.matches)
      .values({
        ...copy,
        status,
        period: status === 'scheduled' ? null : status === 'live' ? 'first_half' : 'second_half',
        kickoffAt: new Date(status === 'scheduled' ? now + 2 * HOUR : now - (finishedHoursAgo + 2) * HOUR),
        periodStartedAt: status === 'scheduled' ? null : new Date(now - HOUR),
        finishedAt: status === 'finished' ? new Date(now - finishedHoursAgo * HOUR) : null,
        seq: 0,
        epoch: randomUUID(),
      })
      .returning();
    const lineups = await db.select().from(t.lineups).where(eq(t.lineups.matchId, src!.id));
    await db.insert(t.lineups).values(lineups.map(({ id: _lid, ...l }) => ({ ...l, matchId: m!.id })));
    if (state === 'live*') await db.insert(t.matchOperators).values({ matchId: m!.id, userId: otherOperatorId });
    if (state === 'live+') await db.insert(t.matchOperators).values({ matchId: m!.id, userId: operatorId });
    return m!.id;
  }

  /** An event already on the match, to patch and delete (put straight in: a scheduled match cannot take one). */
  async function existingEvent(matchId: number): Promise<number> {
    const [e] = await s.database.db
      .insert(t.matchEvents)
      .values({ matchId, type: 'goal', side: 'home', minute: 10, createdBy: adminId })
      .returning();
    return e!.id;
  }

  const seqOf = async (matchId: number) =>
    (await s.database.db.select({ seq: t.matches.seq }).from(t.matches).where(eq(t.matches.id, matchId)))[0]!.seq;

  function request(route: Route, state: MatchState, matchId: number, eventId: number) {
    const m = `/api/matches/${matchId}`;
    switch (route) {
      case 'events':
        return { method: 'POST' as const, url: `${m}/events`, payload: { type: 'goal', side: 'home', minute: 30 } };
      case 'patch':
        return { method: 'PATCH' as const, url: `${m}/events/${eventId}`, payload: { minute: 45 } };
      case 'delete':
        return { method: 'DELETE' as const, url: `${m}/events/${eventId}` };
      case 'stats':
        return { method: 'POST' as const, url: `${m}/stats`, payload: { side: 'home', metric: 'corners', delta: 1 } };
      case 'state':
        // Kick-off before the match, half time during it, reopening after it: each a valid step for some caller.
        return {
          method: 'POST' as const,
          url: `${m}/state`,
          payload: state === 'scheduled' || state.startsWith('finished') ? { status: 'live' } : { period: 'half_time' },
        };
      case 'lineup/home':
      case 'lineup/away': {
        const side = route === 'lineup/home' ? 'home' : 'away';
        return { method: 'PUT' as const, url: `${m}/lineups/${side}`, payload: lineupBody[side] };
      }
      case 'users':
        return {
          method: 'POST' as const,
          url: '/api/admin/users',
          payload: { login: `u-${randomUUID().slice(0, 8)}`, password: 'a-long-enough-password', role: 'operator' },
        };
    }
  }

  it('has one cell per caller, match state and route', () => {
    expect(CELLS).toHaveLength(16 * ROUTES.length);
    for (const c of CELLS) expect([200, 201, 401, 403, 409]).toContain(c.status);
  });

  it.each(CELLS.map((c) => [`${c.caller} @ ${c.state}`, c.route, c.code ? `${c.status} ${c.code}` : c.status, c]))(
    '%s: %s → %s',
    async (_who, _route, _expected, cell) => {
      const c = cell as Cell;
      const matchId = await freshMatch(c.state);
      const eventId = await existingEvent(matchId);
      const seq = await seqOf(matchId);
      const token = c.caller === 'anonymous' ? undefined : tokens[c.caller];
      const res = await s.app.inject({
        ...request(c.route, c.state, matchId, eventId),
        ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
      });
      const code = c.code ?? defaultCode[c.status];
      expect({ status: res.statusCode, code: res.statusCode < 300 ? undefined : res.json().error?.code }).toEqual({
        status: c.status,
        code,
      });
      if (c.route !== 'users') expect(await seqOf(matchId)).toBe(res.statusCode < 300 ? seq + 1 : seq);
    },
  );
});
