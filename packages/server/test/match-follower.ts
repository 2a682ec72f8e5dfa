import { type ClientOptions, WebSocket } from 'ws';
import type { MatchSnapshot, PatchFrame, ServerFrame } from '@touchline/contract';
import { createRealtimeClient, type RealtimeClient, type SocketConstructor } from '@touchline/web/realtime';
import { applyPatch } from '@touchline/web/match-patch';

/**
 * A fan following one match through the web app's realtime client, over real sockets. It keeps what the client
 * applied, and checks on the wire what the server promises: per connection, patches in order, each seq once.
 */
export class MatchFollower {
  state: MatchSnapshot | undefined;
  readonly snapshots: number[] = [];
  readonly applied: number[] = [];
  readonly violations: string[] = [];
  /** Patch frames received, duplicates included. */
  delivered = 0;
  /** The close code of every connection that ended, in order (1006 for a drop without a closing handshake). */
  readonly closeCodes: number[] = [];
  /** Time from opening a connection to the end of its replay, for every resume. */
  readonly replayMs: number[] = [];
  private socket: WebSocket | undefined;
  private readonly client: RealtimeClient;

  /**
   * `url()` is asked at every (re)connection, as a load balancer would pick a live instance; `options` go to
   * every socket (a `ca` to trust, behind a TLS proxy).
   */
  constructor(url: () => string, topic: `match:${string}`, options: ClientOptions = {}) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the socket class reports to its follower
    const follower = this;
    class Tracked extends WebSocket {
      constructor() {
        super(`${url().replace(/^http/, 'ws')}/realtime`, options);
        follower.watch(this, topic);
      }
    }
    this.client = createRealtimeClient({ url: 'unused', WebSocketImpl: Tracked as unknown as SocketConstructor });
    this.client.subscribe(topic, {
      onSnapshot: (data, at) => {
        this.snapshots.push(at.seq);
        this.state = data;
      },
      onPatch: (frame: PatchFrame) => {
        if (this.state && frame.seq !== this.state.seq + 1)
          this.violations.push(`applied ${frame.seq} after ${this.state.seq}`);
        this.applied.push(frame.seq);
        this.state = this.state && applyPatch(this.state, frame);
      },
    });
  }

  get seq() {
    return this.state?.seq ?? -1;
  }

  get connectionState() {
    return this.client.state;
  }

  /** Cuts the current connection without a closing handshake, as a network drop would. */
  drop(): void {
    this.socket?.terminate();
  }

  close(): void {
    this.client.close();
  }

  private watch(ws: WebSocket, topic: string) {
    this.socket = ws;
    const opened = performance.now();
    let last: number | undefined;
    let replayEnd: number | undefined;
    ws.on('close', (code) => this.closeCodes.push(code));
    ws.on('message', (data) => {
      const f = JSON.parse(String(data)) as ServerFrame;
      if (f.type === 'subscribed' && f.topic === topic) {
        last = undefined;
        replayEnd = f.recovered ? f.seq : undefined;
        if (f.recovered && f.seq === this.seq) this.replayMs.push(performance.now() - opened);
      } else if (f.type === 'snapshot' && f.topic === topic) {
        last = f.seq;
      } else if (f.type === 'patch' && f.topic === topic) {
        this.delivered++;
        if (last !== undefined && f.seq !== last + 1) this.violations.push(`wire: ${f.seq} after ${last}`);
        last = f.seq;
        if (f.seq === replayEnd) this.replayMs.push(performance.now() - opened);
      }
    });
  }
}
