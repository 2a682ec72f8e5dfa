import type { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';

/** A text frame: a patch is encoded once as bytes and the same Buffer goes to every subscriber. */
export type WireFrame = string | Buffer;

/** The part of a socket the hub uses, so the hub runs in tests without a network. */
export interface SocketAdapter {
  send(data: WireFrame): void;
  close(code: number, reason?: string): void;
  /** Drops the connection without a closing handshake (a peer that stopped answering). */
  terminate(): void;
  /** A transport-level ping; the peer's pong comes back through `ConnectionEvents.pong`. */
  ping(): void;
  /** Bytes written but not yet sent. */
  readonly bufferedAmount: number;
  /**
   * Gathers every frame sent until the returned function is called into one write to the network (one syscall), not
   * one each: a resume's `subscribed` and its replayed patches, a fan's pending `live` patches, a `welcome` with the
   * answers to what came with the `hello` (decisions 050, 051 and 055). Gathers nest; the outermost end writes.
   */
  gather(): () => void;
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
 * Adapts a `ws` socket; the frame size limit (1009) is enforced by `ws` itself through `maxPayload`. `stream` is the
 * connection `ws` writes to (the upgraded request's socket): corked while a batch is sent.
 */
export function adaptWs(
  ws: WebSocket,
  stream: Pick<Duplex, 'cork' | 'uncork'>,
  connect: (socket: SocketAdapter) => ConnectionEvents,
): void {
  const open = () => ws.readyState === ws.OPEN;
  const events = connect({
    send(data) {
      // Always a text frame, also when the bytes come as a Buffer.
      if (open()) ws.send(data, { binary: false });
    },
    close: (code, reason) => ws.close(code, reason),
    terminate: () => ws.terminate(),
    ping() {
      if (open()) ws.ping();
    },
    get bufferedAmount() {
      return ws.bufferedAmount;
    },
    gather() {
      // `ws` corks around each frame's header and payload too; the writes flush at the outermost uncork.
      stream.cork();
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        stream.uncork();
      };
    },
  });
  ws.on('message', (data, isBinary) => events.message(isBinary ? undefined : text(data)));
  ws.on('pong', () => events.pong());
  ws.on('close', () => events.closed());
}
