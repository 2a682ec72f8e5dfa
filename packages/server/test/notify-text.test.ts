import { describe, expect, it } from 'vitest';
import type { Notice } from '../src/notify/deliver.ts';
import { renderNotice } from '../src/notify/text.ts';

const match = {
  home: 'Spartak',
  away: 'Zenit',
  competition: 'League',
  kickoffAt: '2026-12-07T16:00:00.000Z',
  score: { home: 2, away: 1 },
};
const notice = (items: Notice['items'], over: Partial<Notice['match']> = {}): Notice => ({
  matchId: '12',
  match: { ...match, ...over },
  items,
});
const ALL = ['kickoff', 'goal', 'red_card', 'half_time', 'full_time', 'lineups', 'reminder'];

describe('notice text', () => {
  it('names the scorer and the score after each goal of a window', () => {
    const text = renderNotice(
      notice([
        { kind: 'goal', eventId: '1', side: 'home', minute: 10, scorer: 'Ivanov', type: 'goal' },
        { kind: 'goal', eventId: '2', side: 'away', minute: 20, scorer: 'Petrov', type: 'own_goal' },
        { kind: 'goal', eventId: '3', side: 'home', minute: 30, type: 'penalty_goal' },
      ]),
      'en',
      ALL,
    );
    expect(text).toEqual({
      title: 'Spartak — Zenit',
      lines: [
        "⚽ 10' Goal! Spartak: Ivanov — 1:0",
        "⚽ 20' Goal! Zenit: Petrov (o.g.) — 1:1",
        "⚽ 30' Goal! Spartak (pen.) — 2:1",
      ],
    });
  });

  it('tells the result and the scorers at full time, in Russian too', () => {
    const items: Notice['items'] = [
      { kind: 'full_time', scorers: [{ side: 'home', minute: 10, name: 'Иванов', type: 'goal' }] },
    ];
    expect(renderNotice(notice(items, { shootout: { home: 4, away: 3 } }), 'ru', ALL)!.lines).toEqual([
      "Матч окончен: Spartak 2:1 Zenit (пенальти 4:3)\nГолы: Иванов 10'",
    ]);
  });

  it('keeps only the kinds the recipient chose, and is null when none is left', () => {
    const items: Notice['items'] = [{ kind: 'lineups' }, { kind: 'kickoff' }];
    expect(renderNotice(notice(items), 'en', ['kickoff'])!.lines).toEqual(['Kick-off']);
    expect(renderNotice(notice(items), 'en', ['goal'])).toBe(null);
  });

  it('a correction names what was ruled out and the score now', () => {
    const items: Notice['items'] = [
      {
        kind: 'correction',
        removed: [
          { kind: 'goal', eventId: '1', minute: 10, side: 'home' },
          { kind: 'red_card', eventId: '5', minute: 40, side: 'away' },
        ],
      },
    ];
    expect(renderNotice(notice(items, { score: { home: 1, away: 1 } }), 'en', ['goal'])!.lines).toEqual([
      "Correction: 10' Spartak — goal ruled out. Score 1:1",
    ]);
  });
});
