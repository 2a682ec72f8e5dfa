import type { TieBreakerName } from '@touchline/contract';
import { TIE_BREAKERS } from '@touchline/contract/constants';

export { TIE_BREAKERS };

/** The list with the item at `index` moved by `delta` places; unchanged when that would leave the list. */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item!);
  return out;
}

/** The tie-breakers not yet in the list, in the default order: what the "add" picker offers. */
export const unusedTieBreakers = (list: readonly TieBreakerName[]) => TIE_BREAKERS.filter((b) => !list.includes(b));
