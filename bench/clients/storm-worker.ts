/**
 * A reconnect-storm client process (bench/sections/reconnect-storm.ts): holds a share of the fans as raw protocol-v1
 * sockets, drops them all at once on command, and brings each back with `since` at a random moment of a spread,
 * checking that every fan sees each seq exactly once. Driven by its parent over IPC, like clients/worker.ts.
 */
import WebSocket from 'ws';
import { now, pool } from '../lib/stats.ts';

export type StormRequest =
  | { cmd: 'open'; url: string; topics: string[]; count: number; offset: number; localAddress: string }
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

let fans: Fan[] = [];
let url = '';
let localAddress = '';

/** Opens one fan's socket, subscribes (from `since` when it has one) and resolves on `subscribed`. */
function connect(fan: Fan, since: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { localAddress, perMessageDeflate: false });
    fan.ws = ws;
    ws.once('open', () => ws.send(JSON.stringify({ type: 'hello', protocol: 1 })));
    ws.on('message', (data) => {
      const f = JSON.parse(data.toString()) as { type: string; epoch: string; seq: number; code?: string };
      if (f.type === 'welcome')
        ws.send(
          JSON.stringify({
            type: 'subscribe',
            topic: fan.topic,
            ...(since ? { since: { epoch: fan.epoch, seq: fan.seq } } : {}),
          }),
        );
      else if (f.type === 'subscribed') {
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
  });
}

async function handle(req: StormRequest): Promise<unknown> {
  switch (req.cmd) {
    case 'open': {
      ({ url, localAddress } = req);
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
      let last = 0;
      let failed = 0;
      let firstError: string | undefined;
      await Promise.all(
        fans.map(async (fan) => {
          await new Promise((r) => setTimeout(r, Math.random() * req.spreadMs));
          try {
            await connect(fan, true);
            last = Math.max(last, now() - started);
          } catch (err) {
            failed++;
            firstError ??= String(err);
          }
        }),
      );
      return { resumedMs: last, failed, ...(firstError ? { firstError } : {}) };
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
