import { type ClientOptions, WebSocket } from 'ws';
import type { ServerFrame } from '@touchline/contract';

type Frame<T extends ServerFrame['type']> = Extract<ServerFrame, { type: T }>;

/** A bare protocol client for wire-level tests: it keeps every frame and lets a test wait for the next one. */
export class RawSocket {
  readonly frames: ServerFrame[] = [];
  /** Frames that came as binary: the protocol has none, and a browser would hand them over as a Blob. */
  binaryFrames = 0;
  readonly closed: Promise<{ code: number; reason: string }>;
  private read = 0;
  private wake: (() => void) | undefined;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      if (isBinary) this.binaryFrames++;
      this.frames.push(JSON.parse(String(data)) as ServerFrame);
      this.wake?.();
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        this.wake?.();
      }),
    );
  }

  static async open(baseUrl: string, opts: ClientOptions = {}): Promise<RawSocket> {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/realtime`, opts);
    const socket = new RawSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return socket;
  }

  /** Opens, says hello and returns once welcomed. */
  static async welcomed(baseUrl: string, token?: string): Promise<RawSocket> {
    const s = await RawSocket.open(baseUrl);
    s.send({ type: 'hello', protocol: 1, ...(token ? { token } : {}) });
    await s.next('welcome');
    return s;
  }

  send(frame: object | string): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The next unread frame, which must be of `type`. */
  async next<T extends ServerFrame['type']>(type: T, timeoutMs = 5000): Promise<Frame<T>> {
    const deadline = Date.now() + timeoutMs;
    while (this.read >= this.frames.length) {
      if (this.ws.readyState === WebSocket.CLOSED) throw new Error(`closed while waiting for ${type}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${type} frame within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    const frame = this.frames[this.read++]!;
    if (frame.type !== type) throw new Error(`expected ${type}, got ${JSON.stringify(frame).slice(0, 300)}`);
    return frame as Frame<T>;
  }

  /** Unread frames right now, marking them read. */
  drain(): ServerFrame[] {
    const rest = this.frames.slice(this.read);
    this.read = this.frames.length;
    return rest;
  }

  close(): void {
    this.ws.terminate();
  }
}
