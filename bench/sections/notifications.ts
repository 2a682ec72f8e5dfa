import pg from 'pg';
import { FakeTelegram } from '../../packages/server/test/fake-telegram.ts';
import { ADMIN, startTouchline, type TouchlineServer } from '../lib/services.ts';
import { now, sleep, summarise } from '../lib/stats.ts';

export interface NotificationResult {
  followers: number;
  holdSeconds: number;
  /** TELEGRAM_MAX_PER_SECOND for the run. */
  limitPerSecond: number;
  delivered: number;
  /** Commit of the goal to each message reaching the (fake) Bot API, in ms. */
  firstMs: number;
  p50Ms: number;
  p99Ms: number;
  lastMs: number;
  /** Messages a second between the first and the last. */
  ratePerSecond: number;
}

export interface NotificationOptions {
  followers: number;
  limitPerSecond: number;
  holdSeconds: number;
}

/**
 * 10,000 Telegram followers of one club and one goal, through the real pipeline (change log → planner → outbox →
 * sender → grammy) against a fake Bot API on loopback: commit-to-send of the first and the last message, and the
 * send rate against the configured limit (docs/decisions/034).
 */
export async function measureNotifications(
  databaseUrl: string,
  jwtKeys: string,
  opts: NotificationOptions,
  track: <T extends { stop: () => Promise<void> }>(p: T) => T,
  log: (s: string) => void,
): Promise<NotificationResult> {
  const fake = new FakeTelegram();
  const root = await fake.start();
  let server: TouchlineServer | undefined;
  try {
    server = track(
      await startTouchline({
        databaseUrl,
        jwtKeys,
        env: {
          TELEGRAM_BOT_TOKEN: '123456:bench-token',
          TELEGRAM_API_ROOT: root,
          TELEGRAM_MAX_PER_SECOND: String(opts.limitPerSecond),
          TOUCHLINE_NOTIFY_HOLD_SECONDS: String(opts.holdSeconds),
        },
      }),
    );
    const url = server.url;
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const token = ((await login.json()) as { token: string }).token;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const list = (await (await fetch(`${url}/api/matches?status=scheduled`)).json()) as {
      matches: { id: string; homeClub: { id: string } }[];
    };
    const match = list.matches.at(-1);
    if (!match) throw new Error('the demo league has no scheduled match');
    const kick = await fetch(`${url}/api/matches/${match.id}/state`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ status: 'live' }),
    });
    if (!kick.ok) throw new Error(`kick-off: ${kick.status} ${await kick.text()}`);
    // The kick-off's window closes with nobody following; the followers arrive before the goal.
    await sleep((opts.holdSeconds + 2) * 1000);
    log(`notifications: ${opts.followers} Telegram followers of club ${match.homeClub.id}`);
    await seedFollowers(databaseUrl, Number(match.homeClub.id), opts.followers);
    fake.calls.length = 0;

    const goal = await fetch(`${url}/api/matches/${match.id}/events`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ type: 'goal', side: 'home', minute: 30 }),
    });
    if (goal.status !== 201) throw new Error(`goal: ${goal.status} ${await goal.text()}`);
    const deadline = now() + (opts.holdSeconds + 30 + (2 * opts.followers) / opts.limitPerSecond) * 1000;
    while (fake.sent('sendMessage').length < opts.followers && now() < deadline) await sleep(200);
    if (process.env.BENCH_DEBUG) {
      const m = await (await fetch(`${url}/metrics`)).text();
      console.error(
        m
          .split('\n')
          .filter((l) => /^touchline_notification/.test(l))
          .join('\n'),
      );
      console.error(server.output().slice(-3000));
    }
    const committedAt = await goalCommit(databaseUrl, Number(match.id));
    const arrivals = fake.sent('sendMessage').map((c) => c.at);
    const delays = arrivals.map((at) => at - committedAt);
    const s = summarise(delays);
    const spanS = (Math.max(...arrivals) - Math.min(...arrivals)) / 1000;
    return {
      followers: opts.followers,
      holdSeconds: opts.holdSeconds,
      limitPerSecond: opts.limitPerSecond,
      delivered: arrivals.length,
      firstMs: Math.min(...delays),
      p50Ms: s.p50,
      p99Ms: s.p99,
      lastMs: Math.max(...delays),
      ratePerSecond: spanS > 0 ? (arrivals.length - 1) / spanS : NaN,
    };
  } finally {
    if (server) await server.stop();
    await fake.close();
  }
}

/** Telegram recipients following one club, made in one statement as a real league's would have been over time. */
async function seedFollowers(databaseUrl: string, clubId: number, n: number): Promise<void> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query(
      `with r as (
         insert into notify_recipients (channel, chat_id, kinds, locale)
         select 'telegram', (900000000 + g)::text, '["goal","full_time"]'::jsonb, case when g % 2 = 0 then 'ru' else 'en' end
         from generate_series(1, $1::int) g
         returning id)
       insert into follows (recipient_id, target, target_id) select id, 'club', $2 from r`,
      [n, clubId],
    );
  } finally {
    await c.end();
  }
}

/** When the goal's notifications say their change committed: the pipeline's own clock for commit-to-send. */
async function goalCommit(databaseUrl: string, matchId: number): Promise<number> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const r = await c.query<{ at: Date }>(
      `select min(committed_at) as at from notifications where match_id = $1 and kind = 'goal'`,
      [matchId],
    );
    const at = r.rows[0]?.at;
    if (!at) throw new Error('the goal planned no notification');
    return at.getTime();
  } finally {
    await c.end();
  }
}
