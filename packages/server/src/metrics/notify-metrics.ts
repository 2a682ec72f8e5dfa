import { Counter, Histogram, type Registry } from 'prom-client';

/** Commit-to-send delays run from the hold window (10 s by default) to Telegram's waits. */
const DELAY_BUCKETS = [1, 2.5, 5, 10, 12.5, 15, 20, 30, 60, 120, 300, 900];

/** Fans' notifications (docs/decisions/034), labelled by the notice's kind and the recipient's channel only. */
export class NotifyMetrics {
  readonly planned: Counter<'kind' | 'channel'>;
  readonly sent: Counter<'kind' | 'channel'>;
  readonly failed: Counter<'kind' | 'channel'>;
  readonly retried: Counter<'kind' | 'channel'>;
  readonly heldBack: Counter<'kind' | 'channel'>;
  private readonly delay: Histogram<'channel'>;

  constructor(registry: Registry) {
    const counter = (name: string, help: string) =>
      new Counter({ name, help, labelNames: ['kind', 'channel'] as const, registers: [registry] });
    this.planned = counter('touchline_notifications_planned_total', 'Outbox rows the planner inserted');
    this.sent = counter('touchline_notifications_sent_total', 'Notifications a channel accepted');
    this.failed = counter('touchline_notifications_failed_total', 'Notifications given up (refused, or out of tries)');
    this.retried = counter('touchline_notifications_retried_total', 'Deliveries to be tried again later');
    this.heldBack = counter(
      'touchline_notifications_held_back_total',
      'Deliveries put off by the Telegram budget (overall or per chat) or a 429',
    );
    this.delay = new Histogram({
      name: 'touchline_notification_delay_seconds',
      help: 'From the commit of the news to its delivery (the hold window included)',
      labelNames: ['channel'] as const,
      buckets: DELAY_BUCKETS,
      registers: [registry],
    });
  }

  delivered(kind: string, channel: string, committedAt: Date, now = Date.now()): void {
    this.sent.inc({ kind, channel });
    this.delay.observe({ channel }, Math.max(0, now - committedAt.getTime()) / 1000);
  }
}
