import type { ServerFrame } from '@touchline/contract';
import type { Network, SocketLike } from '../src/lib/realtime/index.ts';

/** A WebSocket double: records what the client sends and lets the test play the server. */
export class FakeSocket implements SocketLike {
  static all: FakeSocket[] = [];
  static last = () => FakeSocket.all.at(-1)!;

  readyState = 0;
  sent: Record<string, unknown>[] = [];
  closedWith?: number;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;

  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close(code = 1000) {
    this.readyState = 3;
    this.closedWith = code;
  }

  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(frame: ServerFrame) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  welcome(heartbeatMs = 30_000) {
    if (this.readyState !== 1) this.open();
    this.receive({ type: 'welcome', protocol: 1, connectionId: 'c1', role: 'anonymous', heartbeatMs });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
  framesOf(type: string) {
    return this.sent.filter((f) => f.type === type);
  }
}

/** A network switch the test flips. */
export function fakeNetwork() {
  let up = true;
  const watchers = new Set<(online: boolean) => void>();
  const network: Network = {
    online: () => up,
    watch(fn) {
      watchers.add(fn);
      return () => watchers.delete(fn);
    },
  };
  return {
    network,
    set(online: boolean) {
      up = online;
      watchers.forEach((w) => w(online));
    },
  };
}
