import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Sends a public JSON read with a strong ETag, answering a matching If-None-Match with 304. */
export function sendCached(req: FastifyRequest, reply: FastifyReply, body: unknown, maxAgeSeconds = 2) {
  const json = JSON.stringify(body);
  const etag = `"${createHash('sha1').update(json).digest('base64url')}"`;
  void reply.header('ETag', etag).header('Cache-Control', `public, max-age=${maxAgeSeconds}, must-revalidate`);
  const inm = req.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) {
    return reply.code(304).send();
  }
  return reply.type('application/json; charset=utf-8').send(json);
}
