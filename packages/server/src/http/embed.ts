import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

/** Widgets are made to be shown inside other sites' pages: any site may frame them (decision 045). */
export const EMBED_FRAME_ANCESTORS = 'frame-ancestors *';

/** The app's page policy (`pagePolicy` in web.ts) with framing opened to every site; nothing else is loosened. */
export const embedPolicy = (appPolicy: string) => appPolicy.replace(/frame-ancestors [^;]*/, EMBED_FRAME_ANCESTORS);

/**
 * Serves the widget page (the build's embed.html) at every /embed/ path, with the league's time zone written in as
 * for the app. Only these pages and /embed.js carry `frame-ancestors *`; every other answer keeps refusing.
 */
export function registerEmbed(
  app: FastifyInstance,
  webDist: string,
  timezone: string,
  pagePolicy: (html: string) => string,
): void {
  const file = path.join(webDist, 'embed.html');
  if (!existsSync(file)) return;
  const page = readFileSync(file, 'utf8').replace(
    /<meta name="touchline-timezone" content="[^"]*"/,
    `<meta name="touchline-timezone" content="${timezone.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}"`,
  );
  const policy = embedPolicy(pagePolicy(page));
  app.get('/embed/*', { schema: { hide: true } }, async (_req, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('Cache-Control', 'no-cache')
      .header('Content-Security-Policy', policy)
      .send(page),
  );
}
