import type { MatchSummary } from '@touchline/contract';
import { readJson, upsertMatch, type WidgetContext } from '../context.ts';
import { h, show } from '../dom.ts';
import { matchRow } from './match-row.ts';

/** The latest results and the next fixtures (and every live match between them), so the frame stays short. */
export function nearMatches(list: MatchSummary[], perSide: number): MatchSummary[] {
  const past = list.filter((m) => m.status === 'finished');
  const live = list.filter((m) => m.status === 'live');
  const next = list.filter((m) => m.status !== 'finished' && m.status !== 'live');
  return [...past.slice(-perSide), ...live, ...next.slice(0, perSide)];
}

function fixturesView(ctx: WidgetContext, involves: (m: MatchSummary) => boolean) {
  let list: MatchSummary[] = [];
  const draw = () => {
    const shown = nearMatches(list, ctx.options.compact ? 3 : 8);
    show(
      ctx.root,
      h('h1', null, ctx.t.fixtures),
      shown.length
        ? h('ul', { class: 'matches' }, ...shown.map((m) => matchRow(ctx, m)))
        : h('p', { class: 'empty' }, ctx.t.noMatches),
    );
  };
  const put = (m: MatchSummary | undefined, deletedId?: string) => {
    if (!m || involves(m)) list = upsertMatch(list, m, deletedId);
  };
  // The live card carries every score change of today's matches; a running clock ticks between them.
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
  return {
    replace(all: MatchSummary[]) {
      list = [];
      all.forEach((m) => put(m));
      draw();
    },
    put(m: MatchSummary | undefined, deletedId?: string) {
      put(m, deletedId);
      draw();
    },
  };
}

/** A season's results and fixtures, following `season:{id}` (fixtures, results) and `live` (scores as they happen). */
export function seasonFixturesWidget(ctx: WidgetContext, seasonId: string): void {
  const view = fixturesView(ctx, (m) => m.seasonId === seasonId);
  ctx.realtime.subscribe(`season:${seasonId}`, {
    onSnapshot: (data) => view.replace(data.matches),
    onPatch: (frame) => {
      for (const c of frame.changes) if (c.entity === 'match') view.put(c.data, c.op === 'deleted' ? c.id : undefined);
    },
    onError: () => ctx.notFound(),
  });
}

/** A club's results and fixtures in every competition: read once, then kept by the `live` card. */
export async function clubFixturesWidget(ctx: WidgetContext, clubId: string): Promise<void> {
  const view = fixturesView(ctx, (m) => m.homeClub.id === clubId || m.awayClub.id === clubId);
  const [club, answer] = await Promise.all([
    readJson(`/api/clubs/${clubId}`),
    readJson<{ matches: MatchSummary[] }>(`/api/matches?clubId=${clubId}`),
  ]);
  if (!club || !answer) return ctx.notFound();
  view.replace(answer.matches);
}
