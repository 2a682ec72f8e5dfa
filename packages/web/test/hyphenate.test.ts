import { describe, expect, it } from 'vitest';
import ru from 'hyphen/ru';
import en from 'hyphen/en-us';
import { hyphenateName, nameLanguage } from '../src/lib/hyphenate.ts';

const h = { ru: ru.hyphenateSync, en: en.hyphenateSync };
const shown = (name: string) => hyphenateName(h, name).replaceAll('\u00ad', '|');

describe('hyphenateName', () => {
  it.each([
    ['Спартак-Авангард Нижний Новгород', 'Спар|так-Аван|гард Ниж|ний Нов|го|род'],
    ['Металлург Верхнеуральского района', 'Ме|тал|лург Верх|не|ураль|ско|го рай|о|на'],
    ['Wolverhampton Wanderers', 'Wolver|hamp|ton Wan|der|ers'],
    // Each word by its own script's patterns.
    ['Wolverhampton Спартак', 'Wolver|hamp|ton Спар|так'],
    ['Олимп', 'Олимп'],
  ])('%s → %s', (name, expected) => {
    expect(shown(name)).toBe(expected);
  });

  it('changes nothing but soft hyphens', () => {
    const name = 'Академия футбола имени Константина Бескова';
    expect(hyphenateName(h, name).replaceAll('\u00ad', '')).toBe(name);
  });

  it('names the language by the letters', () => {
    expect(nameLanguage('Торпедо-Речник')).toBe('ru');
    expect(nameLanguage('Arsenal')).toBe('en');
  });
});
