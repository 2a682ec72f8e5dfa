import type { MatchSummary } from '@touchline/contract';
import { clubName, matchHref, type WidgetContext } from '../context.ts';
import { h } from '../dom.ts';
import { kickoffText, scoreText, stateText } from '../format.ts';
import { tick } from '../live-clock.ts';

/** One match on a line: when, who, the score and where it stands; a link to its page on this site. */
export function matchRow(ctx: WidgetContext, m: MatchSummary): HTMLElement {
  return h(
    'li',
    { class: `match ${m.status}`, 'data-match': m.id },
    h('span', { class: 'when' }, kickoffText(m.kickoffAt, ctx.options.lang)),
    tick(h('span', { class: 'state' }), () => stateText(m, ctx.t, Date.now())),
    h(
      'a',
      { class: 'teams', href: matchHref(m), target: '_blank', rel: 'noopener' },
      h('span', { class: 'home' }, clubName(m.homeClub, ctx.options)),
      h('span', { class: 'score' }, scoreText(m)),
      h('span', { class: 'away' }, clubName(m.awayClub, ctx.options)),
    ),
  );
}
