import { afterAll, beforeAll, describe } from 'vitest';
import type { BusMessage } from '../src/realtime/bus.ts';
import { adminFeed } from '../src/realtime/admin-feed.ts';
import type { Feed, Patch } from '../src/realtime/feed.ts';
import { LiveFeed } from '../src/realtime/live-feed.ts';
import { matchFeed } from '../src/realtime/match-feed.ts';
import { seasonFeed } from '../src/realtime/season-feed.ts';
import { created, setUpSeason } from './admin-setup.ts';
import { type Api, signInAdmin } from './api.ts';
import { feedContract } from './contracts/feed.contract.ts';
import { dbKinds, startTestServer, type TestServer } from './helpers.ts';
import { MemoryFeed } from './memory-feed.ts';

/** Ids are PostgreSQL integers: this one names no match and no season. */
const NO_SUCH_ID = 2 ** 31 - 2;

describe.each(dbKinds)('every feed on %s', (kind) => {
  let s: TestServer;
  let admin: Api;
  /** A live match on today's card, in a season with its two clubs. */
  let live: { id: string; seasonId: string; homeClubId: string };
  /** Everything the fan-out carried, in order. */
  const carried: BusMessage[] = [];

  beforeAll(async () => {
    s = await startTestServer(kind);
    admin = await signInAdmin(s.app);
    const { season, clubs } = await setUpSeason(admin, { clubs: 2, format: 'round_robin' });
    const [home, away] = clubs.map((c) => c.id);
    const body = { seasonId: season.id, homeClubId: home, awayClubId: away, kickoffAt: new Date().toISOString() };
    const { match } = await created(admin.req('POST', '/api/admin/matches', body));
    await ok(admin.req('POST', `/api/matches/${match.id}/state`, { status: 'live' }));
    live = { id: match.id, seasonId: season.id, homeClubId: home! };
    s.app.fanout.onMessage((m) => carried.push(m));
  });
  afterAll(() => s?.close());

  const ok = async (res: ReturnType<Api['req']>) => {
    const r = await res;
    if (r.status >= 300) throw new Error(`write refused: ${r.status} ${JSON.stringify(r.body)}`);
  };
  /** The patches the fan-out carried on `topic` while `write` ran. */
  const publishedBy = async (topic: string, write: () => Promise<void>): Promise<Patch[]> => {
    const from = carried.length;
    await write();
    return carried.slice(from).filter((m) => m.topic === topic);
  };
  const goal = () =>
    ok(admin.req('POST', `/api/matches/${live.id}/events`, { type: 'goal', side: 'home', minute: 10 }));
  const fixture = (feed: Feed, topic: string, write: () => Promise<void>, nameless?: Feed) => ({
    feed,
    logged: true,
    write: () => publishedBy(topic, write),
    ...(nameless ? { nameless } : {}),
  });

  feedContract('match', async () =>
    fixture(matchFeed(s.app.db, Number(live.id)), `match:${live.id}`, goal, matchFeed(s.app.db, NO_SUCH_ID)),
  );

  let seed = 100;
  feedContract('season', async () =>
    fixture(
      seasonFeed(s.app.db, Number(live.seasonId)),
      `season:${live.seasonId}`,
      () =>
        ok(admin.req('PUT', `/api/admin/seasons/${live.seasonId}/participants/${live.homeClubId}`, { seed: seed++ })),
      seasonFeed(s.app.db, NO_SUCH_ID),
    ),
  );

  let club = 0;
  feedContract('admin', async () =>
    fixture(adminFeed(s.app.db), 'admin', () =>
      ok(admin.req('POST', '/api/admin/clubs', { name: `Audited Club ${club}`, shortName: `AC${club++}` })),
    ),
  );

  feedContract('live', async () => {
    // The realtime plugin's live card is its own; this one hears the same fan-out.
    const feed = new LiveFeed(s.app.db, s.app.config.timezone);
    const derived: Patch[] = [];
    s.app.fanout.onMessage((m) => {
      const p = feed.derive(m);
      if (p) derived.push(p);
    });
    return {
      feed,
      logged: false,
      async write() {
        const from = derived.length;
        await goal();
        return derived.slice(from);
      },
    };
  });
});

// The hub tests stand on this double: it keeps the same promises as the real feeds.
feedContract('in memory (the hub tests’ stand-in)', async () => {
  const feed = new MemoryFeed('match:1');
  return { feed, logged: true, write: async () => [feed.commit()] };
});
