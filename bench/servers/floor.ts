/**
 * The floor: a bare `ws` server, no HTTP routes, no database, no bus. It answers just enough of protocol v1
 * (hello, subscribe, ping) for the web app's client to run against it, so the clients do the same work per
 * frame as Touchline's. `POST /frame` sets the frame to send (a captured Touchline patch); `POST /run`
 * broadcasts it on the floor's own timer (a steady phase, then a back-to-back burst), with the next seqs, and
 * answers with when each seq was sent.
 */
import { createServer } from 'node:http';
import { setImmediate as tick } from 'node:timers/promises';
import { WebSocketServer } from 'ws';
import { now, sleep } from '../lib/stats.ts';

export interface FloorRun {
  steady: number;
  intervalMs: number;
  burst: number;
}

let template = { before: '', after: '' };
let epoch = 'floor';
let seq = 0;

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (d: Buffer) => (body += d.toString()));
  req.on('end', () => {
    if (req.method === 'POST' && req.url === '/frame') {
      const frame = body.replace(/"seq":\d+/, '"seq":0');
      const at = frame.indexOf('"seq":0');
      template = { before: frame.slice(0, at + 6), after: frame.slice(at + 7) };
      epoch = (JSON.parse(frame) as { epoch: string }).epoch;
      return res.writeHead(204).end();
    }
    if (req.method === 'POST' && req.url === '/run') {
      return void run(JSON.parse(body) as FloorRun).then((sent) => res.end(JSON.stringify(sent)));
    }
    res.writeHead(404).end();
  });
});

const wss = new WebSocketServer({ server, perMessageDeflate: false });
wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    const f = JSON.parse(data.toString()) as { type: string; topic?: string; ts?: number };
    const reply = (o: object) => ws.send(JSON.stringify(o));
    if (f.type === 'hello') {
      reply({ type: 'welcome', protocol: 1, connectionId: 'floor', role: 'anonymous', heartbeatMs: 15_000 });
    } else if (f.type === 'subscribe') {
      reply({ type: 'subscribed', topic: f.topic, epoch, seq });
      reply({ type: 'snapshot', topic: f.topic, epoch, seq, data: null });
    } else if (f.type === 'ping') reply({ type: 'pong', ts: f.ts });
  });
});

function broadcast(): number {
  // Serialised once per message; every socket gets the same buffer.
  const data = Buffer.from(`${template.before}${++seq}${template.after}`);
  for (const ws of wss.clients) ws.send(data, { binary: false });
  return seq;
}

async function run(r: FloorRun): Promise<Record<number, number>> {
  const sent: Record<number, number> = {};
  const start = now();
  for (let i = 0; i < r.steady; i++) {
    const due = start + i * r.intervalMs;
    if (due > now()) await sleep(due - now());
    const t = now();
    sent[broadcast()] = t;
  }
  for (let i = 0; i < r.burst; i++) {
    const t = now();
    sent[broadcast()] = t;
    await tick(); // back to back, but the loop lets the sockets' I/O run between messages
  }
  return sent;
}

server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  console.log(`floor ready on ${typeof addr === 'object' && addr ? addr.port : '?'}`);
});
