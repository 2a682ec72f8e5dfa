import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { Side } from '@touchline/contract';
import { ensureFirstAdmin } from '../src/auth/first-admin.ts';
import type { Principal } from '../src/auth/keyring.ts';
import type { Database } from '../src/db/client.ts';
import * as t from '../src/db/schema.ts';
import { seedDemoIfEmpty } from '../src/demo/seed.ts';
import { ApiError } from '../src/http/errors.ts';
import { authorizeMatch, type MatchAction, type MatchRow, mayAsk } from '../src/matches/gate.ts';
import { dbKinds, openTestDatabase, TEST_ADMIN } from './helpers.ts';

/**
 * The match gate (matches/gate.ts, decision 025) on its own, one row per caller and match state, one column per
 * action and side: `ok`, `403` (`forbidden`), or the 409 it refuses with (`locked` = `lineup_locked`, `not_live` =
 * `match_not_live`, `finished` = `match_finished`, `closed` = `correction_window_closed`). It is the gate only: what
 * the write itself then refuses (an event on a scheduled match) is authorization.test.ts's, through HTTP.
 * `club matches` is the captain's list of their club's matches, which names no match.
 *
 * Match states as in authorization.test.ts: `live*` has other operators assigned; `finished 47h` / `49h` ended that
 * long ago, against the judge's 48-hour window.
 */
const GATE = `
caller        | match        | record   | state    | lineup/home | lineup/away | options/home | options/away | club matches
fan           | live         | 403      | 403      | 403         | 403         | 403          | 403          | 403
home captain  | scheduled    | 403      | 403      | ok          | 403         | ok           | 403          | ok
home captain  | live         | 403      | 403      | locked      | 403         | ok           | 403          | ok
other captain | scheduled    | 403      | 403      | 403         | 403         | 403          | 403          | ok
operator      | scheduled    | ok       | ok       | ok          | ok          | ok           | ok           | 403
operator      | live         | ok       | ok       | ok          | ok          | ok           | ok           | 403
operator      | live*        | 403      | 403      | 403         | 403         | ok           | ok           | 403
operator      | finished 47h | finished | finished | finished    | finished    | ok           | ok           | 403
judge         | scheduled    | not_live | 403      | 403         | 403         | 403          | 403          | 403
judge         | live         | ok       | 403      | 403         | 403         | 403          | 403          | 403
judge         | finished 47h | ok       | 403      | 403         | 403         | 403          | 403          | 403
judge         | finished 49h | closed   | 403      | 403         | 403         | 403          | 403          | 403
admin         | live         | ok       | ok       | ok          | ok          | ok           | ok           | ok
admin         | finished 49h | ok       | ok       | ok          | ok          | ok           | ok           | ok
`;

const COLUMNS: Record<string, { action: MatchAction; side?: Side }> = {
  record: { action: 'record' },
  state: { action: 'state' },
  'lineup/home': { action: 'lineup', side: 'home' },
  'lineup/away': { action: 'lineup', side: 'away' },
  'options/home': { action: 'lineupOptions', side: 'home' },
  'options/away': { action: 'lineupOptions', side: 'away' },
  'club matches': { action: 'clubMatches' },
};
const SHORT: Record<string, string> = {
  forbidden: '403',
  lineup_locked: 'locked',
  match_not_live: 'not_live',
  match_finished: 'finished',
  correction_window_closed: 'closed',
};
const CALLERS = ['fan', 'home captain', 'other captain', 'operator', 'judge', 'admin'] as const;
type Caller = (typeof CALLERS)[number];
const STATES = ['scheduled', 'live', 'live*', 'finished 47h', 'finished 49h'] as const;
type MatchState = (typeof STATES)[number];

const [header, ...rows] = GATE.trim()
  .split('\n')
  .map((line) => line.split('|').map((c) => c.trim()));
const CELLS = rows.flatMap(([caller, state, ...cells]) =>
  cells.map((expected, i) => ({
    caller: caller as Caller,
    state: state as MatchState,
    column: header![i + 2]!,
    expected,
  })),
);
const HOUR = 3600_000;
const JUDGE_WINDOW_HOURS = 48;

