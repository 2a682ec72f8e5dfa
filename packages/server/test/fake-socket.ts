import type { ServerFrame } from '@touchline/contract';
import type { ConnectionEvents, SocketAdapter } from '../src/realtime/socket.ts';

/** A socket without a network for the hub tests: it keeps every frame sent to it. */
export class FakeSocket implements SocketAdapter {
  sent: ServerFrame[] = [];
  raw: string[] = [];
  closedWith: number | undefined;
  terminated = false;
  pings = 0;
  bufferedAmount = 0;
  events!: ConnectionEvents;
  /** Calls of `batch`: frames meant to leave in one write. */
  batches = 0;
  send(data: string) {
    this.raw.push(data);
    this.sent.push(JSON.parse(data) as ServerFrame);
  }
  batch(sends: () => void) {
    this.batches++;
    sends();
  }
  close(code: number) {
    this.closedWith = code;
  }
  terminate() {
    this.terminated = true;
  }
  ping() {
    this.pings++;
  }
  say(frame: object) {
    this.events.message(JSON.stringify(frame));
  }
  patches(topic: string) {
    return this.sent.filter((f) => f.type === 'patch' && f.topic === topic).map((f) => (f as { seq: number }).seq);
  }
}
