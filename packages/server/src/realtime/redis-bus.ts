import { Redis } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';
import type { Bus, BusHealth, BusMessage } from './bus.ts';

const CHANNEL = 'touchline:changes';
/** While Redis is in trouble, how often to check whether it is back (besides its own 'ready' events). */
const RECOVER_EVERY_MS = 1000;
/** Topics whose newest unsent message is kept for peers; beyond that they rely on their own catch-up. */
const MAX_UNSENT = 1000;

/**
 * Redis pub/sub fan-out. Redis is only a doorbell: a lost message is read back from the change log. Any sign of
 * trouble (an error or close on either connection, a failed publish) marks the bus down; once both connections are
 * ready and subscribed again, the newest unsent message of each topic is published (so peers notice their gap) and
 * the recover handlers catch this instance's subscribers up. A Redis error never reaches a write.
 */
export class RedisBus implements Bus {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers: ((msg: BusMessage) => void)[] = [];
  private readonly recoverHandlers: (() => void)[] = [];
  private readonly unsent = new Map<string, BusMessage>();
  private down = false;
  /** Counts signs of trouble, so one that comes during a recovery keeps the bus down. */
  private troubles = 0;
  private recovering = false;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;

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
    // Named, so Redis's client list tells each instance's connections apart.
    this.pub = new Redis(url, { ...opts, connectionName: `touchline:${instanceId}:pub` });
    this.sub = new Redis(url, { ...opts, enableOfflineQueue: true, connectionName: `touchline:${instanceId}:sub` });
    for (const c of [this.pub, this.sub]) {
      c.on('error', (err: Error) => this.trouble(err.message));
      c.on('close', () => this.trouble('connection closed'));
      c.on('ready', () => void this.recover());
    }
    this.sub.subscribe(CHANNEL).catch((err: Error) => this.trouble(err.message));
    this.sub.on('message', (_channel: string, raw: string) => this.deliver(raw));
  }

  /** A write's messages as one Redis message (a JSON array when there are several): one PUBLISH and one parse each. */
  publish(...msgs: BusMessage[]): void {
    if (!msgs.length) return;
    const raw = JSON.stringify(msgs.length === 1 ? msgs[0] : msgs);
    this.pub.publish(CHANNEL, raw).catch((err: Error) => {
      for (const msg of msgs) {
        const kept = this.unsent.get(msg.topic);
        if (kept ? kept.seq < msg.seq : this.unsent.size < MAX_UNSENT) this.unsent.set(msg.topic, msg);
      }
      this.trouble(`publish failed: ${err.message}`);
    });
  }
  onMessage(handler: (msg: BusMessage) => void): void {
    this.handlers.push(handler);
  }
  onRecover(handler: () => void): void {
    this.recoverHandlers.push(handler);
  }
  health(): BusHealth {
    return !this.closed && this.pub.status === 'ready' && this.sub.status === 'ready' ? 'ok' : 'down';
  }
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    this.pub.disconnect();
    this.sub.disconnect();
  }

  private deliver(raw: string) {
    // Messages already read from the socket still arrive after `disconnect`.
    if (this.closed) return;
    let parsed: BusMessage | BusMessage[];
    try {
      parsed = JSON.parse(raw) as BusMessage | BusMessage[];
    } catch {
      return;
    }
    for (const msg of Array.isArray(parsed) ? parsed : [parsed]) {
      if (msg.origin === this.instanceId) continue;
      for (const h of this.handlers) {
        try {
          h(msg);
        } catch (err) {
          this.log.error({ err }, 'bus handler failed');
        }
      }
    }
  }

  private trouble(reason: string) {
    if (this.closed) return;
    if (!this.down) this.log.warn({ reason }, 'redis down: writes go on; peers will catch up from the change log');
    this.down = true;
    this.troubles++;
    this.scheduleRecover();
  }

  private scheduleRecover() {
    if (this.retry || this.closed) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.recover().then(() => this.down && this.scheduleRecover());
    }, RECOVER_EVERY_MS).unref();
  }

  private async recover() {
    if (!this.down || this.recovering || this.closed) return;
    if (this.pub.status !== 'ready' || this.sub.status !== 'ready') return;
    this.recovering = true;
    const troubles = this.troubles;
    try {
      // Subscribed before catching up, so nothing published from now on can fall between the two.
      await this.sub.subscribe(CHANNEL);
      for (const [topic, msg] of this.unsent) {
        await this.pub.publish(CHANNEL, JSON.stringify(msg));
        this.unsent.delete(topic);
      }
      if (troubles !== this.troubles) return;
      this.down = false;
      this.log.info('redis back; catching up from the change log');
      for (const h of this.recoverHandlers) {
        try {
          h();
        } catch (err) {
          this.log.error({ err }, 'bus recovery handler failed');
        }
      }
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'redis recovery failed; retrying');
    } finally {
      this.recovering = false;
    }
  }
}

/**
 * One message from a process that is no instance (the admin command): every instance takes it as another instance's
 * write. False when Redis cannot be reached (if it is down for the instances too, they check every account again
 * when it returns).
 */
export async function publishOnce(url: string, msg: BusMessage): Promise<boolean> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, retryStrategy: () => null, lazyConnect: true });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.publish(CHANNEL, JSON.stringify(msg));
    return true;
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
