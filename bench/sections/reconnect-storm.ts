import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENT_LOOP_RESOLUTION_MS } from '../../packages/server/src/metrics/metrics.ts';
import type { ResumeTiming, StormRequest } from '../clients/storm-worker.ts';
import { cpuMs, syscalls, tcpCounters } from '../lib/procfs.ts';
import { ADMIN, type TouchlineServer } from '../lib/services.ts';
import { now, type Percentiles, sleep, summarise, within } from '../lib/stats.ts';

const WORKER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../clients/storm-worker.ts');

export interface StormResult {
  fans: number;
  topics: number;
  /** From the drop until the last fan got its `subscribed` back (reconnects spread over `spreadMs`), in ms. */
  resumedMs: number;
  spreadMs: number;
  failed: number;
  /** Fans that saw a seq twice or skipped one, or got a snapshot instead of a replay. */
  gaps: number;
  /** Fans short of their topic's head when the check gave up. */
  behind: number;
  writes: number;
  /** Change-log reads (touchline_change_log_reads_total) during the storm, divided by the topics. */
  changeLogReadsPerTopic: number;
  /** Event-loop delay p99 in the server over the storm (nodejs_eventloop_lag_p99_seconds minus the sampling step). */
  eventLoopLagP99Ms: number;
  /** Each fan's time from the drop to its `subscribed`, and the stages of its reconnect (storm-worker.ts), in ms. */
  resume: Record<keyof ResumeTiming, Percentiles>;
  /** The server's share of a core from the drop until all resumed. */
  serverCoreShare: number;
  /** Each client process's share of a core while it reconnected its fans. */
  clientCoreShare: number[];
  /** Connections the kernel dropped from a full accept queue, and SYNs sent again, during the storm (machine-wide). */
  listenOverflows: number;
  synRetransmits: number;
  /** The server's write system calls during the storm, and the live patch frames it sent meanwhile (one write each). */
  serverWrites: number;
  liveFrames: number;
  /** (serverWrites − liveFrames) / fans: what one resume costs in writes (101, welcome, subscribed and replay). */
  writesPerResume: number;
}

/** One storm-worker process and a promise-based call into it. */
class StormWorker {
  private nextId = 0;
  private readonly waiting = new Map<number, (msg: { result?: unknown; error?: string }) => void>();
  readonly proc: ChildProcess = fork(WORKER, [], {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });

  constructor() {
    this.proc.on('message', (msg: { id: number; result?: unknown; error?: string }) => {
      this.waiting.get(msg.id)?.(msg);
      this.waiting.delete(msg.id);
    });
  }

  call<T>(req: StormRequest, timeoutMs: number): Promise<T> {
    const id = this.nextId++;
    const p = new Promise<T>((resolve, reject) =>
      this.waiting.set(id, (m) => (m.error !== undefined ? reject(new Error(m.error)) : resolve(m.result as T))),
    );
    this.proc.send({ id, req });
    return within(p, timeoutMs, `storm worker ${req.cmd}`);
  }

  stop() {
    this.proc.disconnect();
    setTimeout(() => this.proc.kill('SIGKILL'), 5000).unref();
  }
}

const sum = (text: string, name: string) =>
  [...text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);

/**
 * 10,000 fans of one instance on a handful of live matches drop at once and come back within `spreadMs` with
 * `since`, while goals go on being written (decision 048).
 */
