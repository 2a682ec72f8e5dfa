import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A strong ETag for what a response is made from. */
export const etagOf = (text: string) => `"${createHash('sha1').update(text).digest('base64url')}"`;

/** Whether the request's If-None-Match names this ETag (also as a weak one). */
export function notModified(req: FastifyRequest, etag: string): boolean {
  const inm = req.headers['if-none-match'];
  return Boolean(inm && inm.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`));
}

/** Sends a public JSON read with a strong ETag, answering a matching If-None-Match with 304. */
export function sendCached(req: FastifyRequest, reply: FastifyReply, body: unknown, maxAgeSeconds = 2) {
  const json = JSON.stringify(body);
  const etag = etagOf(json);
  void reply.header('ETag', etag).header('Cache-Control', `public, max-age=${maxAgeSeconds}, must-revalidate`);
  if (notModified(req, etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(json);
}
