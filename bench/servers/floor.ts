/**
 * The floor: a bare `ws` server, no HTTP routes, no database, no bus. On `POST /run` it broadcasts the frame
 * template on its own timer (a steady phase, then a back-to-back burst) and answers with when each seq was sent.
 */
import { createServer } from 'node:http';
import { setImmediate as tick } from 'node:timers/promises';
import { WebSocketServer } from 'ws';
import { now, sleep } from '../lib/stats.ts';

export interface FloorRun {
  /** The frame with `"seq":0` where the seq goes. */
  frame: string;
  firstSeq: number;
  steady: number;
  intervalMs: number;
  burst: number;
}

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (d: Buffer) => (body += d.toString()));
  req.on('end', () => {
    if (req.method !== 'POST' || req.url !== '/run') return res.writeHead(404).end();
    void run(JSON.parse(body) as FloorRun).then((sent) => res.end(JSON.stringify(sent)));
  });
});
const wss = new WebSocketServer({ server, perMessageDeflate: false });

function broadcast(template: { before: string; after: string }, seq: number): void {
  // Serialised once per message; every socket gets the same buffer.
  const data = Buffer.from(`${template.before}${seq}${template.after}`);
  for (const ws of wss.clients) ws.send(data, { binary: false });
}

async function run(r: FloorRun): Promise<Record<number, number>> {
  const at = r.frame.indexOf('"seq":0');
  const template = { before: r.frame.slice(0, at + 6), after: r.frame.slice(at + 7) };
  const sent: Record<number, number> = {};
  let seq = r.firstSeq;
  const start = now();
  for (let i = 0; i < r.steady; i++) {
    const due = start + i * r.intervalMs;
    if (due > now()) await sleep(due - now());
    sent[seq] = now();
    broadcast(template, seq++);
  }
  await sleep(r.intervalMs);
  for (let i = 0; i < r.burst; i++) {
    sent[seq] = now();
    broadcast(template, seq++);
    await tick(); // back to back, but the loop lets the sockets' I/O run between messages
  }
  return sent;
}

server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  console.log(`floor ready on ${typeof addr === 'object' && addr ? addr.port : '?'}`);
});
