import type { Socket } from 'node:net';
import type { RawData, WebSocket } from 'ws';

/** A text frame: a patch is encoded once as bytes and the same Buffer goes to every subscriber. */
export type WireFrame = string | Buffer;

/** The part of a socket the hub uses, so the hub runs in tests without a network. */
export interface SocketAdapter {
  send(data: WireFrame): void;
  /** Runs `sends` with the socket corked, so the frames they send leave in one system call. */
  batch?(sends: () => void): void;
  close(code: number, reason?: string): void;
  /** Drops the connection without a closing handshake (a peer that stopped answering). */
  terminate(): void;
  /** A transport-level ping; the peer's pong comes back through `ConnectionEvents.pong`. */
  ping(): void;
  /** Bytes written but not yet sent. */
  readonly bufferedAmount: number;
}

/** What the transport reports to the hub about one connection. */
export interface ConnectionEvents {
  /** A text frame; undefined for a binary one, which the protocol does not allow. */
  message(text: string | undefined): void;
  pong(): void;
  closed(): void;
}

const text = (data: RawData) =>
  (Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)).toString('utf8');

/**
 * Adapts a `ws` socket, given with the TCP socket under it (the upgrade request's); the frame size limit (1009) is
 * enforced by `ws` itself through `maxPayload`.
 */
export function adaptWs(ws: WebSocket, tcp: Socket, connect: (socket: SocketAdapter) => ConnectionEvents): void {
  const open = () => ws.readyState === ws.OPEN;
  const events = connect({
    send(data) {
      // Always a text frame, also when the bytes come as a Buffer.
      if (open()) ws.send(data, { binary: false });
    },
    batch(sends) {
      // ws corks around each frame itself; corks nest, so the frames leave at the outer uncork.
      tcp.cork();
      try {
        sends();
      } finally {
        tcp.uncork();
      }
    },
    close: (code, reason) => ws.close(code, reason),
    terminate: () => ws.terminate(),
    ping() {
      if (open()) ws.ping();
    },
    get bufferedAmount() {
      return ws.bufferedAmount;
    },
  });
  ws.on('message', (data, isBinary) => events.message(isBinary ? undefined : text(data)));
  ws.on('pong', () => events.pong());
  ws.on('close', () => events.closed());
}
