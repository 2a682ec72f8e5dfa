import type { MatchEvent, MatchSnapshot } from '@touchline/contract';
import { applyNewPatch } from '../../lib/match-patch.ts';
import { findPlayer, fullName } from '../../lib/names.ts';
import { clubName, matchHref, type WidgetContext } from '../context.ts';
import { h, show } from '../dom.ts';
import { kickoffText, scoreText, stateText } from '../format.ts';
import { tick } from '../live-clock.ts';
import type { Texts } from '../texts.ts';

/** The events a ticker lists: goals, cards and the commentary; substitutions and statistics stay on the site. */
const TICKER = new Set(['goal', 'penalty_goal', 'own_goal', 'yellow_card', 'second_yellow', 'red_card', 'comment']);

function eventLabel(s: MatchSnapshot, e: MatchEvent, t: Texts): string {
  if (e.type === 'comment') return e.text ?? '';
  const player = findPlayer(s.lineups, e.side, e.playerId);
  const who = player ? fullName(player) : s.match[e.side === 'home' ? 'homeClub' : 'awayClub'].name;
  switch (e.type) {
    case 'own_goal':
      return `${t.goal}: ${who} (${t.ownGoal})`;
    case 'penalty_goal':
      return `${t.goal}: ${who} (${t.penalty})`;
    case 'goal':
      return `${t.goal}: ${who}`;
    case 'yellow_card':
      return `${t.yellow}: ${who}`;
    default:
      return `${t.red}: ${who}`;
  }
}

const minuteText = (e: MatchEvent) => (e.addedTime ? `${e.minute}+${e.addedTime}'` : `${e.minute}'`);

/** A live ticker of one match, following `match:{id}` with the app's resume rules: score, period, clock, events. */
export function matchWidget(ctx: WidgetContext, matchId: string): void {
  const { t, options: o } = ctx;
  let snap: MatchSnapshot | undefined;
  const draw = () => {
    if (!snap) return;
    const s = snap;
    const m = s.match;
    const events = s.events.filter((e) => TICKER.has(e.type)).reverse();
    show(
      ctx.root,
      h(
        'a',
        { class: `strip ${m.status}`, href: matchHref(m), target: '_blank', rel: 'noopener', 'data-match': m.id },
        h('span', { class: 'home' }, clubName(m.homeClub, o)),
        h('span', { class: 'score', 'aria-live': 'polite' }, scoreText(m)),
        h('span', { class: 'away' }, clubName(m.awayClub, o)),
        m.status === 'scheduled'
          ? h('span', { class: 'state' }, kickoffText(m.kickoffAt, o.lang))
          : tick(h('span', { class: 'state' }), () => stateText(m, t, Date.now())),
      ),
      !o.compact &&
        events.length > 0 &&
        h(
          'ol',
          { class: 'events' },
          ...events.map((e) =>
            h(
              'li',
              { class: `event ${e.type} ${e.side}` },
              h('span', { class: 'minute' }, minuteText(e)),
              h('span', { class: 'text' }, eventLabel(s, e, t)),
            ),
          ),
        ),
    );
  };
  ctx.realtime.subscribe(`match:${matchId}`, {
    onSnapshot: (data) => {
      snap = data;
      draw();
    },
    onPatch: (frame) => {
      if (snap) snap = applyNewPatch(snap, frame);
      draw();
    },
    onError: () => ctx.notFound(),
  });
}
