import { describe, expect, it } from 'vitest';
import { seasonViews } from '../src/season-views.ts';

describe('seasonViews', () => {
  it.each([
    ['round_robin', { table: true, bracket: false }],
    ['double_round_robin', { table: true, bracket: false }],
    ['round_robin_playoff', { table: true, bracket: true }],
    ['groups_knockout', { table: true, bracket: true }],
    ['knockout', { table: false, bracket: true }],
  ] as const)('%s shows %j', (format, views) => {
    expect(seasonViews(format)).toEqual(views);
  });
});
