/**
 * The league day (issue 20): many live matches at once, fans spread over two Touchline instances on one PostgreSQL
 * and one Redis, every write made on the first ("writing") instance so the second one hears each through Redis.
 * Each match writes a realistic mix (statistics, about one goal in eight) every 3–8 s for a fixed window; one in
 * ten fans also follows `live` (the Today page); one match is the derby with a crowd of its own.
 */
import { Redis } from 'ioredis';
import { COUNTER_METRICS } from '../../packages/contract/src/constants.ts';
import { ClientPool } from '../lib/clients.ts';
import { cpuMs } from '../lib/procfs.ts';
import { REDIS_URL, signIn, startTouchline, type TouchlineServer } from '../lib/services.ts';
import { now, type Percentiles, pool, sleep, summarise } from '../lib/stats.ts';

export interface LeagueDayOptions {
  matches: number;
  fans: number;
  /** Fans of the derby (match 0), taken from `fans`. */
  derbyFans: number;
  windowMs: number;
  workers: number;
}

export interface LeagueDayInstance {
  name: string;
  fans: number;
  /** Match frames delivered to this instance's fans. */
  frames: number;
  /** This instance's fans also on `live`, and the live frames they got. */
  liveFans: number;
  liveFrames: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** The event-loop delay p99 over the window, from the instance's /metrics, less the sampling resolution. */
  eventLoopLagP99Ms: number;
  /** Commit to arrival over Redis, mean (the server's outbox-lag histogram); NaN on the writing instance. */
  busMeanMs: number;
  cpuMs: number;
}

export interface LeagueDayResult {
  matches: number;
  fans: number;
  connected: number;
  derbyFans: number;
  windowS: number;
  writes: number;
  goals: number;
  writeErrors: number;
  /** Every frame delivered in the window (match and live), per second. */
  framesPerSecond: number;
  framesExpected: number;
  framesLost: number;
  liveFrames: number;
  cpuUsPerFrame: number;
  /** CPU time of the client processes in the window, per process, as a share of one core. */
  clientCoreShare: number[];
  redis: { publishesPerWrite: number; bytesInPerWrite: number; bytesOutPerWrite: number };
  all: Percentiles;
  instances: LeagueDayInstance[];
}

/** Statistics that only ever go up, so no write is refused for its value (shots on target would pass shots). */
const METRICS = COUNTER_METRICS.filter((m) => m !== 'shots_on_target');
/** Subtracted from the event-loop p99: Node's histogram records whole sampling intervals (metrics.ts). */
const LAG_RESOLUTION_MS = 10;

type Stoppable = { stop: () => Promise<void> };
type Track = <T extends Stoppable>(p: T) => T;

