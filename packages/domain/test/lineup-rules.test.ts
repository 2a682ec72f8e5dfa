import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultLineupRules, isGoalkeeper, lineupProblems, type LineupPick, type LineupProblem } from '../src/index.ts';
import type { LineupRules } from '@touchline/contract';

const starters = (n: number, keeper = true): LineupPick[] =>
  Array.from({ length: n }, (_, i) => ({ role: 'starter', position: i === 0 && keeper ? 'GK' : 'MF' }));
const subs = (n: number): LineupPick[] => Array.from({ length: n }, () => ({ role: 'substitute', position: 'DF' }));
const sevens: LineupRules = { lineupStarters: 7, lineupRequiresGoalkeeper: false, lineupMaxSubstitutes: 5 };

describe('lineupProblems', () => {
  const rows: [string, LineupPick[], LineupProblem[], LineupRules?][] = [
    ['eleven starters with a goalkeeper and five substitutes', [...starters(11), ...subs(5)], []],
    ['an empty lineup withdraws it, so it breaks no rule', [], []],
    ['sixteen starters', starters(16), [{ code: 'lineup_starters_count', expected: 11, actual: 16 }]],
    ['nine starters', starters(9), [{ code: 'lineup_starters_count', expected: 11, actual: 9 }]],
    ['no goalkeeper among the starters', starters(11, false), [{ code: 'lineup_goalkeeper_missing' }]],
    [
      'a goalkeeper on the bench does not count',
      [...starters(11, false), { role: 'substitute', position: 'GK' }],
      [{ code: 'lineup_goalkeeper_missing' }],
    ],
    [
      'thirteen substitutes',
      [...starters(11), ...subs(13)],
      [{ code: 'lineup_too_many_substitutes', max: 12, actual: 13 }],
    ],
    [
      'every rule broken at once, in a fixed order',
      [...starters(3, false), ...subs(13)],
      [
        { code: 'lineup_starters_count', expected: 11, actual: 3 },
        { code: 'lineup_goalkeeper_missing' },
        { code: 'lineup_too_many_substitutes', max: 12, actual: 13 },
      ],
    ],
    ['seven-a-side without a goalkeeper rule', [...starters(7, false), ...subs(5)], [], sevens],
    [
      'seven-a-side with six substitutes',
      [...starters(7), ...subs(6)],
      [{ code: 'lineup_too_many_substitutes', max: 5, actual: 6 }],
      sevens,
    ],
  ];
  it.each(rows)('%s', (_name, picks, problems, rules = defaultLineupRules) => {
    expect(lineupProblems(picks, rules)).toEqual(problems);
  });

  it('a lineup that keeps the rules breaks the count with one starter more or less', () => {
    const rules = fc.record({
      lineupStarters: fc.integer({ min: 1, max: 11 }),
      lineupRequiresGoalkeeper: fc.boolean(),
      lineupMaxSubstitutes: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(rules, fc.nat(20), fc.constantFrom(-1, 1), (r, bench, delta) => {
        const ok = [...starters(r.lineupStarters), ...subs(Math.min(bench, r.lineupMaxSubstitutes))];
        expect(lineupProblems(ok, r)).toEqual([]);
        const off = [...starters(r.lineupStarters + delta), ...subs(Math.min(bench, r.lineupMaxSubstitutes))];
        // One starter fewer of a one-starter game with no bench is the empty lineup, which withdraws it.
        if (off.length > 0) expect(lineupProblems(off, r).map((p) => p.code)).toContain('lineup_starters_count');
      }),
    );
  });
});

describe('isGoalkeeper', () => {
  it.each([
    ['GK', true],
    [' gk ', true],
    ['Goalkeeper', true],
    ['Вратарь', true],
    ['ВР', true],
    ['DF', false],
    ['', false],
    [null, false],
    [undefined, false],
  ])('%s → %s', (position, keeper) => {
    expect(isGoalkeeper(position)).toBe(keeper);
  });
});
