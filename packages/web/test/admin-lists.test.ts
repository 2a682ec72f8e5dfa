import { describe, expect, it } from 'vitest';
import { upsertById } from '../src/features/admin/lists.ts';

describe('an admin list after a save', () => {
  const olimp = { id: '1', name: 'Олимп' };
  const zarya = { id: '2', name: 'Заря' };

  it('puts a saved row in place of its old copy, keeping the order', () => {
    expect(upsertById([olimp, zarya], { id: '1', name: 'Олимп-2' })).toEqual([{ id: '1', name: 'Олимп-2' }, zarya]);
  });

  it('adds a new row at the end, also to a list not loaded yet', () => {
    expect(upsertById([olimp], zarya)).toEqual([olimp, zarya]);
    expect(upsertById(undefined, zarya)).toEqual([zarya]);
  });
});
