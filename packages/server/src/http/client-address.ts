import type { FastifyRequest } from 'fastify';

/**
 * The address a request is counted against. For now the socket's peer; behind a reverse proxy that is the proxy,
 * so the trusted-proxy rule of the production setup belongs here, in this one place.
 */
export const clientAddress = (req: FastifyRequest): string => req.socket.remoteAddress ?? 'unknown';
