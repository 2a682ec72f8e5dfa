import type { LineupEntry } from '@touchline/contract';
import { h, type Node, SHARE } from './h.ts';
import { COLORS, frame, header } from './layout.ts';
import type { CardSize } from './render.ts';

export interface LineupCardModel {
  /** The club, then the match and date. */
  title: string;
  subtitle: string;
  heading: { starters: string; substitutes: string; none: string };
  entries: LineupEntry[];
}

const row = (e: LineupEntry, size: number) =>
  h(
    'div',
    { gap: 16, fontSize: size, alignItems: 'baseline' },
    h(
      'div',
      { width: size * 1.6, justifyContent: 'flex-end', fontWeight: 700, color: COLORS.accent },
      String(e.shirtNumber),
    ),
    h('div', {}, `${e.firstName} ${e.lastName}`.trim()),
  );

/** One side's matchday lineup: the starters, then the substitutes. */
export function lineupCard(m: LineupCardModel, size: CardSize): Node {
  const square = size === '1080x1080';
  const starters = m.entries.filter((e) => e.role === 'starter');
  const subs = m.entries.filter((e) => e.role === 'substitute');
  const line = square ? 30 : 22;
  const column = (title: string, list: LineupEntry[]) =>
    h(
      'div',
      { ...SHARE, flexDirection: 'column', gap: 4 },
      h('div', { fontSize: line, color: COLORS.soft, marginBottom: 6 }, title),
      ...list.map((e) => row(e, line)),
    );
  return frame(
    size,
    header(m.title, m.subtitle, square),
    m.entries.length === 0
      ? h('div', { flex: 1, alignItems: 'center', fontSize: 40 }, m.heading.none)
      : h(
          'div',
          { flex: 1, gap: 40, marginTop: 24 },
          column(m.heading.starters, starters),
          column(m.heading.substitutes, subs),
        ),
  );
}
