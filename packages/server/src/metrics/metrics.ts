import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { BusHealth, BusMessage } from '../realtime/bus.ts';
import { NotifyMetrics } from './notify-metrics.ts';

/** What the realtime hub knows at any moment; read at scrape time, so the gauges never drift. */
export interface RealtimeCounts {
  connections: number;
  subscriptions: number;
}

/** `match:12` → `match`: a bounded label, never one series per match. */
export const topicKind = (topic: string) => {
  const i = topic.indexOf(':');
  return i < 0 ? topic : topic.slice(0, i);
};

const SECONDS = 1000;
const FANOUT_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5];
const HTTP_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Sampling interval of the event-loop delay histogram. Node's monitorEventLoopDelay records whole timer
 * intervals, so an idle process reads about this much: subtract it to get the delay itself.
 */
export const EVENT_LOOP_RESOLUTION_MS = 10;

/**
 * Process-wide metrics (CPU, RSS, heap, GC, event-loop lag) describe the process, not an app, so they live
 * in one registry created once; tests that build several apps in one process share it.
 */
let processRegistry: Registry | undefined;
export function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, eventLoopMonitoringPrecision: EVENT_LOOP_RESOLUTION_MS });
  }
  return processRegistry;
}

/** One app's metrics in its own registry. The realtime hub reports through the methods below. */
export class Metrics {
  readonly registry = new Registry();
  readonly notify = new NotifyMetrics(this.registry);
  private countsSource: (() => RealtimeCounts) | undefined;

  readonly httpDuration = new Histogram({
    name: 'touchline_http_request_duration_seconds',
    help: 'HTTP request duration, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });
  private readonly published = new Counter({
    name: 'touchline_patches_published_total',
    help: 'Patches committed by this instance and handed to fan-out, by topic kind',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });
  private readonly delivered = new Counter({
    name: 'touchline_patches_delivered_total',
    help: 'Patch frames written to WebSocket connections of this instance, by topic kind',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });
  private readonly fanoutLatency = new Histogram({
    name: 'touchline_fanout_latency_seconds',
    help: 'From the commit of a patch to its write on the sockets of this instance (observed once per patch, after the last socket)',
    labelNames: ['topic'] as const,
    buckets: FANOUT_BUCKETS,
    registers: [this.registry],
  });
  private readonly outboxLag = new Histogram({
    name: 'touchline_outbox_lag_seconds',
    help: 'From the commit of a patch on another instance to its arrival here over the bus (Redis)',
    buckets: FANOUT_BUCKETS,
    registers: [this.registry],
  });
  private readonly logReads = new Counter({
    name: 'touchline_change_log_reads_total',
    help: 'Replays (resuming clients) and gap fills the realtime hub asked of a topic log, by topic kind; live has no log',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });
  private readonly logReadWatchers = new Set<(topic: string) => void>();
  private readonly slowConsumers = new Counter({
    name: 'touchline_ws_slow_consumer_closes_total',
    help: 'WebSocket connections closed with 4008 because their unsent data passed the limit',
    registers: [this.registry],
  });

  constructor(opts: { busHealth?: () => BusHealth } = {}) {
    const counts = () => this.countsSource?.() ?? { connections: 0, subscriptions: 0 };
    new Gauge({
      name: 'touchline_ws_connections',
      help: 'Open WebSocket connections on /realtime',
      registers: [this.registry],
      collect() {
        this.set(counts().connections);
      },
    });
    new Gauge({
      name: 'touchline_ws_subscriptions',
      help: 'Topic subscriptions held by open WebSocket connections',
      registers: [this.registry],
      collect() {
        this.set(counts().subscriptions);
      },
    });
    const busHealth = opts.busHealth;
    if (busHealth) {
      new Gauge({
        name: 'touchline_redis_up',
        help: '1 when both Redis connections (publish and subscribe) are ready, else 0',
        registers: [this.registry],
        collect() {
          this.set(busHealth() === 'ok' ? 1 : 0);
        },
      });
    }
  }

  /** The hub registers a function returning its live counts; it is called on every scrape. */
  realtimeSource(fn: () => RealtimeCounts): void {
    this.countsSource = fn;
  }

  /** A patch committed here (counted once, whatever the number of subscribers). */
  patchPublished(topic: string): void {
    this.published.inc({ topic: topicKind(topic) });
  }

  /** A patch from another instance arrived over the bus. */
  patchReceived(msg: Pick<BusMessage, 'committedAt'>, now = Date.now()): void {
    this.outboxLag.observe(Math.max(0, now - msg.committedAt) / SECONDS);
  }

  /** Call once per patch after writing it to `frames` sockets. */
  patchDelivered(msg: Pick<BusMessage, 'topic' | 'committedAt'>, frames: number, now = Date.now()): void {
    if (frames <= 0) return;
    const topic = topicKind(msg.topic);
    this.delivered.inc({ topic }, frames);
    this.fanoutLatency.observe({ topic }, Math.max(0, now - msg.committedAt) / SECONDS);
  }

  /** The realtime hub read a topic's log. */
  changeLogRead(topic: string): void {
    this.logReads.inc({ topic: topicKind(topic) });
    for (const fn of this.logReadWatchers) fn(topic);
  }

  /** Calls `fn` with the topic of every log read from now on, for counts per topic; returns the unsubscribe. */
  watchChangeLogReads(fn: (topic: string) => void): () => void {
    this.logReadWatchers.add(fn);
    return () => this.logReadWatchers.delete(fn);
  }

  slowConsumerClosed(): void {
    this.slowConsumers.inc();
  }

  /** The Prometheus text exposition: this app's metrics, then the process's. */
  async text(): Promise<string> {
    const [own, proc] = await Promise.all([this.registry.metrics(), processMetrics().metrics()]);
    return `${own}\n${proc}`;
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
