/** An element as satori takes it: React's shape, without React on the server. */
export interface Node {
  type: string;
  props: { style?: Record<string, string | number>; children?: Child | Child[] };
}
type Child = Node | string | null | false;

/** `h('div', style, ...children)`: a box; strings are text, and text is only ever text (never markup). */
/** A box that takes an equal share of its row and may shrink below its text's width (yoga does not by default). */
export const SHARE = { flexGrow: 1, flexShrink: 1, flexBasis: 0, minWidth: 0 };

export function h(type: string, style: Record<string, string | number>, ...children: Child[]): Node {
  const kept = children.filter((c) => c !== null && c !== false);
  // A lone string stays a string: satori then reports the node's text (RenderedCard.texts).
  return { type, props: { style: { display: 'flex', ...style }, children: kept.length === 1 ? kept[0] : kept } };
}
