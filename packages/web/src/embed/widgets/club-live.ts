import type { MatchSummary } from '@touchline/contract';
import { clubName, matchHref, readJson, upsertMatch, type WidgetContext } from '../context.ts';
import { h, show } from '../dom.ts';
import { kickoffText, scoreText, stateText } from '../format.ts';
import { tick } from '../live-clock.ts';

/** The match a club's strip shows: the one being played, else the next one, else the last result. */
export function stripMatch(list: MatchSummary[]): MatchSummary | undefined {
  return (
    list.find((m) => m.status === 'live') ??
    list.find((m) => m.status === 'scheduled') ??
    list.filter((m) => m.status === 'finished').at(-1)
  );
}

/** A one-line live score for a club, kept by the `live` card (every score and clock change of today's matches). */
export async function clubLiveWidget(ctx: WidgetContext, clubId: string): Promise<void> {
  const { t, options: o } = ctx;
  let list: MatchSummary[] = [];
  const draw = () => {
    const m = stripMatch(list);
    if (!m) return show(ctx.root, h('p', { class: 'empty' }, t.noMatch));
    show(
      ctx.root,
      h(
        'a',
        { class: `strip ${m.status}`, href: matchHref(m), target: '_blank', rel: 'noopener', 'data-match': m.id },
        h('span', { class: 'home' }, clubName(m.homeClub, o)),
        h('span', { class: 'score' }, scoreText(m)),
        h('span', { class: 'away' }, clubName(m.awayClub, o)),
        m.status === 'scheduled'
          ? h('span', { class: 'state' }, kickoffText(m.kickoffAt, o.lang))
          : tick(h('span', { class: 'state' }), () => stateText(m, t, Date.now())),
      ),
    );
  };
  const put = (m: MatchSummary | undefined, deletedId?: string) => {
    if (!m || m.homeClub.id === clubId || m.awayClub.id === clubId) list = upsertMatch(list, m, deletedId);
  };
  const answer = await readJson<{ matches: MatchSummary[] }>(`/api/matches?clubId=${clubId}`);
  const club = await readJson(`/api/clubs/${clubId}`);
  if (!answer || !club) return ctx.notFound();
  answer.matches.forEach((m) => put(m));
  draw();
  ctx.realtime.subscribe('live', {
    onSnapshot: (data) => {
      data.forEach((m) => put(m));
      draw();
    },
    onPatch: (frame) => {
      for (const c of frame.changes) if (c.entity === 'match') put(c.data, c.op === 'deleted' ? c.id : undefined);
      draw();
    },
  });
}
