import websocket from '@fastify/websocket';
import type { FastifyPluginAsync } from 'fastify';
import { DEFAULT_HEARTBEAT_MS, HELLO_TIMEOUT_MS, MAX_FRAME_BYTES } from '@touchline/contract';
import { activeAccounts, isActiveAccount } from '../auth/plugin.ts';
import { admission } from './admission.ts';
import type { Patch } from './feed.ts';
import { Hub } from './hub.ts';
import { LiveFeed } from './live-feed.ts';
import { adaptWs } from './socket.ts';
import { topicTable } from './topics.ts';

/** `GET /realtime` (docs/protocol.md §9): one hub per instance, fed by this instance's writes and the bus. */
export const realtimeRoutes: FastifyPluginAsync = async (app) => {
  const live = new LiveFeed(app.db, app.config.timezone);
  const hub = new Hub({
    topics: topicTable(app.db, live),
    authenticate: async (token) => {
      const p = await app.keyring.verify(token);
      if (!p || !(await isActiveAccount(app.db, p))) return null;
      const { userId, role, tokenVersion, expiresAt } = p;
      return { role, account: { userId, role, ...(tokenVersion !== undefined ? { tokenVersion } : {}), expiresAt } };
    },
    stillValid: (accounts) => activeAccounts(app.db, accounts),
    heartbeatMs: app.config.realtimeHeartbeatMs ?? DEFAULT_HEARTBEAT_MS,
    helloTimeoutMs: app.config.realtimeHelloTimeoutMs ?? HELLO_TIMEOUT_MS,
    log: app.log,
    metrics: app.metrics,
  });
  app.metrics.realtimeSource(() => hub.counts());

  await app.register(websocket, {
    options: { maxPayload: MAX_FRAME_BYTES },
    // `ws` has already closed the socket with the right code (1009 for an oversized frame); only note it.
    errorHandler: (err) => app.log.debug({ err }, 'realtime socket error'),
    // Instead of the plugin's close without a code: 4009, reconnect elsewhere at once (docs/protocol.md §9.6).
    preClose: (done) => {
      hub.close();
      done();
    },
  });

  // Runs inside a write's publish, after commit: it must never throw back into the write.
  const receive = (p: Patch) => {
    try {
      hub.receive(p);
      const derived = live.derive(p);
      if (derived) hub.receive(derived);
    } catch (err) {
      app.log.error({ err, topic: p.topic }, 'realtime: could not route a patch');
    }
  };
  const stop = app.fanout.onMessage(receive);
  app.bus.onRecover(() => {
    hub.catchUp();
    live.refresh().then(
      (p) => p && hub.receive(p),
      (err: unknown) => app.log.warn({ err }, 'realtime: could not refresh the live card'),
    );
  });
  app.addHook('onClose', async () => stop());

  const admit = admission({ perAddress: app.config.realtimeMaxPerAddress, total: app.config.realtimeMaxConnections });
  app.get('/realtime', { websocket: true, onRequest: admit }, (socket, req) =>
    adaptWs(socket, req.raw.socket, (s) => hub.connect(s)),
  );
};
