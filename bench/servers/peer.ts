/**
 * The peer: what people usually build — Socket.IO with the Redis adapter. A client joins a room; on
 * `POST /emit?seq=N` the server broadcasts the frame to the room (locally at once, and through Redis to any
 * other node), then answers 204.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const pub = new Redis(redisUrl);
const sub = pub.duplicate();

let frame: Record<string, unknown> = {};
let room = '';

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (d: Buffer) => (body += d.toString()));
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://peer');
    if (req.method === 'POST' && url.pathname === '/frame') {
      const parsed = JSON.parse(body) as { frame: Record<string, unknown>; room: string };
      frame = parsed.frame;
      room = parsed.room;
      return res.writeHead(204).end();
    }
    if (req.method === 'POST' && url.pathname === '/emit') {
      io.to(room).emit('patch', { ...frame, seq: Number(url.searchParams.get('seq')) });
      return res.writeHead(204).end();
    }
    res.writeHead(404).end();
  });
});

const io = new Server(server, { transports: ['websocket'], perMessageDeflate: false, serveClient: false });
io.adapter(createAdapter(pub, sub, { key: `bench-peer-${process.pid}` }));
io.on('connection', (socket) => {
  socket.on('join', (name: string, ack: () => void) => {
    void socket.join(name);
    ack();
  });
});

server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  console.log(`peer ready on ${typeof addr === 'object' && addr ? addr.port : '?'}`);
});
process.on('SIGTERM', () => {
  void io.close();
  pub.disconnect();
  sub.disconnect();
  process.exit(0);
});
