import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { SatoriOptions } from 'satori';

const require = createRequire(import.meta.url);

const SUBSETS = { latin: 'Roboto', cyrillic: 'Roboto Cyrillic' };
/** The cards' font stack: satori takes each glyph from the first font that has it. */
export const CARD_FONT_FAMILY = Object.values(SUBSETS).join(', ');

/**
 * Roboto from the @fontsource package, shipped with the server (nothing is downloaded at run time): its Latin and
 * Cyrillic subsets as two families of one stack (decision 044). WOFF, not WOFF2, which satori cannot read.
 */
export function cardFonts(): SatoriOptions['fonts'] {
  return [400, 700].flatMap((weight) =>
    (Object.keys(SUBSETS) as (keyof typeof SUBSETS)[]).map((subset) => ({
      name: SUBSETS[subset],
      weight: weight as 400 | 700,
      style: 'normal' as const,
      data: readFileSync(require.resolve(`@fontsource/roboto/files/roboto-${subset}-${weight}-normal.woff`)),
    })),
  );
}
