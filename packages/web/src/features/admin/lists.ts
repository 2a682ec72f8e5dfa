/** A list after a save: `item` in place of the row with its id, or added at the end when the list has none. */
export function upsertById<T extends { id: string }>(list: readonly T[] | undefined, item: T): T[] {
  if (!list?.some((x) => x.id === item.id)) return [...(list ?? []), item];
  return list.map((x) => (x.id === item.id ? item : x));
}
