import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FansRequest, Mode, Request } from '../clients/worker.ts';
import { within } from './stats.ts';

const WORKER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../clients/worker.ts');

interface Opened {
  opened: number;
  failed: number;
  firstError?: string;
  ms: number;
}
interface Collected {
  seqs: Int32Array;
  times: Float64Array;
  /** The group of each arrival (`openFans`); -1 for `open`. */
  groups: Int32Array;
  sample?: string;
  reconnects: number;
  dropped: number;
}

/** A load-client process (clients/worker.ts) and a promise-based call into it. */
class Worker {
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly proc: ChildProcess;

  constructor(readonly index: number) {
    this.proc = fork(WORKER, [], {
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.proc.on('message', (msg: { id: number; result?: unknown; error?: string }) => {
      const w = this.waiting.get(msg.id);
      if (!w) return;
      this.waiting.delete(msg.id);
      if (msg.error !== undefined) w.reject(new Error(`client worker ${this.index}: ${msg.error}`));
      else w.resolve(msg.result);
    });
    this.proc.on('exit', (code) => {
      for (const w of this.waiting.values()) w.reject(new Error(`client worker ${this.index} exited with ${code}`));
      this.waiting.clear();
    });
  }

  call<T>(req: Request, timeoutMs: number): Promise<T> {
    const id = this.nextId++;
    const p = new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
    });
    this.proc.send({ id, req });
    return within(p, timeoutMs, `client worker ${this.index} ${req.cmd}`);
  }
}

/**
 * Client processes that together hold `count` sockets; each gets an equal share and its own loopback source
 * address (127.0.1.<i>), so the ephemeral ports of one address are never the limit.
 */
export class ClientPool {
  private readonly workers: Worker[];

  constructor(size: number) {
    this.workers = Array.from({ length: size }, (_, i) => new Worker(i));
  }

  async open(opts: {
    mode: Mode;
    url: string;
    count: number;
    topic: string;
    token?: string;
    concurrency?: number;
    timeoutMs?: number;
  }): Promise<{ opened: number; failed: number; firstError?: string; ms: number }> {
    const timeoutMs = opts.timeoutMs ?? 120_000;
    const share = (i: number) =>
      Math.floor(opts.count / this.workers.length) + (i < opts.count % this.workers.length ? 1 : 0);
    const results = await Promise.all(
      this.workers.map((w, i) =>
        w.call<Opened>(
          {
            cmd: 'open',
            mode: opts.mode,
            url: opts.url,
            count: share(i),
            topic: opts.topic,
            ...(opts.token ? { token: opts.token } : {}),
            localAddress: `127.0.1.${i + 1}`,
            concurrency: opts.concurrency ?? 50,
            timeoutMs,
          },
          timeoutMs + 10_000,
        ),
      ),
    );
    return {
      opened: results.reduce((n, r) => n + r.opened, 0),
      failed: results.reduce((n, r) => n + r.failed, 0),
      ...(results.find((r) => r.firstError) ? { firstError: results.find((r) => r.firstError)!.firstError } : {}),
      ms: Math.max(...results.map((r) => r.ms)),
    };
  }

  /** Fans on many topics and instances (see `FansRequest`), dealt to the workers in turn. */
  async openFans(opts: {
    groups: FansRequest['groups'];
    fans: number[][];
    concurrency?: number;
    timeoutMs?: number;
  }): Promise<Opened> {
    const timeoutMs = opts.timeoutMs ?? 180_000;
    const results = await Promise.all(
      this.workers.map((w, i) =>
        w.call<Opened>(
          {
            cmd: 'fans',
            groups: opts.groups,
            fans: opts.fans.filter((_, f) => f % this.workers.length === i),
            localAddress: `127.0.1.${i + 1}`,
            concurrency: opts.concurrency ?? 50,
            timeoutMs,
          },
          timeoutMs + 10_000,
        ),
      ),
    );
    const firstError = results.find((r) => r.firstError)?.firstError;
    return {
      opened: results.reduce((n, r) => n + r.opened, 0),
      failed: results.reduce((n, r) => n + r.failed, 0),
      ...(firstError ? { firstError } : {}),
      ms: Math.max(...results.map((r) => r.ms)),
    };
  }

  /** The client processes, so a section can read their CPU time (are the clients the bottleneck?). */
  pids(): number[] {
    return this.workers.map((w) => w.proc.pid!);
  }

  async progress(): Promise<{ received: number; reconnects: number; dropped: number }> {
    const all = await Promise.all(
      this.workers.map((w) =>
        w.call<{ received: number; reconnects: number; dropped: number }>({ cmd: 'progress' }, 10_000),
      ),
    );
    return {
      received: all.reduce((n, r) => n + r.received, 0),
      reconnects: all.reduce((n, r) => n + r.reconnects, 0),
      dropped: all.reduce((n, r) => n + r.dropped, 0),
    };
  }

  async collect(): Promise<Collected[]> {
    return Promise.all(this.workers.map((w) => w.call<Collected>({ cmd: 'collect' }, 30_000)));
  }

  async closeSockets(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.call({ cmd: 'close' }, 30_000)));
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.proc.exitCode !== null) return resolve();
            w.proc.once('exit', () => resolve());
            w.proc.disconnect();
            setTimeout(() => w.proc.kill('SIGKILL'), 5000).unref();
          }),
      ),
    );
  }
}
