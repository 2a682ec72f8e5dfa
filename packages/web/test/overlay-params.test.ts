import { describe, expect, it } from 'vitest';
import { OVERLAY_DEFAULTS, parseOverlayParams } from '../src/features/overlay/overlay-params.ts';

describe('overlay URL parameters', () => {
  it.each([
    ['', OVERLAY_DEFAULTS],
    ['?position=top-right', { ...OVERLAY_DEFAULTS, position: 'top-right' }],
    ['?position=bottom', { ...OVERLAY_DEFAULTS, position: 'bottom' }],
    ['?position=bottom-left&scale=2&lang=en&goal=0', { position: 'bottom-left', scale: 2, lang: 'en', goal: false }],
    ['?scale=0.5', { ...OVERLAY_DEFAULTS, scale: 0.5 }],
    ['?scale=3', { ...OVERLAY_DEFAULTS, scale: 3 }],
    ['?scale=1.25', { ...OVERLAY_DEFAULTS, scale: 1.25 }],
    ['?lang=ru', { ...OVERLAY_DEFAULTS, lang: 'ru' }],
    ['?goal=1', { ...OVERLAY_DEFAULTS, goal: true }],
    ['?goal=off', { ...OVERLAY_DEFAULTS, goal: false }],
    ['?goal=false', { ...OVERLAY_DEFAULTS, goal: false }],
  ])('%s', (search, expected) => {
    expect(parseOverlayParams(search)).toEqual(expected);
  });

  // Whatever a streamer types, the page still draws: a bad value is the default, never an error.
  it.each([
    ['?position=middle', { position: 'top-left' }],
    ['?position=TOP-LEFT', { position: 'top-left' }],
    ['?position=', { position: 'top-left' }],
    ['?scale=0.4', { scale: 1 }],
    ['?scale=3.5', { scale: 1 }],
    ['?scale=abc', { scale: 1 }],
    ['?scale=', { scale: 1 }],
    ['?scale=Infinity', { scale: 1 }],
    ['?scale=1e400', { scale: 1 }],
    ['?scale=2px', { scale: 1 }],
    ['?lang=de', { lang: undefined }],
    ['?lang=', { lang: undefined }],
    ['?goal=maybe', { goal: true }],
    ['?position=top-right&position=bottom', { position: 'top-right' }],
  ])('%s falls back to the default', (search, expected) => {
    expect(parseOverlayParams(search)).toEqual({ ...OVERLAY_DEFAULTS, ...expected });
  });
});
