import type { FastifyPluginAsync } from 'fastify';
import { errorBody } from './errors.ts';

export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    const checks: Record<string, string> = {};
    try {
      await app.database.ping();
      checks.database = 'ok';
    } catch {
      checks.database = 'down';
    }
    const redis = app.bus.health();
    if (redis) checks.redis = redis;
    const ready = checks.database === 'ok' && checks.redis !== 'down';
    if (!ready) return reply.code(503).send({ ...errorBody('not_ready', 'A dependency is down'), checks });
    return { status: 'ready', checks };
  });
};
