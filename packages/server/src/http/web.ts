import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { STREAM_EMBED_ORIGINS } from '@touchline/domain';
import { EMBED_FRAME_ANCESTORS, registerEmbed } from './embed.ts';
import { errorBody } from './errors.ts';

/** Adds what a page path should carry beyond the built page (a match's link preview); the page itself otherwise. */
export type PageDecorator = (req: FastifyRequest, page: string) => Promise<string>;

/** Text made safe inside a double-quoted HTML attribute. */
export const escapeAttr = (s: string) => s.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Who may frame any response: this site, and Telegram's web client, which shows Mini Apps in a frame. */
export const FRAME_ANCESTORS = "frame-ancestors 'self' https://web.telegram.org";

/**
 * The page's content security policy. Scripts: the build's own files, the page's inline scripts by hash (the
 * service worker registration), and Telegram's Mini App script; data only from this origin (the API and
 * /realtime); images also from https (club logos are links); frames only from this origin (the widget builder's
 * preview, decision 045) and the stream players' embed hosts (decision 042).
 */
export function pagePolicy(html: string): string {
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
  );
  return [
    "default-src 'self'",
    `script-src 'self' https://telegram.org ${inline.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data: https:",
    "connect-src 'self'",
    `frame-src 'self' ${STREAM_EMBED_ORIGINS.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    FRAME_ANCESTORS,
  ].join('; ');
}

/**
 * Serves the built web app: hashed assets cached for good, and index.html for every other page path,
 * with the league's time zone written into it so the app shows kick-offs in it. The page and the service
 * worker script are revalidated on every load, so an installed app finds a new build on its next load.
 */
export async function registerWeb(
  app: FastifyInstance,
  webDist: string | undefined,
  decorate: PageDecorator = async (_req, page) => page,
) {
  const indexFile = webDist ? path.join(webDist, 'index.html') : undefined;
  const index =
    indexFile && existsSync(indexFile)
      ? readFileSync(indexFile, 'utf8').replace(
          /<meta name="touchline-timezone" content="[^"]*"/,
          `<meta name="touchline-timezone" content="${escapeAttr(app.config.timezone)}"`,
        )
      : undefined;
  const policy = index && pagePolicy(index);
  if (index) {
    await app.register(fastifyStatic, {
      root: webDist!,
      wildcard: false,
      index: false,
      // The service worker precaches /index.html: it must get the rewritten page below, never the raw file.
      globIgnore: ['index.html'],
      setHeaders: (res, file) => {
        if (file.includes(`${path.sep}assets${path.sep}`))
          res.header('Cache-Control', 'public, max-age=31536000, immutable');
        else if (path.basename(file) === 'sw.js') res.header('Cache-Control', 'no-cache');
        // The widget loader is loaded by other sites' pages: helmet's same-origin resource policy would block it.
        else if (path.basename(file) === 'embed.js')
          res
            .header('Cache-Control', 'no-cache')
            .header('Content-Security-Policy', EMBED_FRAME_ANCESTORS)
            .header('Cross-Origin-Resource-Policy', 'cross-origin');
      },
    });
    registerEmbed(app, webDist!, app.config.timezone, pagePolicy);
  }
  app.setNotFoundHandler(async (req, reply) => {
    const page = req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/realtime');
    if (index && page)
      return reply
        .type('text/html; charset=utf-8')
        .header('Cache-Control', 'no-cache')
        .header('Content-Security-Policy', policy!)
        .send(await decorate(req, index));
    return reply.code(404).send(errorBody('not_found', `No route ${req.method} ${req.url.split('?')[0]}`));
  });
}
