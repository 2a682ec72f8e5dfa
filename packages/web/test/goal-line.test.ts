import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { goalLine } from '../src/lib/goal-line.ts';
import { event, snapshot } from './fixtures.ts';

const t = ((key: string, values?: object) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;

describe('goalLine', () => {
  it('names the minute, the scorer from the lineup and the club that scored', () => {
    const goal = event({ id: '1', type: 'goal', side: 'home', minute: 37, playerId: '11' });
    expect(goalLine(t, snapshot({ events: [goal] }), goal)).toBe(
      `fanPages.goal ${JSON.stringify({ minute: "37'", scorer: '#9 Иван Петров', club: 'Спартак-Авангард Нижний Новгород' })}`,
    );
  });

  it('credits an own goal to the other club, and says it was one', () => {
    const own = event({ id: '2', type: 'own_goal', side: 'away', minute: 45, addedTime: 2, playerId: '21' });
    expect(goalLine(t, snapshot({ events: [own] }), own)).toBe(
      `fanPages.goal ${JSON.stringify({ minute: "45+2'", scorer: '#10 Олег Сидоров (event.own_goal)', club: 'Спартак-Авангард Нижний Новгород' })}`,
    );
  });

  it('says what kind of goal it was when the scorer is not known', () => {
    const penalty = event({ id: '3', type: 'penalty_goal', side: 'away', minute: 80 });
    expect(goalLine(t, snapshot({ events: [penalty] }), penalty)).toBe(
      `fanPages.goal ${JSON.stringify({ minute: "80'", scorer: 'event.penalty_goal', club: 'Торпедо Лесной' })}`,
    );
  });
});
