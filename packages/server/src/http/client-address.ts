import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';

/** The socket's peer: behind a reverse proxy, the proxy. What /metrics judges by, so no header can pass for local. */
export const peerAddress = (req: FastifyRequest): string => req.socket.remoteAddress ?? 'unknown';

/**
 * The address a request is counted against (sign-in limits, realtime caps), logged and audited: the client named in
 * X-Forwarded-For when the request came through a trusted proxy, else the peer (`trustProxy`, docs/decisions/029).
 * A forwarded value that is not an address is not believed.
 */
export const clientAddress = (req: FastifyRequest): string => (isIP(req.ip) ? req.ip : peerAddress(req));