async function api<T>(url: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const r = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

/** `count` new matches of the demo league, kicked off, through the admin API. */
async function liveMatches(url: string, token: string, count: number): Promise<string[]> {
  type Summary = { id: string; seasonId: string; homeClub: { id: string }; awayClub: { id: string } };
  const { matches } = await api<{ matches: Summary[] }>(url, token, 'GET', '/api/matches?status=scheduled');
  const template = matches[0];
  if (!template) throw new Error('the demo league has no scheduled match');
  const ids: string[] = [];
  await pool(
    Array.from({ length: count }, (_, i) => i),
    8,
    async () => {
      const { match } = await api<{ match: { id: string } }>(url, token, 'POST', '/api/admin/matches', {
        seasonId: template.seasonId,
        homeClubId: template.homeClub.id,
        awayClubId: template.awayClub.id,
        kickoffAt: new Date().toISOString(),
      });
      await api(url, token, 'POST', `/api/matches/${match.id}/state`, { status: 'live' });
      ids.push(match.id);
    },
  );
  return ids;
}

/** Redis's own counters (server-wide: anything else using this Redis meanwhile is counted too). */
async function redisCounters(redis: Redis) {
  const stats = await redis.info('stats');
  const commands = await redis.info('commandstats');
  const field = (text: string, re: RegExp) => Number(re.exec(text)?.[1] ?? NaN);
  return {
    bytesIn: field(stats, /^total_net_input_bytes:(\d+)/m),
    bytesOut: field(stats, /^total_net_output_bytes:(\d+)/m),
    publishes: field(commands, /^cmdstat_publish:calls=(\d+)/m) || 0,
  };
}

/**
 * The instance's event-loop delay p99 since the previous scrape (prom-client resets the histogram on each), and its
 * running sum and count of commit-to-arrival times of patches from the other instance.
 */
async function scrape(server: TouchlineServer) {
  // An instance too busy to answer within the timeout reads as NaN rather than ending the section.
  const text = await fetch(`${server.url}/metrics`, { signal: AbortSignal.timeout(30_000) }).then(
    (r) => r.text(),
    () => '',
  );
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return {
    lagMs: Math.max(0, value('nodejs_eventloop_lag_p99_seconds') * 1000 - LAG_RESOLUTION_MS),
    busSum: value('touchline_outbox_lag_seconds_sum'),
    busCount: value('touchline_outbox_lag_seconds_count'),
  };
}

/** Waits until no frame has arrived for `quietMs` (or `maxMs` passed). */
async function settle(clients: ClientPool, quietMs: number, maxMs: number) {
  const until = now() + maxMs;
  let last = -1;
  let lastChange = now();
  while (now() < until) {
    const { received } = await clients.progress();
    if (received !== last) {
      last = received;
      lastChange = now();
    } else if (now() - lastChange > quietMs) return;
    await sleep(100);
  }
}

export async function measureLeagueDay(
  opts: LeagueDayOptions,
  databaseUrl: string,
  jwtKeys: string,
  track: Track,
  stop: (p: Stoppable) => Promise<void>,
  log: (s: string) => void,
): Promise<LeagueDayResult> {
  const a = track(await startTouchline({ databaseUrl, jwtKeys }));
  const b = track(await startTouchline({ databaseUrl, jwtKeys }));
  const servers = [a, b];
  const clients = track(new ClientPool(opts.workers));
  const redis = new Redis(REDIS_URL);
  try {
    const token = await signIn(a.url);
    log(`league day: creating and kicking off ${opts.matches} matches`);
    const ids = await liveMatches(a.url, token, opts.matches);

    // Groups: a topic on one instance. Match m on instance i is group i * matches + m; live is 2 * matches + i.
    const groups = servers.flatMap((s) =>
      ids.map((id) => ({ url: `${s.url.replace(/^http/, 'ws')}/realtime`, topic: `match:${id}` })),
    );
    for (const s of servers) groups.push({ url: `${s.url.replace(/^http/, 'ws')}/realtime`, topic: 'live' });
    const derbyFans = Math.min(opts.derbyFans, Math.floor(opts.fans / 2));
    const fansOf = new Array<number>(opts.matches).fill(0);
    const fans: number[][] = [];
    for (let f = 0; f < opts.fans; f++) {
      const instance = f % 2;
      const m = f < derbyFans || opts.matches === 1 ? 0 : 1 + ((f - derbyFans) % (opts.matches - 1));
      fansOf[m]!++;
      // One in ten of each instance's fans (counted in pairs, since fans alternate) also follows live.
      const onLive = Math.floor(f / 2) % 10 === 9;
      fans.push(onLive ? [instance * opts.matches + m, 2 * opts.matches + instance] : [instance * opts.matches + m]);
    }
    log(`league day: ${opts.fans} fans over 2 instances (${derbyFans} on the derby, one in ten also on live)`);
    const opened = await clients.openFans({ groups, fans });
    if (opened.failed) log(`  ${opened.failed} fans failed to connect (${opened.firstError ?? '?'})`);
    await sleep(1000);
    await clients.collect();

    const before = {
      cpu: servers.map((s) => cpuMs(s.pid)),
      clientCpu: clients.pids().map(cpuMs),
      redis: await redisCounters(redis),
      at: now(),
    };
    // Also resets each event-loop histogram: the next read covers the window.
    const scraped = await Promise.all(servers.map(scrape));

    log(`league day: ${opts.windowMs / 1000} s of writes on the first instance`);
    const sent = new Map<string, number>();
    const writesTo = new Array<number>(opts.matches).fill(0);
    let goals = 0;
    let writeErrors = 0;
    const end = now() + opts.windowMs;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    await Promise.all(
      ids.map(async (id, m) => {
        // Staggered: the matches do not all write in the same second.
        await sleep(Math.random() * 8000);
        while (now() < end) {
          const side = Math.random() < 0.5 ? 'home' : 'away';
          const goal = Math.random() < 1 / 8;
          const [path, body] = goal
            ? ['events', { type: 'goal', side, minute: 1 + Math.floor(Math.random() * 90) }]
            : ['stats', { side, metric: METRICS[Math.floor(Math.random() * METRICS.length)], delta: 1 }];
          const t0 = now();
          try {
            const r = await fetch(`${a.url}/api/matches/${id}/${path}`, {
              method: 'POST',
              headers,
              body: JSON.stringify(body),
            });
            if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
            sent.set(`${m}:${((await r.json()) as { seq: number }).seq}`, t0);
            writesTo[m]!++;
            if (goal) goals++;
          } catch (err) {
            if (writeErrors++ === 0) log(`  a write failed: ${String(err)}`);
          }
          await sleep(3000 + Math.random() * 5000);
        }
      }),
    );
    await settle(clients, 3000, 30_000);
    const windowMs = now() - before.at;
    const after = await Promise.all(servers.map(scrape));
    const cpu = servers.map((s, i) => cpuMs(s.pid) - before.cpu[i]!);
    const clientCpu = clients.pids().map((pid, i) => cpuMs(pid) - before.clientCpu[i]!);
    const redisAfter = await redisCounters(redis);

    const collected = await clients.collect();
    const perInstance = servers.map(() => [] as number[]);
    const liveOn = servers.map(() => 0);
    let total = 0;
    for (const c of collected) {
      total += c.seqs.length;
      for (let k = 0; k < c.seqs.length; k++) {
        const g = c.groups[k]!;
        if (g >= 2 * opts.matches) {
          liveOn[g - 2 * opts.matches]!++;
          continue;
        }
        const t0 = sent.get(`${g % opts.matches}:${c.seqs[k]!}`);
        if (t0 !== undefined) perInstance[Math.floor(g / opts.matches)]!.push(c.times[k]! - t0);
      }
    }
    const framesExpected = writesTo.reduce((n, w, m) => n + w * fansOf[m]!, 0);
    const delivered = perInstance.reduce((n, l) => n + l.length, 0);
    const writes = sent.size;
    const perWrite = (d: number) => (writes ? d / writes : NaN);
    await clients.closeSockets();
    return {
      matches: opts.matches,
      fans: opts.fans,
      connected: opened.opened,
      derbyFans,
      windowS: Math.round(windowMs / 100) / 10,
      writes,
      goals,
      writeErrors,
      framesPerSecond: Math.round(total / (windowMs / 1000)),
      framesExpected,
      framesLost: framesExpected - delivered,
      liveFrames: liveOn.reduce((n, l) => n + l, 0),
      cpuUsPerFrame: total ? (cpu.reduce((n, c) => n + c, 0) * 1000) / total : NaN,
      clientCoreShare: clientCpu.map((c) => Math.round((100 * c) / windowMs) / 100),
      redis: {
        publishesPerWrite: perWrite(redisAfter.publishes - before.redis.publishes),
        bytesInPerWrite: perWrite(redisAfter.bytesIn - before.redis.bytesIn),
        bytesOutPerWrite: perWrite(redisAfter.bytesOut - before.redis.bytesOut),
      },
      all: summarise(perInstance.flat()),
      instances: servers.map((_, i) => {
        const s = summarise(perInstance[i]!);
        return {
          name: i === 0 ? 'writing' : 'second',
          fans: fans.filter((_, f) => f % 2 === i).length,
          frames: s.count,
          liveFans: fans.filter((g) => g.includes(2 * opts.matches + i)).length,
          liveFrames: liveOn[i]!,
          p50Ms: s.p50,
          p95Ms: s.p95,
          p99Ms: s.p99,
          eventLoopLagP99Ms: after[i]!.lagMs,
          busMeanMs: ((after[i]!.busSum - scraped[i]!.busSum) * 1000) / (after[i]!.busCount - scraped[i]!.busCount),
          cpuMs: cpu[i]!,
        };
      }),
    };
  } finally {
    redis.disconnect();
    await Promise.all([stop(clients), stop(a), stop(b)]);
  }
}