describe.each(dbKinds)('the match gate on %s', (kind) => {
  let database: Database;
  let dispose: () => Promise<void>;
  const callers = {} as Record<Caller, Principal>;
  const matches = {} as Record<MatchState, MatchRow>;

  beforeAll(async () => {
    ({ database, dispose } = await openTestDatabase(kind));
    const db = database.db;
    await ensureFirstAdmin(db, TEST_ADMIN.login, TEST_ADMIN.password);
    await seedDemoIfEmpty(db, { now: new Date(), timeZone: 'Europe/Moscow', adminLogin: TEST_ADMIN.login });
    const [source] = await db.select().from(t.matches).orderBy(asc(t.matches.id)).limit(1);
    const stranger = (await db.select({ id: t.clubs.id }).from(t.clubs)).find(
      (c) => c.id !== source!.homeClubId && c.id !== source!.awayClubId,
    );
    const user = async (role: Principal['role']) =>
      (
        await db
          .insert(t.users)
          .values({ login: `u-${randomUUID()}`, displayName: role, role })
          .returning()
      )[0]!.id;
    const [admin] = await db.select().from(t.users).where(eq(t.users.login, TEST_ADMIN.login));
    callers.fan = { userId: String(await user('fan')), role: 'fan' };
    callers['home captain'] = {
      userId: String(await user('captain')),
      role: 'captain',
      clubId: String(source!.homeClubId),
    };
    callers['other captain'] = { userId: String(await user('captain')), role: 'captain', clubId: String(stranger!.id) };
    callers.operator = { userId: String(await user('operator')), role: 'operator' };
    callers.judge = { userId: String(await user('judge')), role: 'judge' };
    callers.admin = { userId: String(admin!.id), role: 'admin' };
    const otherOperator = await user('operator');

    const { id: _id, createdAt: _createdAt, ...copy } = source!;
    const now = Date.now();
    for (const state of STATES) {
      const status = state === 'scheduled' ? 'scheduled' : state.startsWith('finished') ? 'finished' : 'live';
      const [m] = await db
        .insert(t.matches)
        .values({
          ...copy,
          status,
          period: status === 'scheduled' ? null : 'second_half',
          finishedAt: status === 'finished' ? new Date(now - (state === 'finished 47h' ? 47 : 49) * HOUR) : null,
          seq: 0,
          epoch: randomUUID(),
        })
        .returning();
      if (state === 'live*') await db.insert(t.matchOperators).values({ matchId: m!.id, userId: otherOperator });
      matches[state] = m!;
    }
  });
  afterAll(() => dispose());

  /** The gate's answer: who may ask at all, then (for a match action) what this match allows them. */
  async function verdict(p: Principal, match: MatchRow, column: string, replay = false): Promise<string> {
    const { action, side } = COLUMNS[column]!;
    const when = { judgeWindowHours: JUDGE_WINDOW_HOURS, now: new Date(), replay };
    try {
      mayAsk(p, action);
      if (action === 'record' || action === 'state') await authorizeMatch(database.db, p, match, { action, when });
      if (action === 'lineup') await authorizeMatch(database.db, p, match, { action, side: side!, when });
      if (action === 'lineupOptions') await authorizeMatch(database.db, p, match, { action, side: side! });
      return 'ok';
    } catch (err) {
      if (err instanceof ApiError) return SHORT[err.code] ?? err.code;
      throw err;
    }
  }

  it('has one cell per caller, match state and action', () => {
    expect(header!.slice(2)).toEqual(Object.keys(COLUMNS));
    expect(CELLS).toHaveLength(14 * 7);
    for (const c of CELLS) {
      expect(CALLERS).toContain(c.caller);
      expect(STATES).toContain(c.state);
      expect(['ok', '403', ...Object.values(SHORT)]).toContain(c.expected);
    }
  });

  it.each(CELLS.map((c) => [`${c.caller} @ ${c.state}`, c.column, c.expected, c]))(
    '%s: %s → %s',
    async (_who, _column, _expected, cell) => {
      const c = cell as (typeof CELLS)[number];
      expect(await verdict(callers[c.caller], matches[c.state], c.column)).toBe(c.expected);
    },
  );

  it('lets a replay past what the match still accepts, but not past who may ask', async () => {
    expect(await verdict(callers.judge, matches['finished 49h'], 'record', true)).toBe('ok');
    expect(await verdict(callers['home captain'], matches.live, 'lineup/home', true)).toBe('ok');
    expect(await verdict(callers.judge, matches.live, 'state', true)).toBe('403');
    expect(await verdict(callers.operator, matches['live*'], 'record', true)).toBe('403');
    expect(await verdict(callers['other captain'], matches.scheduled, 'lineup/home', true)).toBe('403');
  });
});
