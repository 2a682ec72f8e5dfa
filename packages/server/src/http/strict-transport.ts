import fp from 'fastify-plugin';

/** One year, this host and its subdomains (helmet's default value, which it would also send over plain HTTP). */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Strict-Transport-Security on answers to HTTPS requests only, never over plain HTTP (RFC 6797 §7.2). Behind a
 * proxy that ends TLS, HTTPS is what the trusted proxy's X-Forwarded-Proto says; `req.protocol` believes that header
 * from no other peer (docs/decisions/029).
 */
export const strictTransport = fp(async (app) => {
  app.addHook('onSend', async (req, reply) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
});
