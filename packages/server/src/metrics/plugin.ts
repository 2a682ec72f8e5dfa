import fp from 'fastify-plugin';
import { ApiError } from '../http/errors.ts';
import { mayScrape } from './access.ts';
import { Metrics } from './metrics.ts';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

/**
 * Prometheus metrics at `GET /metrics`, one registry per app. Register it before the routes so every
 * route is timed, and before the realtime hub, which reports through `app.metrics`.
 */
export const metricsPlugin = fp(
  async (app) => {
    const metrics = new Metrics({ ...(app.config.redisUrl ? { busHealth: () => app.bus.health() } : {}) });
    app.decorate('metrics', metrics);

    app.addHook('onResponse', async (req, reply) => {
      // The route pattern (`/api/matches/:id`), never the raw URL, so the series stay few.
      const route = req.routeOptions.url ?? 'unmatched';
      metrics.httpDuration.observe(
        { method: req.method, route, status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });

    const own = app.bus.instanceId;
    app.fanout.onMessage((msg) => {
      if (msg.origin === own) metrics.patchPublished(msg.topic);
      else metrics.patchReceived(msg);
    });

    app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
      if (!mayScrape(req, app.config.metricsToken)) throw new ApiError('forbidden', 'Metrics need the metrics token.');
      const body = await metrics.text();
      return reply.header('cache-control', 'no-store').type(metrics.contentType).send(body);
    });
  },
  { name: 'touchline-metrics', decorators: { fastify: ['config', 'bus', 'fanout'] } },
);
