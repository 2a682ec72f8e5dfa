import type { Side } from '@touchline/contract';
import { h, type Node, SHARE } from './h.ts';
import { COLORS, frame, header } from './layout.ts';
import type { CardSize } from './render.ts';

/** What a result card says, already in the reader's language. */
export interface ResultCardModel {
  competition: string;
  /** Round and date, one line. */
  subtitle: string;
  home: string;
  away: string;
  score: { home: number; away: number };
  /** "pens 4–3", when a shootout decided it. */
  shootout?: string;
  status: string;
  scorers: Record<Side, string[]>;
}

const scorerList = (names: string[], align: 'flex-start' | 'flex-end', size: number) =>
  h(
    'div',
    { ...SHARE, flexDirection: 'column', alignItems: align, gap: 6, fontSize: size, color: COLORS.soft },
    ...names.map((n) => h('div', {}, n)),
  );

/** The result (or the score so far) with the scorers: 1200×630 for link previews, 1080×1080 for posts. */
export function resultCard(m: ResultCardModel, size: CardSize): Node {
  const square = size === '1080x1080';
  const name = (text: string, align: 'flex-start' | 'flex-end') =>
    h(
      'div',
      {
        ...SHARE,
        justifyContent: align,
        textAlign: align === 'flex-start' ? 'left' : 'right',
        // A long name keeps to three lines beside the score.
        fontSize: (square ? 50 : 46) - (text.length > 28 ? 10 : 0),
        fontWeight: 700,
        lineHeight: 1.15,
      },
      text,
    );
  return frame(
    size,
    header(m.competition, m.subtitle, square),
    h(
      'div',
      { flexDirection: 'column', flex: 1, justifyContent: 'center', gap: square ? 40 : 24 },
      h(
        'div',
        { alignItems: 'center', gap: 32 },
        name(m.home, 'flex-start'),
        h(
          'div',
          { flexDirection: 'column', alignItems: 'center', minWidth: square ? 300 : 280 },
          h('div', { fontSize: square ? 150 : 130, fontWeight: 700, lineHeight: 1 }, `${m.score.home}:${m.score.away}`),
          m.shootout ? h('div', { fontSize: 34, color: COLORS.soft }, m.shootout) : null,
          h('div', { fontSize: 30, color: COLORS.accent, marginTop: 8 }, m.status),
        ),
        name(m.away, 'flex-end'),
      ),
      h(
        'div',
        { gap: 32 },
        scorerList(m.scorers.home, 'flex-start', square ? 32 : 28),
        h('div', { minWidth: square ? 300 : 280 }),
        scorerList(m.scorers.away, 'flex-end', square ? 32 : 28),
      ),
    ),
  );
}
