import { Resvg } from '@resvg/resvg-js';
import satori, { type SatoriOptions } from 'satori';
import { cardFonts } from './fonts.ts';
import type { Node } from './h.ts';

export const CARD_SIZES = { '1200x630': { width: 1200, height: 630 }, '1080x1080': { width: 1080, height: 1080 } };
export type CardSize = keyof typeof CARD_SIZES;

export interface RenderedCard {
  png: Buffer;
  /** Every text the layout placed, in order: what the image says, for tests and alt text. */
  texts: string[];
}

let fonts: SatoriOptions['fonts'] | undefined;

/** Lays a card out with satori (text drawn as paths, so no font is needed to view it) and rasterises it with resvg. */
export async function renderCard(tree: Node, size: CardSize): Promise<RenderedCard> {
  const texts: string[] = [];
  const svg = await satori(tree as Parameters<typeof satori>[0], {
    ...CARD_SIZES[size],
    fonts: (fonts ??= cardFonts()),
    onNodeDetected: (node) => {
      if (node.textContent) texts.push(node.textContent);
    },
  });
  const png = new Resvg(svg, { fitTo: { mode: 'original' } }).render().asPng();
  return { png, texts };
}