export async function measureReconnectStorm(
  server: TouchlineServer,
  opts: { fans: number; topics: number; workers: number; spreadMs: number },
  log: (s: string) => void,
): Promise<StormResult> {
  const headers = { 'content-type': 'application/json', authorization: '' };
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  headers.authorization = `Bearer ${((await login.json()) as { token: string }).token}`;
  const list = (await (await fetch(`${server.url}/api/matches?status=scheduled`)).json()) as {
    matches: { id: string }[];
  };
  const ids = list.matches.slice(0, opts.topics).map((m) => m.id);
  for (const id of ids) {
    const r = await fetch(`${server.url}/api/matches/${id}/state`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ status: 'live' }),
    });
    if (!r.ok) throw new Error(`kick-off ${id}: ${r.status}`);
  }
  const topics = ids.map((id) => `match:${id}`);
  const scrape = async () => (await fetch(`${server.url}/metrics`)).text();

  const workers = Array.from({ length: opts.workers }, () => new StormWorker());
  // Stopped in `finally` too: a storm that fails must not leave goals being written into a database being dropped.
  let writing = true;
  let writer: Promise<void> | undefined;
  try {
    const share = Math.ceil(opts.fans / opts.workers);
    log(`storm: opening ${opts.fans} fans on ${topics.length} matches`);
    await Promise.all(
      workers.map((w, i) =>
        w.call(
          {
            cmd: 'open',
            url: `${server.url.replace(/^http/, 'ws')}/realtime`,
            topics,
            count: Math.min(share, opts.fans - i * share),
            offset: i * share,
          },
          240_000,
        ),
      ),
    );

    // Goals keep coming, one match after another, through the drop and the storm.
    let writes = 0;
    writer = (async () => {
      for (let i = 0; writing; i++) {
        const r = await fetch(`${server.url}/api/matches/${ids[i % ids.length]}/events`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ type: 'goal', side: 'home', minute: 30 }),
        });
        if (r.status !== 201) throw new Error(`goal: ${r.status} ${await r.text()}`);
        writes++;
        await sleep(20);
      }
    })();
    await sleep(1000);

    const before = await scrape(); // also resets the event-loop delay histogram: the next scrape covers the storm
    log(`storm: dropping every fan, reconnecting them over ${opts.spreadMs} ms`);
    const started = now();
    const cpuBefore = cpuMs(server.pid);
    const tcpBefore = tcpCounters();
    const ioBefore = syscalls(server.pid);
    await Promise.all(workers.map((w) => w.call({ cmd: 'drop' }, 30_000)));
    const resumed = await Promise.all(
      workers.map((w) =>
        w.call<{ resumedMs: number; failed: number; timings: ResumeTiming[]; coreShare: number; firstError?: string }>(
          { cmd: 'resume', spreadMs: opts.spreadMs, timeoutMs: 60_000 },
          90_000,
        ),
      ),
    );
    const firstError = resumed.find((r) => r.firstError)?.firstError;
    if (firstError) log(`storm: a fan could not resume: ${firstError}`);
    // Measured here, so it counts the drop and the IPC too: a little more than the fans themselves saw.
    const resumedMs = now() - started;
    const serverCoreShare = (cpuMs(server.pid) - cpuBefore) / resumedMs;
    const tcpAfter = tcpCounters();
    const serverWrites = syscalls(server.pid).writes - ioBefore.writes;
    const after = await scrape();
    writing = false;
    await writer;

    const heads: Record<string, number> = {};
    for (const id of ids)
      heads[`match:${id}`] = ((await (await fetch(`${server.url}/api/matches/${id}`)).json()) as { seq: number }).seq;
    const checked = await Promise.all(
      workers.map((w) => w.call<{ gaps: number; behind: number }>({ cmd: 'check', heads, timeoutMs: 20_000 }, 30_000)),
    );
    const reads = sum(after, 'touchline_change_log_reads_total') - sum(before, 'touchline_change_log_reads_total');
    log(`storm: resumed in ${Math.round(resumedMs)} ms, ${reads} change-log reads`);
    const timings = resumed.flatMap((r) => r.timings);
    const stage = (k: keyof ResumeTiming) => summarise(timings.map((t) => t[k]));
    const cores = (x: number) => Math.round(x * 100) / 100;
    const liveFrames =
      sum(after, 'touchline_patches_delivered_total') - sum(before, 'touchline_patches_delivered_total');
    return {
      fans: opts.fans,
      topics: topics.length,
      resumedMs: Math.round(resumedMs),
      spreadMs: opts.spreadMs,
      failed: resumed.reduce((n, r) => n + r.failed, 0),
      gaps: checked.reduce((n, r) => n + r.gaps, 0),
      behind: checked.reduce((n, r) => n + r.behind, 0),
      writes,
      changeLogReadsPerTopic: reads / topics.length,
      eventLoopLagP99Ms: Math.max(0, sum(after, 'nodejs_eventloop_lag_p99_seconds') * 1000 - EVENT_LOOP_RESOLUTION_MS),
      resume: {
        total: stage('total'),
        late: stage('late'),
        open: stage('open'),
        welcome: stage('welcome'),
        subscribed: stage('subscribed'),
      },
      serverCoreShare: cores(serverCoreShare),
      clientCoreShare: resumed.map((r) => cores(r.coreShare)),
      listenOverflows: tcpAfter.ListenOverflows! - tcpBefore.ListenOverflows!,
      synRetransmits: tcpAfter.TCPSynRetrans! - tcpBefore.TCPSynRetrans!,
      serverWrites,
      liveFrames,
      writesPerResume: cores((serverWrites - liveFrames) / opts.fans),
    };
  } finally {
    writing = false;
    await writer?.catch(() => undefined);
    await Promise.all(workers.map((w) => w.call({ cmd: 'close' }, 30_000).catch(() => undefined)));
    for (const w of workers) w.stop();
  }
}
