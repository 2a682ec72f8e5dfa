import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { writeBackup } from './backup/dump.ts';
import { type Database, openDatabase } from './db/client.ts';
import { drainOnClose } from './http/drain.ts';
import { frameworkErrors, installErrorHandler } from './http/errors.ts';
import { healthRoutes } from './http/health.ts';
import { FRAME_ANCESTORS, registerWeb } from './http/web.ts';
import { apiDocs } from './http/docs.ts';
import { trustProxyOption } from './http/trust-proxy.ts';
import { strictTransport } from './http/strict-transport.ts';
import { matchPreviews } from './share/preview.ts';
import { shareRoutes } from './share/routes.ts';
import { publicRoutes } from './public/routes.ts';
import { authPlugin } from './auth/plugin.ts';
import { authRoutes } from './auth/routes.ts';
import { createLoginLimiter } from './auth/rate-limit.ts';
import { matchRoutes } from './matches/routes.ts';
import { adminRoutes } from './admin/routes.ts';
import { leagueRoutes } from './public/league-routes.ts';
import { captainRoutes } from './captain/routes.ts';
import { Fanout } from './realtime/fanout.ts';
import { type Bus, InProcessBus } from './realtime/bus.ts';
import { RedisBus } from './realtime/redis-bus.ts';
import { realtimeRoutes } from './realtime/plugin.ts';
import { metricsPlugin } from './metrics/plugin.ts';
import { notifyPlugin } from './notify/plugin.ts';
import { privateChatDeliverer } from './telegram/private-chat.ts';
import { channelDeliverer } from './telegram/channel.ts';
import { telegramPlugin } from './telegram/plugin.ts';
import { followRoutes } from './follows/routes.ts';
import { newsAdminRoutes, newsRoutes } from './news/routes.ts';
import { predictionRoutes } from './predictions/routes.ts';
import { motmRoutes } from './motm/routes.ts';
import { pushDeliverer } from './follows/push-deliverer.ts';
import { telegramRecipient } from './notify/recipients.ts';
import { type Vapid, vapidKeys } from './follows/vapid.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: Database;
    db: Database['db'];
    bus: Bus;
    fanout: Fanout;
    /** The Web Push keys; null when push is off (decision 035). */
    vapid: Vapid | null;
  }
}

export interface BuildOptions {
  /** Use an already open database (tests share one per file). */
  database?: Database;
  /** Where logs go (tests read them); stdout by default. */
  logStream?: NodeJS.WritableStream;
}

export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-push-auth"]',
          '*.password',
          '*.token',
        ],
        censor: '[redacted]',
      },
      ...(opts.logStream ? { stream: opts.logStream } : {}),
    },
    bodyLimit: 256 * 1024,
    // Ids in URLs are numbers; the query string never carries tokens.
    routerOptions: { maxParamLength: 200 },
    // A malformed or over-long URL fails before routing; it still answers in the one error shape.
    frameworkErrors,
    // req.ip and req.protocol believe X-Forwarded-* only from the configured proxies (docs/decisions/029).
    trustProxy: trustProxyOption(config.trustProxy),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  drainOnClose(app);

  const database = opts.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  database.serveBackups?.((out) => writeBackup(database, out));
  const instanceId = randomUUID();
  const bus: Bus = config.redisUrl ? new RedisBus(instanceId, config.redisUrl, app.log) : new InProcessBus(instanceId);
  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('db', database.db);
  app.decorate('bus', bus);
  app.decorate('fanout', new Fanout(bus));
  app.decorate('vapid', vapidKeys(config));
  const loginLimits = createLoginLimiter(config.redisUrl, app.log);
  app.addHook('onClose', async () => {
    await loginLimits.close();
    await bus.close();
    if (!opts.database) await database.close();
  });

  // Telegram's web client shows the app in a frame, so framing is allowed for it alone (X-Frame-Options cannot name
  // another origin); any other site is refused, against clickjacking. The app's pages carry a full policy (web.ts).
  await app.register(helmet, { frameguard: false, contentSecurityPolicy: false, strictTransportSecurity: false });
  await app.register(strictTransport);
  app.addHook('onSend', async (_req, reply) => {
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', FRAME_ANCESTORS);
  });
  await app.register(cors, { origin: config.corsOrigins.length ? config.corsOrigins : false });
  await app.register(metricsPlugin);

  await app.register(apiDocs);
  await app.register(authPlugin);
  await app.register(healthRoutes);
  await app.register(publicRoutes, { prefix: '/api' });
  await app.register(authRoutes, {
    prefix: '/api',
    limiter: loginLimits.limiter,
    // allows_write_to_pm at sign-in becomes the recipient's can_write (decision 035).
    telegramFanSeen: async (fan) =>
      void (await telegramRecipient(database.db, {
        userId: fan.userId,
        chatId: fan.telegramId,
        locale: fan.locale,
        canWrite: fan.allowsWrite,
      })),
  });
  await app.register(matchRoutes, { prefix: '/api' });
  await app.register(realtimeRoutes);
  await app.register(adminRoutes, { prefix: '/api' });
  await app.register(leagueRoutes, { prefix: '/api' });
  await app.register(captainRoutes, { prefix: '/api' });
  await app.register(followRoutes, { prefix: '/api' });
  await app.register(shareRoutes, { prefix: '/api' });
  await app.register(newsRoutes, { prefix: '/api' });
  await app.register(newsAdminRoutes, { prefix: '/api/admin' });
  await app.register(predictionRoutes, { prefix: '/api' });
  await app.register(motmRoutes, { prefix: '/api' });
  const telegram = config.telegramBotToken
    ? { token: config.telegramBotToken, apiRoot: config.telegramApiRoot, publicUrl: config.publicUrl }
    : undefined;
  await app.register(notifyPlugin, {
    instanceId,
    deliverers: [
      ...(telegram ? [privateChatDeliverer(telegram), channelDeliverer({ db: app.db, ...telegram })] : []),
      ...(app.vapid ? [pushDeliverer({ vapid: app.vapid, allowedHosts: config.pushAllowedHosts })] : []),
    ],
  });
  await app.register(telegramPlugin, { prefix: '/api' });

  await registerWeb(app, config.webDist, matchPreviews(app));
  return app;
}
