import type { FastifyInstance } from 'fastify';

/**
 * Shutdown (SIGTERM in a rolling restart, decision 031): the listener closes before anything else, so neither the
 * proxy nor a fan told to reconnect (4009, docs/protocol.md §9.6) reaches this instance again. Requests already here
 * are answered, each with `Connection: close`: a kept-alive connection would otherwise hold the process open.
 */
export function drainOnClose(app: FastifyInstance): void {
  let draining = false;
  // The root's preClose runs before the realtime plugin's, which closes the sockets.
  app.addHook('preClose', (done) => {
    draining = true;
    // Fastify closes the server again after the preClose hooks; that call then only waits for open connections.
    if (app.server.listening) app.server.close();
    done();
  });
  app.addHook('onSend', async (_req, reply) => {
    if (draining) reply.header('connection', 'close');
  });
}
