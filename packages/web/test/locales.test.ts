import { describe, expect, it } from 'vitest';
import { en } from '../src/lib/locales/en.ts';
import { ru } from '../src/lib/locales/ru.ts';

/** Every key path, with plural suffixes folded, since Russian has more plural forms than English. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object'
      ? keys(v as object, `${prefix}${k}.`)
      : [`${prefix}${k.replace(/_(one|few|many|other)$/, '')}`],
  );
}

describe('locales', () => {
  it('Russian and English have the same keys', () => {
    expect([...new Set(keys(en))].sort()).toEqual([...new Set(keys(ru))].sort());
  });
});
