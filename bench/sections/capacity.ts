import { createKeyring } from '../../packages/server/src/auth/keyring.ts';
import { EVENT_LOOP_RESOLUTION_MS } from '../../packages/server/src/metrics/metrics.ts';
import type { ClientPool } from '../lib/clients.ts';
import { rssBytes } from '../lib/procfs.ts';
import { createFan, type TouchlineServer } from '../lib/services.ts';
import { sleep } from '../lib/stats.ts';

export interface CapacityResult {
  target: number;
  opened: number;
  failed: number;
  firstError?: string;
  connectMs: number;
  /** Sockets the server itself counts (touchline_ws_connections). */
  serverConnections: number;
  rssBeforeMb: number;
  /** Right after the last socket opened, and at the end of the idle window (the figure used). */
  rssOpenedMb: number;
  rssAfterMb: number;
  rssPerConnectionKb: number;
  /**
   * Event-loop delay over the idle window from the server's own /metrics (nodejs_eventloop_lag_*), minus the
   * histogram's sampling interval, which Node counts in every sample (ms).
   */
  eventLoopLagP99Ms: number;
  eventLoopLagMaxMs: number;
  idleWindowMs: number;
  droppedDuringIdle: number;
}

const gauge = (text: string, name: string) => {
  const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  return m ? Number(m[1]) : NaN;
};

/** Opens `n` idle, authenticated sockets subscribed to `live`; RSS per socket and event-loop lag while idle. */
export async function measureCapacity(
  server: TouchlineServer,
  databaseUrl: string,
  pool: ClientPool,
  n: number,
  idleWindowMs: number,
  log: (s: string) => void,
): Promise<CapacityResult> {
  const scrape = async () => (await fetch(`${server.url}/metrics`)).text();
  // A signed-in fan: an account in the database and a token from the server's own keyring.
  const token = await createKeyring(server.jwtKeys).sign({ userId: await createFan(databaseUrl), role: 'fan' });
  // Warm up the code paths (JIT, the live card) so the baseline is not the cold process.
  await pool.open({
    mode: 'idle',
    url: `${server.url.replace('http', 'ws')}/realtime`,
    count: 200,
    topic: 'live',
    token,
  });
  await pool.closeSockets();
  await sleep(3000);
  const before = rssBytes(server.pid);

  const opened = await pool.open({
    mode: 'idle',
    url: `${server.url.replace('http', 'ws')}/realtime`,
    count: n,
    topic: 'live',
    token,
    concurrency: 25,
    timeoutMs: 180_000,
  });
  if (opened.failed) log(`  capacity: ${opened.failed} sockets failed (${opened.firstError ?? '?'})`);
  await sleep(5000);
  const opened5s = rssBytes(server.pid);

  await scrape(); // resets the event-loop delay histogram: the next scrape covers the idle window only
  const dropsBefore = (await pool.progress()).dropped;
  await sleep(idleWindowMs);
  const text = await scrape();
  const dropped = (await pool.progress()).dropped - dropsBefore;
  const after = rssBytes(server.pid);
  await pool.closeSockets();

  return {
    target: n,
    opened: opened.opened,
    failed: opened.failed,
    ...(opened.firstError ? { firstError: opened.firstError } : {}),
    connectMs: Math.round(opened.ms),
    serverConnections: gauge(text, 'touchline_ws_connections'),
    rssBeforeMb: before / 2 ** 20,
    rssOpenedMb: opened5s / 2 ** 20,
    rssAfterMb: after / 2 ** 20,
    rssPerConnectionKb: opened.opened ? (after - before) / opened.opened / 1024 : NaN,
    eventLoopLagP99Ms: Math.max(0, gauge(text, 'nodejs_eventloop_lag_p99_seconds') * 1000 - EVENT_LOOP_RESOLUTION_MS),
    eventLoopLagMaxMs: Math.max(0, gauge(text, 'nodejs_eventloop_lag_max_seconds') * 1000 - EVENT_LOOP_RESOLUTION_MS),
    idleWindowMs,
    droppedDuringIdle: dropped,
  };
}
