import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP load balancer in front of several instances: each connection goes to the first one that accepts
 * it, as a reverse proxy with health checks and retries does when an instance stops listening.
 */
export class FirstUpProxy {
  /** The upstream port each accepted connection went to, in order. */
  readonly routed: number[] = [];

  private constructor(
    private readonly server: Server,
    private readonly sockets: Set<Socket>,
  ) {}

  static async start(upstreams: number[]): Promise<FirstUpProxy> {
    const sockets = new Set<Socket>();
    const track = (s: Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    };
    const server = createServer((client) => {
      track(client);
      client.pause();
      const attempt = (i: number) => {
        const port = upstreams[i];
        if (port === undefined) return client.destroy();
        const upstream = connect(port, '127.0.0.1');
        upstream.once('error', () => attempt(i + 1));
        upstream.once('connect', () => {
          proxy.routed.push(port);
          track(upstream);
          upstream.removeAllListeners('error');
          for (const [from, to] of [
            [client, upstream],
            [upstream, client],
          ] as const) {
            from.on('error', () => to.destroy());
            from.on('close', () => to.destroy());
          }
          client.pipe(upstream).pipe(client);
          client.resume();
        });
      };
      attempt(0);
    });
    const proxy = new FirstUpProxy(server, sockets);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url() {
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
