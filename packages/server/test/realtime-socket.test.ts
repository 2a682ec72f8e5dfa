import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, expect, it, vi } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { adaptWs, type SocketAdapter } from '../src/realtime/socket.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** A real `ws` connection adapted as the hub sees it, with the server side's network writes counted. */
async function adapted() {
  const wss = new WebSocketServer({ noServer: true });
  const accepted = new Promise<{ socket: SocketAdapter; raw: Socket }>((resolve) => {
    server = createServer();
    server.on('upgrade', (req, raw: Socket, head) =>
      wss.handleUpgrade(req, raw, head, (ws) =>
        adaptWs(ws, raw, (socket) => {
          resolve({ socket, raw });
          return { message: () => undefined, pong: () => undefined, closed: () => undefined };
        }),
      ),
    );
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const client = new WebSocket(`ws://127.0.0.1:${(server!.address() as AddressInfo).port}`);
  const received: string[] = [];
  client.on('message', (data) => received.push(data.toString()));
  const { socket, raw } = await accepted;
  await new Promise((r) => client.once('open', r));
  return { socket, raw, client, received };
}

it('sends the frames of a gather in one write to the network, in order, as text frames', async () => {
  const { socket, raw, client, received } = await adapted();
  const writev = vi.spyOn(raw, '_writev');
  const write = vi.spyOn(raw, '_write');
  const end = socket.gather();
  socket.send('{"n":1}');
  socket.send(Buffer.from('{"n":2}'));
  socket.send('{"n":3}');
  end();
  await vi.waitFor(() => expect(received).toEqual(['{"n":1}', '{"n":2}', '{"n":3}']));
  expect(writev).toHaveBeenCalledTimes(1);
  expect(write).not.toHaveBeenCalled();
  client.terminate();
});
