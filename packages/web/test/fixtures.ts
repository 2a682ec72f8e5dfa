import type { MatchEvent, MatchSnapshot, PatchFrame, Stats } from '@touchline/contract';

export const zeroStats = (): Stats => ({
  shots: 0,
  shots_on_target: 0,
  corners: 0,
  fouls: 0,
  offsides: 0,
  saves: 0,
  yellow_cards: 0,
  red_cards: 0,
});

export function snapshot(over: Partial<MatchSnapshot> = {}): MatchSnapshot {
  return {
    epoch: 'e1',
    seq: 5,
    match: {
      id: '7',
      seasonId: '1',
      competition: { id: '1', name: 'Лига', type: 'league' },
      kickoffAt: '2025-11-25T15:00:00.000Z',
      status: 'live',
      period: 'first_half',
      homeClub: { id: '1', name: 'Спартак-Авангард Нижний Новгород', shortName: 'САВ' },
      awayClub: { id: '2', name: 'Торпедо Лесной', shortName: 'ТОР' },
      score: { home: 0, away: 0 },
      penaltiesAllowed: false,
    },
    events: [],
    stats: { home: zeroStats(), away: zeroStats() },
    lineups: {
      home: [{ playerId: '11', firstName: 'Иван', lastName: 'Петров', shirtNumber: 9, role: 'starter' }],
      away: [{ playerId: '21', firstName: 'Олег', lastName: 'Сидоров', shirtNumber: 10, role: 'starter' }],
    },
    ...over,
  };
}

export function event(over: Partial<MatchEvent> = {}): MatchEvent {
  return {
    id: '100',
    type: 'goal',
    side: 'home',
    minute: 12,
    playerId: '11',
    createdAt: '2025-11-25T15:12:00.000Z',
    createdBy: '3',
    ...over,
  };
}

export const patch = (seq: number, changes: PatchFrame['changes'], over: Partial<PatchFrame> = {}): PatchFrame => ({
  type: 'patch',
  topic: 'match:7',
  epoch: 'e1',
  seq,
  changes,
  ...over,
});
