import type { Language } from '../../lib/i18n.ts';

export const OVERLAY_POSITIONS = ['top-left', 'top-right', 'bottom-left', 'bottom-right', 'top', 'bottom'] as const;
export type OverlayPosition = (typeof OVERLAY_POSITIONS)[number];

export interface OverlayParams {
  /** The corner or edge of the frame the score bug sits at. */
  position: OverlayPosition;
  /** Size relative to the design size, 0.5–3. */
  scale: number;
  /** The overlay's language; absent, the app's own (the stored choice, else Russian). */
  lang?: Language;
  /** Whether a goal plays its animation; the score changes either way. */
  goal: boolean;
}

export const OVERLAY_DEFAULTS: OverlayParams = { position: 'top-left', scale: 1, goal: true };
const SCALE = { min: 0.5, max: 3 };
// A record, so a language added to the app must be added here too; the type import keeps i18next out of this module.
const LANGUAGE: Record<Language, true> = { ru: true, en: true };
const LANGUAGES = Object.keys(LANGUAGE) as Language[];

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  list.find((item) => item === value);

function scaleOf(value: string | null): number {
  // Number('') is 0 and Number('2px') NaN: only a plain decimal in range counts.
  if (!value || !/^\d+(\.\d+)?$/.test(value)) return OVERLAY_DEFAULTS.scale;
  const n = Number(value);
  return n >= SCALE.min && n <= SCALE.max ? n : OVERLAY_DEFAULTS.scale;
}

/**
 * The overlay's settings from its URL's query. A streaming program shows whatever the page draws, so a mistyped
 * value is its default, never an error page.
 */
export function parseOverlayParams(search: string): OverlayParams {
  const q = new URLSearchParams(search);
  const lang = oneOf(LANGUAGES, q.get('lang'));
  return {
    position: oneOf(OVERLAY_POSITIONS, q.get('position')) ?? OVERLAY_DEFAULTS.position,
    scale: scaleOf(q.get('scale')),
    ...(lang ? { lang } : {}),
    goal: !['0', 'off', 'false'].includes(q.get('goal') ?? ''),
  };
}
