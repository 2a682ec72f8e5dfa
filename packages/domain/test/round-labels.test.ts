import { describe, expect, it } from 'vitest';
import { knockoutRoundLabel, labelLanguageOf, roundLabel, tableRoundLabel } from '../src/index.ts';

describe('round names', () => {
  it.each([
    [2, 'Final', 'Финал'],
    [4, 'Semi-finals', '1/2 финала'],
    [8, 'Quarter-finals', '1/4 финала'],
    [16, 'Round of 16', '1/8 финала'],
    [64, 'Round of 64', '1/32 финала'],
  ])('a knockout round of %i clubs is "%s" / "%s"', (clubs, en, ru) => {
    expect(knockoutRoundLabel(clubs, 'en')).toBe(en);
    expect(knockoutRoundLabel(clubs, 'ru')).toBe(ru);
  });

  it.each([
    ['league', 3, 'en', 'Round 3'],
    ['group', 3, 'en', 'Matchday 3'],
    ['league', 12, 'ru', 'Тур 12'],
    ['group', 1, 'ru', 'Тур 1'],
  ] as const)('table round: %s %i in %s is "%s"', (stage, n, language, label) => {
    expect(tableRoundLabel(stage, n, language)).toBe(label);
  });
});

describe('roundLabel: a round as data, named in the reader’s language', () => {
  it.each([
    [{ stage: 'league', number: 4 }, 'Round 4', 'Тур 4'],
    [{ stage: 'group', number: 2 }, 'Matchday 2', 'Тур 2'],
    [{ stage: 'playoff', number: 8 }, 'Quarter-finals', '1/4 финала'],
    [{ stage: 'playoff', number: 2 }, 'Final', 'Финал'],
    [{ stage: 'playoff', number: 4, customLabel: null }, 'Semi-finals', '1/2 финала'],
    [{ stage: 'playoff', number: 2, customLabel: 'Суперфинал' }, 'Суперфинал', 'Суперфинал'],
    [{ stage: 'league', number: 1, customLabel: '' }, 'Round 1', 'Тур 1'],
  ] as const)('%j → "%s" / "%s"', (round, en, ru) => {
    expect(roundLabel(round, 'en')).toBe(en);
    expect(roundLabel(round, 'ru')).toBe(ru);
  });

  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['EN', 'en'],
    ['ru', 'ru'],
    ['ru-RU', 'ru'],
    ['de', 'ru'],
  ] as const)('UI language %s names rounds in %s', (tag, want) => {
    expect(labelLanguageOf(tag)).toBe(want);
  });
});
