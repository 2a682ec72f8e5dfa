import { Redis } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';
import type { Bus, BusHealth, BusMessage } from './bus.ts';

const CHANNEL = 'touchline:changes';

/** Redis pub/sub fan-out. A Redis error never throws into a write; on reconnect, subscribers resync. */
export class RedisBus implements Bus {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers: ((msg: BusMessage) => void)[] = [];
  private readonly recoverHandlers: (() => void)[] = [];
  private wasDown = false;

  constructor(
    readonly instanceId: string,
    url: string,
    private readonly log: FastifyBaseLogger,
  ) {
    const opts = {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      retryStrategy: (n: number) => Math.min(n * 200, 2000),
    };
    this.pub = new Redis(url, opts);
    this.sub = new Redis(url, { ...opts, enableOfflineQueue: true });
    for (const c of [this.pub, this.sub]) c.on('error', (err) => this.log.warn({ err: err.message }, 'redis error'));
    this.sub.on('close', () => (this.wasDown = true));
    this.sub.on('ready', () => {
      void this.sub.subscribe(CHANNEL).catch(() => undefined);
      if (this.wasDown) {
        this.wasDown = false;
        this.log.info('redis back; resyncing subscribers from the change log');
        for (const h of this.recoverHandlers) h();
      }
    });
    this.sub.on('message', (_channel: string, raw: string) => {
      let msg: BusMessage;
      try {
        msg = JSON.parse(raw) as BusMessage;
      } catch {
        return;
      }
      if (msg.origin === this.instanceId) return;
      for (const h of this.handlers) h(msg);
    });
  }

  publish(msg: BusMessage): void {
    this.pub.publish(CHANNEL, JSON.stringify(msg)).catch((err: Error) => {
      this.wasDown = true;
      this.log.warn({ err: err.message }, 'redis publish failed; peers will catch up from the change log');
    });
  }
  onMessage(handler: (msg: BusMessage) => void): void {
    this.handlers.push(handler);
  }
  onRecover(handler: () => void): void {
    this.recoverHandlers.push(handler);
  }
  health(): BusHealth {
    return this.pub.status === 'ready' && this.sub.status === 'ready' ? 'ok' : 'down';
  }
  async close(): Promise<void> {
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
