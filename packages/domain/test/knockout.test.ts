import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Period, Side } from '@touchline/contract';
import {
  finishRefusal,
  type FinishRefusal,
  kickRefusal,
  type KickRefusal,
  type KnockoutRules,
  playOnRefusal,
  type PlayOnRefusal,
  type ShootoutCount,
  shootoutWinner,
  stageAfter,
  type Stage,
} from '../src/knockout.ts';

/** `so(3, 3, 0, 3)`: home scored 3 of 3 kicks, away 0 of 3. */
const so = (homeScored: number, homeTaken: number, awayScored: number, awayTaken: number): ShootoutCount => ({
  home: { scored: homeScored, taken: homeTaken },
  away: { scored: awayScored, taken: awayTaken },
});

describe('shootoutWinner: five kicks each, decided early once a side cannot catch up, then sudden death', () => {
  it.each<[string, ShootoutCount, Side | null]>([
    ['no kicks', so(0, 0, 0, 0), null],
    ['1:0 after the first kick', so(1, 1, 0, 0), null],
    ['1:0 after one kick each', so(1, 1, 0, 1), null],
    ['3:0 after three kicks each: the away side cannot catch up', so(3, 3, 0, 3), 'home'],
    ['3:0 with the away side’s third kick still due', so(3, 3, 0, 2), null],
    ['0:3 after three each, the other way round', so(0, 3, 3, 3), 'away'],
    ['4:2 after four each', so(4, 4, 2, 4), 'home'],
    ['3:2 after four each: one kick each left', so(3, 4, 2, 4), null],
    ['4:3 after four home kicks and five away: away has none left', so(4, 4, 3, 5), 'home'],
    ['5:3 after five home kicks and four away', so(5, 5, 3, 4), 'home'],
    ['5:4 after five each', so(5, 5, 4, 5), 'home'],
    ['4:4 after five each: sudden death', so(4, 5, 4, 5), null],
    ['sudden death: home scores the sixth, away still to kick', so(5, 6, 4, 5), null],
    ['sudden death: 5:4 after six each', so(5, 6, 4, 6), 'home'],
    ['sudden death: 6:6 after seven each', so(6, 7, 6, 7), null],
    ['sudden death: 6:7 after eight each', so(6, 8, 7, 8), 'away'],
  ])('%s', (_name, s, want) => {
    expect(shootoutWinner(s)).toBe(want);
  });

  /** The same rule said the slow way: decided when every way the kicks still due could go leaves one leader. */
  const bruteForce = (s: ShootoutCount): Side | null => {
    const end = Math.max(5, s.home.taken, s.away.taken);
    const leaders = new Set<Side | null>();
    for (let h = 0; h <= end - s.home.taken; h++)
      for (let a = 0; a <= end - s.away.taken; a++) {
        const [home, away] = [s.home.scored + h, s.away.scored + a];
        leaders.add(home > away ? 'home' : away > home ? 'away' : null);
      }
    const [only] = leaders;
    return leaders.size === 1 && only !== undefined ? only : null;
  };

  it('agrees with trying every outcome of the kicks due, over any alternating shootout', () => {
    const shootout = fc.record({
      first: fc.constantFrom<Side>('home', 'away'),
      kicks: fc.array(fc.boolean(), { maxLength: 24 }),
    });
    fc.assert(
      fc.property(shootout, ({ first, kicks }) => {
        const s = so(0, 0, 0, 0);
        let side = first;
        for (const scored of kicks) {
          if (kickRefusal(s, side)) break;
          s[side] = { taken: s[side].taken + 1, scored: s[side].scored + (scored ? 1 : 0) };
          side = side === 'home' ? 'away' : 'home';
          expect(shootoutWinner(s)).toBe(bruteForce(s));
        }
      }),
    );
  });
});

describe('kickRefusal', () => {
  it.each<[string, ShootoutCount, Side, KickRefusal | null]>([
    ['the first kick', so(0, 0, 0, 0), 'away', null],
    ['the reply', so(1, 1, 0, 0), 'away', null],
    ['a second kick in a row', so(1, 1, 0, 0), 'home', 'shootout_out_of_turn'],
    ['a kick after 3:0 in three each', so(3, 3, 0, 3), 'home', 'shootout_decided'],
    ['a kick after 5:4 in five each', so(5, 5, 4, 5), 'away', 'shootout_decided'],
    ['sudden death goes on at 4:4', so(4, 5, 4, 5), 'away', null],
  ])('%s', (_name, s, side, want) => {
    expect(kickRefusal(s, side)).toBe(want);
  });
});

const single: KnockoutRules = { extraTime: false, awayGoals: false };
const withExtraTime: KnockoutRules = { extraTime: true, awayGoals: false };
/** A second leg after a 2:1 first leg at the other ground. */
const secondLeg = (awayGoals: boolean, extraTime = false): KnockoutRules => ({
  extraTime,
  awayGoals,
  firstLeg: { home: 2, away: 1 },
});
const score = (home: number, away: number) => ({ home, away });

