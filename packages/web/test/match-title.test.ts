import { describe, expect, it } from 'vitest';
import { matchTitle } from '../src/lib/match-title.ts';
import { snapshot } from './fixtures.ts';

describe('matchTitle', () => {
  const { match } = snapshot();
  it.each([
    ['live', { home: 2, away: 1 }, '2:1 Спартак-Авангард Нижний Новгород – Торпедо Лесной'],
    ['finished', { home: 0, away: 0 }, '0:0 Спартак-Авангард Нижний Новгород – Торпедо Лесной'],
    ['scheduled', { home: 0, away: 0 }, 'Спартак-Авангард Нижний Новгород – Торпедо Лесной'],
  ] as const)('%s %j → %s', (status, score, title) => {
    expect(matchTitle({ ...match, status, score })).toBe(title);
  });
});
