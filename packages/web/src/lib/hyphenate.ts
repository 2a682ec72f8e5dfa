import { useSyncExternalStore } from 'react';

/** Soft hyphens for one word by its language's patterns. */
export interface Hyphenators {
  ru: (word: string) => string;
  en: (word: string) => string;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

/** The language of a club's name, from its letters, whatever the screen's language: "Спартак" is Russian in `en` too. */
export const nameLanguage = (name: string): 'ru' | 'en' => (CYRILLIC.test(name) ? 'ru' : 'en');

/**
 * The name with soft hyphens where its language allows a break; each word by its own script, so a Latin word in a
 * Russian name follows the English patterns. Spaces and hard hyphens stay the first places to wrap.
 */
export const hyphenateName = (h: Hyphenators, name: string) =>
  name.replace(/\p{L}+/gu, (word) => (CYRILLIC.test(word) ? h.ru : h.en)(word));

/* The patterns (about 33 KB gzipped) load after the first paint; until then names show whole. */
let loaded: Hyphenators | undefined;
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();

export function loadHyphenators(): Promise<void> {
  loading ??= Promise.all([import('hyphen/ru'), import('hyphen/en-us')]).then(([ru, en]) => {
    loaded = { ru: ru.default.hyphenateSync, en: en.default.hyphenateSync };
    listeners.forEach((l) => l());
  });
  return loading;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  void loadHyphenators();
  return () => listeners.delete(listener);
}

/** The hyphenators once their patterns have loaded, else undefined. */
export const useHyphenators = () => useSyncExternalStore(subscribe, () => loaded);
