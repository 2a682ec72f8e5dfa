import type { Standings } from '@touchline/contract';
import { clubName, type WidgetContext } from '../context.ts';
import { h, show } from '../dom.ts';

/** A season's table, or one group of it, following `season:{id}`: a result recorded anywhere redraws it. */
export function standingsWidget(ctx: WidgetContext, seasonId: string, groupId?: string): void {
  const { t, options: o } = ctx;
  const draw = (s: Standings) => {
    const groups = groupId ? s.groups.filter((g) => g.groupId === groupId) : s.groups;
    if (!groups.length) return ctx.notFound();
    show(
      ctx.root,
      ...groups.map((g) =>
        h(
          'table',
          { class: 'standings' },
          h('caption', null, g.label ? `${t.standings} · ${g.label}` : t.standings),
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', { scope: 'col' }, '#'),
              h('th', { scope: 'col', class: 'club' }, t.club),
              h('th', { scope: 'col' }, t.played),
              !o.compact && h('th', { scope: 'col' }, t.won),
              !o.compact && h('th', { scope: 'col' }, t.drawn),
              !o.compact && h('th', { scope: 'col' }, t.lost),
              !o.compact && h('th', { scope: 'col' }, t.goals),
              h('th', { scope: 'col' }, t.points),
            ),
          ),
          h(
            'tbody',
            null,
            ...g.rows.map((r) =>
              h(
                'tr',
                { 'data-club': r.club.id },
                h('td', null, r.position),
                h('th', { scope: 'row', class: 'club' }, clubName(r.club, o)),
                h('td', null, r.played),
                !o.compact && h('td', null, r.won),
                !o.compact && h('td', null, r.drawn),
                !o.compact && h('td', null, r.lost),
                !o.compact && h('td', null, `${r.goalsFor}–${r.goalsAgainst}`),
                h('td', { class: 'points' }, r.points),
              ),
            ),
          ),
        ),
      ),
    );
  };
  let current: Standings | undefined;
  ctx.realtime.subscribe(`season:${seasonId}`, {
    onSnapshot: (data) => draw((current = data.standings)),
    onPatch: (frame) => {
      for (const c of frame.changes) if (c.entity === 'standings' && c.data) current = c.data;
      if (current) draw(current);
    },
    onError: () => ctx.notFound(),
  });
}
