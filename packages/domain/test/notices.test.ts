import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffFacts, type FactEvent, type MatchFacts, matchFacts, type NoticeItem, UNTOLD } from '../src/notices.ts';

const live = (events: FactEvent[], over: Partial<Parameters<typeof matchFacts>[0]> = {}): MatchFacts =>
  matchFacts({ status: 'live', period: 'first_half', score: { home: 0, away: 0 }, events, lineups: [], ...over });
const goal = (id: number, minute: number, player?: string): FactEvent => ({
  id: String(id),
  type: 'goal',
  side: 'home',
  minute,
  ...(player ? { player } : {}),
});
const kinds = (items: NoticeItem[]) => items.map((i) => i.kind);

describe('match facts', () => {
  it('credits an own goal to the other side and counts a second yellow as a red card', () => {
    const f = live([
      { id: '1', type: 'own_goal', side: 'home', minute: 5, player: 'Petrov' },
      { id: '2', type: 'second_yellow', side: 'away', minute: 30 },
      { id: '3', type: 'yellow_card', side: 'away', minute: 31 },
      { id: '4', type: 'red_card', side: 'home', minute: 40, player: 'Sidorov' },
      { id: '5', type: 'substitution', side: 'home', minute: 41 },
    ]);
    expect(f.goals).toEqual([{ eventId: '1', side: 'away', minute: 5, scorer: 'Petrov', type: 'own_goal' }]);
    expect(f.reds.map((r) => [r.eventId, r.side])).toEqual([
      ['2', 'away'],
      ['4', 'home'],
    ]);
  });

  it('keeps the period only while live', () => {
    expect(
      matchFacts({ status: 'finished', period: 'second_half', score: { home: 1, away: 0 }, events: [], lineups: [] })
        .period,
    ).toBe(undefined);
  });
});

describe('the diff told → now', () => {
  const cases: { name: string; told: MatchFacts; now: MatchFacts; items: string[]; removed: string[] }[] = [
    { name: 'kick-off', told: UNTOLD, now: live([]), items: ['kickoff'], removed: [] },
    {
      name: 'lineups published before kick-off',
      told: UNTOLD,
      now: matchFacts({ status: 'scheduled', score: { home: 0, away: 0 }, events: [], lineups: ['home'] }),
      items: ['lineups'],
      removed: [],
    },
    { name: 'a goal', told: live([]), now: live([goal(7, 12)]), items: ['goal'], removed: [] },
    {
      name: 'half time',
      told: live([goal(7, 12)]),
      now: live([goal(7, 12)], { period: 'half_time' }),
      items: ['half_time'],
      removed: [],
    },
    {
      name: 'full time with the scorers',
      told: live([goal(7, 12)], { period: 'second_half' }),
      now: matchFacts({ status: 'finished', score: { home: 1, away: 0 }, events: [goal(7, 12)], lineups: [] }),
      items: ['full_time'],
      removed: [],
    },
    { name: 'a told goal removed', told: live([goal(7, 12)]), now: live([]), items: [], removed: ['7'] },
    {
      name: 'a told goal given a scorer: corrected and told again',
      told: live([goal(7, 12)]),
      now: live([goal(7, 12, 'Ivanov')]),
      items: ['goal'],
      removed: ['7'],
    },
    { name: 'a statistics-only change', told: live([goal(7, 12)]), now: live([goal(7, 12)]), items: [], removed: [] },
  ];
  it.each(cases)('$name', ({ told, now, items, removed }) => {
    const d = diffFacts(told, now);
    expect(kinds(d.items)).toEqual(items);
    expect(d.removed.map((r) => r.eventId)).toEqual(removed);
  });

  it('tells nothing new of facts read back with their keys in another order', () => {
    const told = live([goal(7, 12, 'Ivanov')]);
    const reordered = JSON.parse(JSON.stringify(told), (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    ) as MatchFacts;
    expect(diffFacts(reordered, told)).toEqual({ items: [], removed: [] });
  });

  it('orders the goals of one window by minute', () => {
    const d = diffFacts(live([]), live([goal(9, 40), goal(8, 3)]));
    expect(d.items.map((i) => (i.kind === 'goal' ? i.minute : i.kind))).toEqual([3, 40]);
  });
});

/** A match's history as operations: a goal added (a fresh event id) or the n-th present goal removed. */
const operations = fc.array(
  fc.oneof(fc.record({ add: fc.integer({ min: 1, max: 120 }) }), fc.record({ remove: fc.nat() })),
  {
    maxLength: 30,
  },
);

function states(ops: ({ add: number } | { remove: number })[]): MatchFacts[] {
  let events: FactEvent[] = [];
  let next = 1;
  return ops.map((op) => {
    if ('add' in op) events = [...events, goal(next++, op.add)];
    else if (events.length) events = events.filter((_, i) => i !== op.remove % events.length);
    return live(events);
  });
}

describe('diff properties', () => {
  it('a state diffed with itself tells nothing', () => {
    fc.assert(
      fc.property(operations, (ops) => {
        for (const s of states(ops)) expect(diffFacts(s, s)).toEqual({ items: [], removed: [] });
      }),
    );
  });

  it('a goal added then removed inside one window tells nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), (minute) => {
        const before = live([goal(1, 5)]);
        expect(diffFacts(before, live([goal(1, 5)]))).toEqual({ items: [], removed: [] });
        expect(diffFacts(before, live([goal(1, 5), goal(2, minute)])).items).toHaveLength(1);
      }),
    );
  });

  it('however the states are cut into windows, every surviving goal is told once and every told, removed one corrected once', () => {
    fc.assert(
      fc.property(operations, fc.array(fc.boolean(), { maxLength: 30 }), (ops, cuts) => {
        const all = states(ops);
        const closes = all.filter((_, i) => cuts[i] || i === all.length - 1);
        const told = new Map<string, number>();
        const corrected = new Map<string, number>();
        let last = live([]);
        for (const now of closes) {
          const d = diffFacts(last, now);
          for (const i of d.items) if (i.kind === 'goal') told.set(i.eventId, (told.get(i.eventId) ?? 0) + 1);
          for (const r of d.removed) corrected.set(r.eventId, (corrected.get(r.eventId) ?? 0) + 1);
          last = now;
        }
        const surviving = new Set(last.goals.map((g) => g.eventId));
        for (const id of surviving) expect(told.get(id)).toBe(1);
        for (const [id, n] of told) if (!surviving.has(id)) expect([n, corrected.get(id)]).toEqual([1, 1]);
      }),
    );
  });
});
