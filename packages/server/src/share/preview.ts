import type { FastifyInstance } from 'fastify';
import type { MatchSummary } from '@touchline/contract';
import { escapeAttr, type PageDecorator } from '../http/web.ts';
import { getSummary } from '../reads/summary.ts';

/** The match page's title as a link preview shows it: the clubs, and the score once there is one. */
export const previewTitle = (m: MatchSummary) =>
  m.status === 'scheduled' || m.status === 'postponed' || m.status === 'cancelled'
    ? `${m.homeClub.name} — ${m.awayClub.name}`
    : `${m.homeClub.name} ${m.score.home}:${m.score.away} ${m.awayClub.name}`;

/**
 * Open Graph tags for a match page (decision 044): a link pasted into Telegram or VK shows the result card. Added
 * to the served page before `</head>`, every value escaped, the image an absolute address (`base`).
 */
export function withMatchPreview(page: string, m: MatchSummary, base: string): string {
  const tags = [
    ['og:type', 'website'],
    ['og:title', previewTitle(m)],
    ['og:description', m.competition.name],
    ['og:url', `${base}/matches/${m.id}`],
    ['og:image', `${base}/api/matches/${m.id}/card.png?size=1200x630`],
    ['og:image:width', '1200'],
    ['og:image:height', '630'],
    ['twitter:card', 'summary_large_image'],
  ]
    .map(([p, c]) => `<meta property="${p}" content="${escapeAttr(c!)}" />`)
    .join('');
  return page.replace('</head>', `${tags}</head>`);
}

/** The served page of a match carries its link preview; any other page is served as built. */
export const matchPreviews =
  (app: FastifyInstance): PageDecorator =>
  async (req, page) => {
    const id = /^\/matches\/(\d{1,9})\/?(?:[?#]|$)/.exec(req.url)?.[1];
    const match = id ? await getSummary(app.db, Number(id)) : undefined;
    if (!match) return page;
    return withMatchPreview(page, match, app.config.publicUrl ?? `${req.protocol}://${req.host}`);
  };
