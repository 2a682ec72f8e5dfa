import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EventType, Side } from '@touchline/contract';
import { computeSuspensions, type DisciplineMatch, type DisciplineRules, type Suspension } from '../src/discipline.ts';

type Card = [EventType, Side, string | null];
/** Match `id` kicks off on day `id` of the season. */
const m = (home: string, away: string, cards: Card[], id: string): DisciplineMatch => ({
  matchId: id,
  kickoffAt: new Date(Date.UTC(2025, 0, 1) + Number(id) * 86_400_000).toISOString(),
  homeClubId: home,
  awayClubId: away,
  events: cards.map(([type, side, playerId]) => ({ type, side, playerId })),
});
const ban = (
  personId: string,
  clubId: string,
  reason: Suspension['reason'],
  sourceMatchId: string,
  matchesBanned: number,
  matchesRemaining: number,
): Suspension => ({ personId, clubId, reason, sourceMatchId, matchesBanned, matchesRemaining });

const y = (side: Side, p: string): Card => ['yellow_card', side, p];

describe('computeSuspensions', () => {
  const rows: [string, DisciplineMatch[], Suspension[], DisciplineRules?][] = [
    [
      'a red card bans for the next match',
      [m('A', 'B', [['red_card', 'home', 'p1']], '1')],
      [ban('p1', 'A', 'red_card', '1', 1, 1)],
    ],
    [
      'the ban is served in the club’s next finished match',
      [m('A', 'B', [['red_card', 'away', 'p1']], '1'), m('C', 'B', [], '2')],
      [ban('p1', 'B', 'red_card', '1', 1, 0)],
    ],
    [
      'matches of other clubs do not count down',
      [m('A', 'B', [['red_card', 'home', 'p1']], '1'), m('B', 'C', [], '2'), m('C', 'D', [], '3')],
      [ban('p1', 'A', 'red_card', '1', 1, 1)],
    ],
    [
      'a second yellow is a sending-off, banned once',
      [m('A', 'B', [y('home', 'p1'), ['second_yellow', 'home', 'p1']], '1')],
      [ban('p1', 'A', 'second_yellow', '1', 1, 1)],
    ],
    [
      'a straight red after a yellow is one sending-off',
      [m('A', 'B', [y('home', 'p1'), ['red_card', 'home', 'p1']], '1')],
      [ban('p1', 'A', 'red_card', '1', 1, 1)],
    ],
    [
      'every fourth yellow bans for one match',
      [
        m('A', 'B', [y('home', 'p1')], '1'),
        m('B', 'A', [y('away', 'p1')], '2'),
        m('A', 'C', [y('home', 'p1')], '3'),
        m('C', 'A', [y('away', 'p1')], '4'),
      ],
      [ban('p1', 'A', 'yellow_accumulation', '4', 1, 1)],
    ],
    [
      'the eighth yellow bans again',
      [
        m('A', 'B', [y('home', 'p1'), y('home', 'p1'), y('home', 'p1'), y('home', 'p1')], '1'),
        m('A', 'B', [y('home', 'p1'), y('home', 'p1'), y('home', 'p1')], '2'),
        m('A', 'B', [y('home', 'p1')], '3'),
      ],
      [ban('p1', 'A', 'yellow_accumulation', '1', 1, 0), ban('p1', 'A', 'yellow_accumulation', '3', 1, 1)],
    ],
    [
      'a second yellow counts towards the limit but reaching it earns no second ban',
      [
        m('A', 'B', [y('home', 'p1'), y('home', 'p1')], '1'),
        m('A', 'B', [y('home', 'p1'), ['second_yellow', 'home', 'p1']], '2'),
        m('A', 'B', [y('home', 'p1')], '3'),
      ],
      [ban('p1', 'A', 'second_yellow', '2', 1, 0)],
    ],
    [
      'a fourth plain yellow and a red in one match are two bans, served one after the other',
      [
        m('A', 'B', [y('home', 'p1'), y('home', 'p1'), y('home', 'p1')], '1'),
        m('A', 'B', [y('home', 'p1'), ['red_card', 'home', 'p1']], '2'),
        m('A', 'B', [], '3'),
      ],
      [ban('p1', 'A', 'red_card', '2', 1, 0), ban('p1', 'A', 'yellow_accumulation', '2', 1, 1)],
    ],
    [
      'events without a player are ignored',
      [m('A', 'B', [['red_card', 'home', null], y('away', ''), y('away', '')], '1')],
      [],
    ],
    [
      'configurable: a red bans for two, every second yellow bans',
      [m('A', 'B', [['red_card', 'home', 'p1'], y('away', 'p2'), y('away', 'p2')], '1'), m('A', 'C', [], '2')],
      [ban('p1', 'A', 'red_card', '1', 2, 1), ban('p2', 'B', 'yellow_accumulation', '1', 1, 1)],
      { redBan: 2, yellowLimit: 2 },
    ],
    [
      'a limit of 0 turns accumulation off, a red ban of 0 turns sending-off bans off',
      [m('A', 'B', [['red_card', 'home', 'p1'], y('away', 'p2')], '1')],
      [],
      { redBan: 0, yellowLimit: 0 },
    ],
    [
      'a ban stays with the club the player was sent off for',
      [m('A', 'B', [['red_card', 'home', 'p1']], '1'), m('C', 'D', [y('home', 'p1')], '2'), m('A', 'D', [], '3')],
      [ban('p1', 'A', 'red_card', '1', 1, 0)],
    ],
    [
      'matches are ordered by kick-off, then by id as a number',
      [
        { ...m('A', 'B', [['red_card', 'home', 'p1']], '10'), kickoffAt: '2025-03-01T15:00:00Z' },
        { ...m('A', 'B', [], '9'), kickoffAt: '2025-03-01T16:00:00+01:00' },
      ],
      [ban('p1', 'A', 'red_card', '10', 1, 1)],
    ],
  ];

  it.each(rows)('%s', (_name, matches, want, rules) => {
    expect(computeSuspensions(matches, rules)).toEqual(want);
  });

  it('does not depend on the order of matches or of events', () => {
    const card = fc.tuple(
      fc.constantFrom<EventType>('yellow_card', 'second_yellow', 'red_card', 'goal'),
      fc.constantFrom<Side>('home', 'away'),
      fc.constantFrom('p1', 'p2', 'p3', 'p4', null),
    );
    const match = fc.record({
      clubs: fc.constantFrom(['A', 'B'], ['B', 'A'], ['A', 'C'], ['C', 'B']),
      cards: fc.array(card, { maxLength: 6 }),
    });
    const season = fc
      .array(match, { maxLength: 12 })
      .map((xs) => xs.map((x, i) => m(x.clubs[0]!, x.clubs[1]!, x.cards, `${i + 1}`)));
    const seasonAndShuffle = season.chain((ms) =>
      fc.tuple(fc.constant(ms), fc.shuffledSubarray(ms, { minLength: ms.length, maxLength: ms.length })),
    );
    fc.assert(
      fc.property(seasonAndShuffle, ([matches, shuffled]) => {
        const reordered = shuffled.map((x) => ({ ...x, events: [...x.events].reverse() }));
        const want = computeSuspensions(matches);
        expect(computeSuspensions(reordered)).toEqual(want);
        for (const s of want) expect(s.matchesRemaining).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('comments in the discipline', () => {
  it('a comment naming a player never books nor bans him, whatever the log around it', () => {
    const card = fc.tuple(
      fc.constantFrom<EventType>('yellow_card', 'second_yellow', 'red_card'),
      fc.constantFrom<Side>('home', 'away'),
      fc.constantFrom('p1', 'p2'),
    );
    const comment = fc.tuple(
      fc.constant<EventType>('comment'),
      fc.constantFrom<Side>('home', 'away'),
      fc.constantFrom('p1', 'p2'),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(card, { maxLength: 4 }), fc.array(comment, { maxLength: 4 })), { maxLength: 6 }),
        (games) => {
          const plain = games.map(([cards], i) => m('A', 'B', cards, String(i + 1)));
          const commented = games.map(([cards, comments], i) =>
            m('A', 'B', [...comments, ...cards, ...comments], String(i + 1)),
          );
          expect(computeSuspensions(commented)).toEqual(computeSuspensions(plain));
        },
      ),
    );
  });
});
