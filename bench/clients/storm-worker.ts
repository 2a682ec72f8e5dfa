/**
 * A reconnect-storm client process (bench/sections/reconnect-storm.ts): holds a share of the fans as raw protocol-v1
 * sockets, drops them all at once on command, and brings each back with `since` at a random moment of a spread,
 * checking that every fan sees each seq exactly once. Driven by its parent over IPC, like clients/worker.ts.
 */
import WebSocket from 'ws';
import { now, pool } from '../lib/stats.ts';

export type StormRequest =
  | { cmd: 'open'; url: string; topics: string[]; count: number; offset: number }
  | { cmd: 'drop' }
  | { cmd: 'resume'; spreadMs: number; timeoutMs: number }
  | { cmd: 'check'; heads: Record<string, number>; timeoutMs: number }
  | { cmd: 'close' };

interface Fan {
  topic: string;
  epoch: string;
  seq: number;
  /** A patch that did not follow the last seq: a gap or a duplicate. */
  broken: boolean;
  ws?: WebSocket;
}

/** One fan's resume, in ms: from the drop to its start (the random moment, and how late the timer fired), then the stages. */
export interface ResumeTiming {
  /** From the drop to `subscribed`: what the storm's time is made of. */
  total: number;
  /** How late this process's timer fired past the fan's random moment: this client's own queue. */
  late: number;
  /** From the start of the connect to the WebSocket open (TCP, HTTP upgrade, accept queue). */
  open: number;
  /** From open to `welcome` (hello and its answer). */
  welcome: number;
  /** From `welcome` to `subscribed` (the resume itself). */
  subscribed: number;
}

let fans: Fan[] = [];
let url = '';

/** Times of a connect's stages, from `now()`. */
interface Stages {
  start: number;
  open?: number;
  welcome?: number;
}

/** Opens one fan's socket, subscribes (from `since` when it has one) and resolves on `subscribed`. */
function connect(fan: Fan, since: boolean, stages: Stages = { start: now() }, timeoutMs?: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    fan.ws = ws;
    // Subscribes with its hello, as the web client does (docs/protocol.md §9.2): the answer comes with the welcome.
    ws.once('open', () => {
      stages.open = now();
      ws.send(JSON.stringify({ type: 'hello', protocol: 1 }));
      ws.send(
        JSON.stringify({
          type: 'subscribe',
          topic: fan.topic,
          ...(since ? { since: { epoch: fan.epoch, seq: fan.seq } } : {}),
        }),
      );
    });
    ws.on('message', (data) => {
      const f = JSON.parse(data.toString()) as { type: string; epoch: string; seq: number; code?: string };
      if (f.type === 'welcome') {
        stages.welcome = now();
      } else if (f.type === 'subscribed') {
        if (since) resolve();
      } else if (f.type === 'snapshot') {
        // A fresh snapshot instead of a replay is correct but is no resume: counted as broken for the storm.
        if (since) fan.broken = true;
        fan.epoch = f.epoch;
        fan.seq = f.seq;
        if (!since) resolve();
      } else if (f.type === 'patch') {
        if (f.seq !== fan.seq + 1) fan.broken = true;
        fan.seq = Math.max(fan.seq, f.seq);
      } else if (f.type === 'error') reject(new Error(`fan: ${f.code}`));
    });
    ws.once('error', reject);
    // A socket the server closes, or that never gets through, is a failed fan, not a storm that never ends.
    ws.once('close', (code, reason) => reject(new Error(`closed ${code} ${reason.toString()}`)));
    if (timeoutMs) setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs).unref();
  });
}

async function handle(req: StormRequest): Promise<unknown> {
  switch (req.cmd) {
    case 'open': {
      ({ url } = req);
      fans = Array.from({ length: req.count }, (_, i) => ({
        topic: req.topics[(req.offset + i) % req.topics.length]!,
        epoch: '',
        seq: -1,
        broken: false,
      }));
      await pool(fans, 50, (fan) => connect(fan, false));
      return { opened: fans.length };
    }
    case 'drop':
      for (const fan of fans) fan.ws?.terminate();
      return { dropped: fans.length };
    case 'resume': {
      const started = now();
      const cpu = process.cpuUsage();
      let last = 0;
      let failed = 0;
      let firstError: string | undefined;
      const timings: ResumeTiming[] = [];
      await Promise.all(
        fans.map(async (fan) => {
          const at = Math.random() * req.spreadMs;
          await new Promise((r) => setTimeout(r, at));
          const stages: Stages = { start: now() };
          try {
            await connect(fan, true, stages, req.timeoutMs);
            const done = now();
            last = Math.max(last, done - started);
            timings.push({
              total: done - started,
              late: stages.start - started - at,
              open: stages.open! - stages.start,
              welcome: stages.welcome! - stages.open!,
              subscribed: done - stages.welcome!,
            });
          } catch (err) {
            failed++;
            firstError ??= String(err);
          }
        }),
      );
      const used = process.cpuUsage(cpu);
      // Up to the last fan's `subscribed`: this process's share of a core while it reconnected its fans.
      const coreShare = (used.user + used.system) / 1000 / last;
      return { resumedMs: last, failed, timings, coreShare, ...(firstError ? { firstError } : {}) };
    }
    case 'check': {
      const deadline = now() + req.timeoutMs;
      const behind = () => fans.filter((f) => f.seq < req.heads[f.topic]!).length;
      while (behind() > 0 && now() < deadline) await new Promise((r) => setTimeout(r, 100));
      return { gaps: fans.filter((f) => f.broken).length, behind: behind() };
    }
    case 'close':
      for (const fan of fans) fan.ws?.terminate();
      fans = [];
      return { closed: true };
  }
}

process.on('message', (msg: { id: number; req: StormRequest }) => {
  handle(msg.req).then(
    (result) => process.send!({ id: msg.id, result }),
    (err: unknown) => process.send!({ id: msg.id, error: String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));
