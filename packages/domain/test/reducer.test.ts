import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventType, type Side } from '@touchline/contract';
import {
  applyEvent,
  emptyTally,
  reduceEvents,
  scoreOf,
  shootoutOf,
  type MatchTally,
  type ReducibleEvent,
} from '../src/reducer.ts';

const ev = (type: EventType, side: Side, scored?: boolean): ReducibleEvent => ({ type, side, scored });

describe('reduceEvents', () => {
  it.each<[string, ReducibleEvent[], { home: number; away: number }]>([
    ['no events, no goals', [], { home: 0, away: 0 }],
    [
      'a goal and a penalty goal count for their side',
      [ev('goal', 'home'), ev('penalty_goal', 'away')],
      { home: 1, away: 1 },
    ],
    ['an own goal counts for the other side', [ev('own_goal', 'home'), ev('own_goal', 'home')], { home: 0, away: 2 }],
    ['a missed penalty is no goal', [ev('penalty_missed', 'away')], { home: 0, away: 0 }],
    ['shootout kicks are not goals', [ev('shootout_kick', 'home', true)], { home: 0, away: 0 }],
  ])('score: %s', (_name, events, score) => {
    expect(scoreOf(reduceEvents(events))).toEqual(score);
  });

  it.each<[string, ReducibleEvent[], number, number]>([
    ['a yellow', [ev('yellow_card', 'home')], 1, 0],
    ['a red', [ev('red_card', 'home')], 0, 1],
    ['a second yellow is a yellow and a red', [ev('yellow_card', 'home'), ev('second_yellow', 'home')], 2, 1],
    ['substitutions carry no cards', [ev('substitution', 'home')], 0, 0],
  ])('cards: %s', (_name, events, yellow, red) => {
    const t = reduceEvents(events);
    expect([t.home.yellowCards, t.home.redCards]).toEqual([yellow, red]);
    expect([t.away.yellowCards, t.away.redCards]).toEqual([0, 0]);
  });

  it.each<[string, ReducibleEvent[], { home: number; away: number } | undefined]>([
    ['no kicks, no shootout', [ev('goal', 'home')], undefined],
    ['a missed first kick is a shootout at 0:0', [ev('shootout_kick', 'home', false)], { home: 0, away: 0 }],
    [
      'scored and missed kicks',
      [
        ev('shootout_kick', 'home', true),
        ev('shootout_kick', 'away', false),
        ev('shootout_kick', 'home', true),
        ev('shootout_kick', 'away', true),
      ],
      { home: 2, away: 1 },
    ],
    [
      'a kick with no outcome counts as missed',
      [{ type: 'shootout_kick', side: 'away', scored: null }],
      { home: 0, away: 0 },
    ],
  ])('shootout: %s', (_name, events, shootout) => {
    expect(shootoutOf(reduceEvents(events))).toEqual(shootout);
  });

  it('counts kicks taken', () => {
    const t = reduceEvents([ev('shootout_kick', 'home', true), ev('shootout_kick', 'home', false)]);
    expect(t.home).toMatchObject({ shootout: 1, shootoutKicks: 2 });
  });

  it('does not change the tally it is given', () => {
    const before = emptyTally();
    applyEvent(before, ev('goal', 'home'));
    expect(before).toEqual(emptyTally());
  });
});

/** The tally worked out independently, by counting events, rather than by applying effects. */
function countTally(events: readonly ReducibleEvent[]): MatchTally {
  const count = (pred: (e: ReducibleEvent) => boolean) => events.filter(pred).length;
  const side = (s: Side) => ({
    goals: count(
      (e) =>
        (e.side === s && (e.type === 'goal' || e.type === 'penalty_goal')) || (e.side !== s && e.type === 'own_goal'),
    ),
    shootout: count((e) => e.side === s && e.type === 'shootout_kick' && e.scored === true),
    shootoutKicks: count((e) => e.side === s && e.type === 'shootout_kick'),
    yellowCards: count((e) => e.side === s && (e.type === 'yellow_card' || e.type === 'second_yellow')),
    redCards: count((e) => e.side === s && (e.type === 'red_card' || e.type === 'second_yellow')),
  });
  return { home: side('home'), away: side('away') };
}

const minus = (a: MatchTally, b: MatchTally): MatchTally => {
  const side = (x: MatchTally['home'], y: MatchTally['home']) => ({
    goals: x.goals - y.goals,
    shootout: x.shootout - y.shootout,
    shootoutKicks: x.shootoutKicks - y.shootoutKicks,
    yellowCards: x.yellowCards - y.yellowCards,
    redCards: x.redCards - y.redCards,
  });
  return { home: side(a.home, b.home), away: side(a.away, b.away) };
};

const event: fc.Arbitrary<ReducibleEvent> = fc.record({
  type: fc.constantFrom(...EventType.options),
  side: fc.constantFrom<Side>('home', 'away'),
  scored: fc.constantFrom(true, false, null, undefined),
});

describe('reducer properties', () => {
  it('applying events one by one equals reducing the whole log, and matches a plain count', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (log) => {
        let tally = emptyTally();
        for (const e of log) tally = applyEvent(tally, e);
        expect(tally).toEqual(reduceEvents(log));
        expect(reduceEvents(log)).toEqual(countTally(log));
      }),
    );
  });

  it('deleting an event takes away exactly that event’s effect', () => {
    const logAndIndex = fc
      .array(event, { minLength: 1, maxLength: 40 })
      .chain((log) => fc.tuple(fc.constant(log), fc.nat(log.length - 1)));
    fc.assert(
      fc.property(logAndIndex, ([log, i]) => {
        const deleted = log.filter((_, j) => j !== i);
        expect(reduceEvents(deleted)).toEqual(minus(reduceEvents(log), countTally([log[i]!])));
      }),
    );
  });
});

describe('comments (docs/rules.md §1.1)', () => {
  const comment: fc.Arbitrary<ReducibleEvent> = fc.record({
    type: fc.constant<EventType>('comment'),
    side: fc.constantFrom<Side>('home', 'away'),
    scored: fc.constantFrom(true, false, null, undefined),
  });
  /** The log with comments put in anywhere, its own events kept in order. */
  const withComments = fc
    .tuple(fc.array(event, { maxLength: 30 }), fc.array(fc.tuple(fc.nat(), comment), { maxLength: 10 }))
    .map(([log, inserts]) => {
      const out = [...log];
      for (const [at, c] of inserts) out.splice(at % (out.length + 1), 0, c);
      return [log, out] as const;
    });

  it('adding comments anywhere never changes the score, the shootout or the cards', () => {
    fc.assert(
      fc.property(withComments, ([log, commented]) => {
        expect(reduceEvents(commented)).toEqual(reduceEvents(log));
      }),
    );
  });
});
