import type { ServerFrame } from '@touchline/contract';
import type { ConnectionEvents, SocketAdapter } from '../src/realtime/socket.ts';

/** A socket without a network for the hub tests: it keeps every frame sent to it, and each write to the network. */
export class FakeSocket implements SocketAdapter {
  sent: ServerFrame[] = [];
  raw: string[] = [];
  closedWith: number | undefined;
  terminated = false;
  pings = 0;
  bufferedAmount = 0;
  /** Bytes each send leaves unsent, for a peer that reads nothing. */
  growth = 0;
  events!: ConnectionEvents;
  /** The frame types of each write to the network: one per send, or one per batch. */
  writes: string[][] = [];
  private batched: string[] | undefined;
  private gathers = 0;
  send(data: string) {
    this.raw.push(data);
    this.bufferedAmount += this.growth;
    const frame = JSON.parse(data) as ServerFrame;
    this.sent.push(frame);
    if (this.batched) this.batched.push(frame.type);
    else this.writes.push([frame.type]);
  }
  gather() {
    if (this.gathers++ === 0) this.batched = [];
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      if (--this.gathers > 0) return;
      if (this.batched!.length) this.writes.push(this.batched!);
      this.batched = undefined;
    };
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
