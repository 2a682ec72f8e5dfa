import type { ClientPool } from '../lib/clients.ts';
import { cpuMs } from '../lib/procfs.ts';
import { now, type Percentiles, sleep, summarise } from '../lib/stats.ts';

export interface LoadShape {
  /** Writes at a steady rate… */
  steady: number;
  intervalMs: number;
  /** …then this many back to back. */
  burst: number;
}

/** One system under test, as the latency run sees it. */
export interface System {
  name: string;
  /** The process whose CPU time is read around the burst. */
  pid: number;
  open(pool: ClientPool, n: number): Promise<{ opened: number; failed: number; firstError?: string; ms: number }>;
  /** Sends one message; resolves once the sender has its answer. Returns the message's seq. */
  send?(): Promise<number>;
  /** For systems that run the schedule themselves (the floor): returns send times by seq. */
  run?(phase: 'steady' | 'burst', shape: LoadShape): Promise<Record<number, number>>;
}

export interface LatencyResult {
  system: string;
  subscribers: number;
  connected: number;
  connectMs: number;
  writes: number;
  expected: number;
  delivered: number;
  reconnects: number;
  dropped: number;
  all: Percentiles;
  steady: Percentiles;
  burst: Percentiles;
  /** Server CPU time around the burst, per frame delivered in it (microseconds). */
  cpuUsPerFrame: number;
  /** One delivered patch frame, so the floor and the peer can send the very same bytes. */
  sample?: string;
}

async function settle(pool: ClientPool, expected: number, quietMs: number, maxMs: number) {
  const until = now() + maxMs;
  let last = -1;
  let lastChange = now();
  for (;;) {
    const p = await pool.progress();
    if (p.received >= expected) return p;
    if (p.received !== last) {
      last = p.received;
      lastChange = now();
    }
    if (now() - lastChange > quietMs || now() > until) return p;
    await sleep(25);
  }
}

/** N subscribers on one topic; a steady stream of writes then a burst; every delivery's latency. */
export async function measureLatency(
  system: System,
  pool: ClientPool,
  n: number,
  shape: LoadShape,
  log: (s: string) => void,
): Promise<LatencyResult> {
  const opened = await system.open(pool, n);
  if (opened.opened < n) {
    log(`  ${system.name}: ${opened.failed} of ${n} sockets failed to open (${opened.firstError ?? '?'})`);
  }
  await sleep(1000);
  await pool.collect(); // drop anything that arrived while connecting

  const sent: Record<number, number> = {};
  const burstSeqs = new Set<number>();
  let cpuBefore: number;
  if (system.run) {
    Object.assign(sent, await system.run('steady', shape));
    await sleep(shape.intervalMs);
    cpuBefore = cpuMs(system.pid);
    const b = await system.run('burst', shape);
    for (const k of Object.keys(b)) burstSeqs.add(Number(k));
    Object.assign(sent, b);
  } else {
    const start = now();
    for (let i = 0; i < shape.steady; i++) {
      const due = start + i * shape.intervalMs;
      if (due > now()) await sleep(due - now());
      const t0 = now();
      sent[await system.send!()] = t0;
    }
    await sleep(shape.intervalMs);
    cpuBefore = cpuMs(system.pid);
    for (let i = 0; i < shape.burst; i++) {
      const t0 = now();
      const seq = await system.send!();
      sent[seq] = t0;
      burstSeqs.add(seq);
    }
  }
  const writes = Object.keys(sent).length;
  const expected = opened.opened * writes;
  const progress = await settle(pool, expected, 3000, 30_000);
  const cpuAfter = cpuMs(system.pid);

  const collected = await pool.collect();
  const all: number[] = [];
  const steady: number[] = [];
  const burst: number[] = [];
  let burstFrames = 0;
  for (const c of collected) {
    for (let i = 0; i < c.seqs.length; i++) {
      const seq = c.seqs[i]!;
      const t0 = sent[seq];
      if (t0 === undefined) continue;
      const ms = c.times[i]! - t0;
      all.push(ms);
      if (burstSeqs.has(seq)) {
        burst.push(ms);
        burstFrames++;
      } else steady.push(ms);
    }
  }
  await pool.closeSockets();
  const sample = collected.find((c) => c.sample)?.sample;
  return {
    system: system.name,
    subscribers: n,
    connected: opened.opened,
    connectMs: Math.round(opened.ms),
    writes,
    expected,
    delivered: all.length,
    reconnects: progress.reconnects,
    dropped: progress.dropped,
    all: summarise(all),
    steady: summarise(steady),
    burst: summarise(burst),
    cpuUsPerFrame: burstFrames ? ((cpuAfter - cpuBefore) * 1000) / burstFrames : NaN,
    ...(sample ? { sample } : {}),
  };
}
