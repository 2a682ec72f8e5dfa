import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { peerAddress } from '../http/client-address.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Who may scrape /metrics: with a token configured, whoever presents it as a bearer token (compared in constant
 * time); without one, only this machine, since the figures describe the deployment and are nobody else's business.
 * The socket's own address is used, not X-Forwarded-For, so a header cannot claim to be local.
 */
export function mayScrape(req: FastifyRequest, token: string | undefined): boolean {
  if (!token) return LOOPBACK.has(peerAddress(req));
  const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}