describe('stageAfter: what follows the end of play', () => {
  it.each<[string, KnockoutRules | undefined, Period, { home: number; away: number }, Stage]>([
    ['a league match level', undefined, 'second_half', score(0, 0), 'full_time'],
    ['a cup match won', single, 'second_half', score(2, 1), 'full_time'],
    ['a cup match level, no extra time', single, 'second_half', score(0, 0), 'penalties'],
    ['a cup match level, extra time played', withExtraTime, 'second_half', score(1, 1), 'extra_time'],
    ['level after extra time', withExtraTime, 'extra_time_second', score(1, 1), 'penalties'],
    ['won in extra time', withExtraTime, 'extra_time_second', score(2, 1), 'full_time'],
    ['second leg won on the day, level on aggregate', secondLeg(false), 'second_half', score(1, 0), 'penalties'],
    ['second leg level on aggregate, away goals decide', secondLeg(true), 'second_half', score(1, 0), 'full_time'],
    [
      'second leg level on aggregate and on away goals',
      secondLeg(true, true),
      'second_half',
      score(2, 1),
      'extra_time',
    ],
    ['second leg 1:1: behind on aggregate', secondLeg(false), 'second_half', score(1, 1), 'full_time'],
  ])('%s', (_name, rules, period, s, want) => {
    expect(stageAfter({ rules, period, score: s })).toBe(want);
  });
});

describe('playOnRefusal: extra time and penalties only when the rules send the match there', () => {
  it.each<[string, KnockoutRules | undefined, Period, { home: number; away: number }, Period, PlayOnRefusal | null]>([
    [
      'extra time in a league match',
      undefined,
      'second_half',
      score(0, 0),
      'extra_time_first',
      'extra_time_not_available',
    ],
    [
      'extra time where the cup does not play it',
      single,
      'second_half',
      score(0, 0),
      'extra_time_first',
      'extra_time_not_available',
    ],
    ['extra time at 0:0', withExtraTime, 'second_half', score(0, 0), 'extra_time_first', null],
    ['extra time at 1:0', withExtraTime, 'second_half', score(1, 0), 'extra_time_first', 'extra_time_requires_draw'],
    ['penalties straight after the second half, no extra time', single, 'second_half', score(0, 0), 'penalties', null],
    [
      'penalties before extra time that is played',
      withExtraTime,
      'second_half',
      score(0, 0),
      'penalties',
      'extra_time_required',
    ],
    ['penalties after extra time', withExtraTime, 'extra_time_second', score(0, 0), 'penalties', null],
    ['penalties at 1:0', single, 'second_half', score(1, 0), 'penalties', 'penalty_requires_draw'],
    ['penalties in a league match', undefined, 'second_half', score(0, 0), 'penalties', 'penalty_not_available'],
    [
      'second leg: away goals already decide',
      secondLeg(true),
      'second_half',
      score(1, 0),
      'penalties',
      'penalty_requires_draw',
    ],
    [
      'second leg: level on aggregate without the rule',
      secondLeg(false),
      'second_half',
      score(1, 0),
      'penalties',
      null,
    ],
    ['half time is not the rules’ business', single, 'first_half', score(0, 0), 'half_time', null],
  ])('%s', (_name, rules, period, s, to, want) => {
    expect(playOnRefusal({ rules, period, score: s, live: true }, to)).toBe(want);
  });
});

describe('finishRefusal: a deciding match finishes only with its tie decided', () => {
  const none = so(0, 0, 0, 0);
  it.each<
    [string, KnockoutRules | undefined, Period, { home: number; away: number }, ShootoutCount, FinishRefusal | null]
  >([
    ['a league match at 0:0', undefined, 'second_half', score(0, 0), none, null],
    ['a cup match at 0:0', single, 'second_half', score(0, 0), none, 'tie_undecided'],
    ['a cup match at 1:0', single, 'second_half', score(1, 0), none, null],
    ['level after extra time', withExtraTime, 'extra_time_second', score(2, 2), none, 'tie_undecided'],
    ['won in extra time', withExtraTime, 'extra_time_second', score(3, 2), none, null],
    ['second leg level on aggregate', secondLeg(false), 'second_half', score(1, 0), none, 'tie_undecided'],
    ['second leg decided on away goals', secondLeg(true), 'second_half', score(1, 0), none, null],
    ['a shootout 1:0 after the first kick', single, 'penalties', score(0, 0), so(1, 1, 0, 0), 'shootout_undecided'],
    ['a shootout level at 1:1', single, 'penalties', score(0, 0), so(1, 1, 1, 1), 'shootout_level'],
    ['a shootout 3:0 after three each', single, 'penalties', score(0, 0), so(3, 3, 0, 3), null],
    ['a shootout 5:4 after five each', single, 'penalties', score(0, 0), so(5, 5, 4, 5), null],
    ['a shootout in sudden death at 5:5', single, 'penalties', score(0, 0), so(5, 6, 5, 6), 'shootout_level'],
  ])('%s', (_name, rules, period, s, shootout, want) => {
    expect(finishRefusal({ rules, period, score: s, shootout })).toBe(want);
  });
});
