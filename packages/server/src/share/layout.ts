import { CARD_FONT_FAMILY } from './fonts.ts';
import { h, type Node } from './h.ts';
import { CARD_SIZES, type CardSize } from './render.ts';

const BRAND = 'Touchline';
/** Light text on the league's dark green, readable when a feed shrinks the card to a thumbnail. */
export const COLORS = { bg: '#0b3d2e', bg2: '#0b6e4f', fg: '#ffffff', soft: '#cfe6dc', accent: '#ffd166' };

/** The card's canvas: the size, the background, the font, room at the edges, and the brand at the foot. */
export function frame(size: CardSize, ...children: (Node | null)[]): Node {
  const edge = size === '1080x1080' ? 72 : 56;
  const { width, height } = CARD_SIZES[size];
  // satori adds the padding to the size (content-box), so the box is the card less its edges.
  return h(
    'div',
    {
      width: width - 2 * edge,
      height: height - 2 * edge,
      flexDirection: 'column',
      padding: edge,
      backgroundImage: `linear-gradient(135deg, ${COLORS.bg}, ${COLORS.bg2})`,
      color: COLORS.fg,
      fontFamily: CARD_FONT_FAMILY,
    },
    ...children,
    h('div', { fontSize: 26, color: COLORS.soft }, BRAND),
  );
}

/** The competition in bold, and under it the round and date (or the season). */
export const header = (title: string, subtitle: string, square: boolean): Node =>
  h(
    'div',
    { flexDirection: 'column', gap: 6 },
    h('div', { fontSize: square ? 40 : 36, fontWeight: 700 }, title),
    h('div', { fontSize: square ? 30 : 28, color: COLORS.soft }, subtitle),
  );
