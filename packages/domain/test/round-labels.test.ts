import { describe, expect, it } from 'vitest';
import { knockoutBracket, knockoutRoundLabel, tableRoundLabel } from '../src/index.ts';

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

  it('names a bracket in the language asked for', () => {
    const clubs = ['a', 'b', 'c', 'd', 'e'];
    expect(knockoutBracket(clubs, 'ru').map((r) => r.label)).toEqual(['1/4 финала', '1/2 финала', 'Финал']);
    expect(knockoutBracket(clubs).map((r) => r.label)).toEqual(['Quarter-finals', 'Semi-finals', 'Final']);
  });
});
