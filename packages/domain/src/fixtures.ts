export interface Pairing {
  home: string;
  away: string;
}

/**
 * Rounds of a round robin by the circle method: one club stays put while the others rotate. With an odd count a
 * "bye" takes the fixed place, so each round one club rests. Home and away alternate so that no club's home and
 * away counts differ by more than one; `double` adds the same rounds again with home and away swapped.
 */
export function roundRobin(clubIds: readonly string[], opts: { double?: boolean } = {}): Pairing[][] {
  if (clubIds.length < 2) return [];
  const circle: (string | null)[] = clubIds.length % 2 ? [null, ...clubIds] : [...clubIds];
  const n = circle.length;
  const rounds: Pairing[][] = [];
  for (let r = 0; r < n - 1; r++) {
    const round: Pairing[] = [];
    for (let i = 0; i < n / 2; i++) {
      const [top, bottom] = [circle[i]!, circle[n - 1 - i]!];
      if (top === null || bottom === null) continue;
      // The fixed club alternates by round; the rotating pairs alternate by table row.
      const topHome = i === 0 ? r % 2 === 0 : i % 2 === 1;
      round.push(topHome ? { home: top, away: bottom } : { home: bottom, away: top });
    }
    rounds.push(round);
    circle.splice(1, 0, circle.pop()!);
  }
  if (!opts.double) return rounds;
  return [...rounds, ...rounds.map((round) => round.map((p) => ({ home: p.away, away: p.home })))];
}

export interface BracketSlot {
  seedHome: number | null;
  seedAway: number | null;
  home: string | null;
  away: string | null;
  bye: boolean;
}

export interface BracketRound {
  round: number;
  /** Clubs the round starts with: its name as data (8 = quarter-finals, 2 = final). */
  clubs: number;
  ties: BracketSlot[];
}

/** Seeds in bracket order for a bracket of `size` (a power of two): 1, 16, 8, 9, 4, 13, … so 1 and 2 meet last. */
function seedOrder(size: number): number[] {
  let order = [1];
  while (order.length < size) {
    const next = order.length * 2 + 1;
    order = order.flatMap((s) => [s, next - s]);
  }
  return order;
}

const emptySlot = (): BracketSlot => ({ seedHome: null, seedAway: null, home: null, away: null, bye: false });

const roundsFor = (n: number) => (n < 2 ? 0 : Math.ceil(Math.log2(n)));

/**
 * A knockout bracket over clubs listed best seed first. Seeds missing from a full bracket are byes, so the top seeds
 * get them. Tie i of round r + 1 is played by the winners of ties 2i and 2i + 1 of round r; later rounds start empty.
 */
export function knockoutBracket(seeded: readonly string[]): BracketRound[] {
  const rounds = roundsFor(seeded.length);
  if (rounds === 0) return [];
  const order = seedOrder(2 ** rounds);
  const club = (seed: number) => seeded[seed - 1] ?? null;
  const first = Array.from({ length: order.length / 2 }, (_, i): BracketSlot => {
    const [seedHome, seedAway] = [order[2 * i]!, order[2 * i + 1]!];
    const bye = club(seedAway) === null;
    return { seedHome, seedAway: bye ? null : seedAway, home: club(seedHome), away: club(seedAway), bye };
  });
  return Array.from({ length: rounds }, (_, r) => {
    const ties = r === 0 ? first : Array.from({ length: first.length / 2 ** r }, () => emptySlot());
    return { round: r + 1, clubs: ties.length * 2, ties };
  });
}

/** Snake seeding: pot 1 fills the groups left to right, pot 2 right to left, and so on. */
export function drawGroups(seeded: readonly string[], groupCount: number): string[][] {
  if (!Number.isInteger(groupCount) || groupCount < 1) throw new RangeError('groupCount must be a positive integer');
  const groups: string[][] = Array.from({ length: groupCount }, () => []);
  seeded.forEach((club, i) => {
    const pot = Math.floor(i / groupCount);
    const col = i % groupCount;
    groups[pot % 2 === 0 ? col : groupCount - 1 - col]!.push(club);
  });
  return groups;
}

/** The round in which the clubs at two places of the bracket order can first meet (1 = first round). */
const meetingRound = (a: number, b: number) => Math.floor(Math.log2(a ^ b)) + 1;

const without = (xs: number[], x: number) => xs.filter((y) => y !== x);

/** Whether every club can take its own slot scoring at least k (augmenting paths). */
function canSeat(score: number[][], clubs: number[], slots: number[], k: number): boolean {
  const owner = new Map<number, number>();
  const seat = (club: number, tried: Set<number>): boolean =>
    slots.some((slot) => {
      if (score[club]![slot]! < k || tried.has(slot)) return false;
      tried.add(slot);
      const other = owner.get(slot);
      if (other !== undefined && !seat(other, tried)) return false;
      owner.set(slot, club);
      return true;
    });
  return clubs.every((club) => seat(club, new Set()));
}

/**
 * Seats clubs in slots (score[club][slot], higher is better): first the best worst case any seating can reach, then
 * slot by slot the best club that still leaves that worst case reachable. Returns the club of each slot.
 */
function seatTier(score: number[][]): number[] {
  const all = score.map((_, i) => i);
  const floors = [...new Set(score.flat())].sort((a, b) => b - a);
  const k = floors.find((f) => canSeat(score, all, all, f)) ?? -Infinity;
  let left = all;
  return all.map((slot) => {
    const ranked = [...left].sort((a, b) => score[b]![slot]! - score[a]![slot]! || a - b);
    const rest = all.slice(slot + 1);
    const fits = (c: number) => score[c]![slot]! >= k && canSeat(score, without(left, c), rest, k);
    const club = ranked.find(fits)!;
    left = without(left, club);
    return club;
  });
}

/**
 * A seeded list for knockoutBracket from final group tables: group winners first (in group order), then runners-up,
 * and so on. Each later place is seated so that its clubs meet clubs of their own group as late as the bracket
 * allows: winners meet runners-up of other groups, and two clubs of one group meet in the first round only when
 * nothing else is possible.
 */
export function knockoutFromGroups(groupTables: readonly (readonly string[])[], qualifiersPerGroup: number): string[] {
  const places = Array.from({ length: qualifiersPerGroup }, (_, place) =>
    groupTables.flatMap((table, group) => (table[place] === undefined ? [] : [{ club: table[place], group }])),
  );
  const order = seedOrder(2 ** roundsFor(places.flat().length));
  const position = new Map(order.map((seed, i) => [seed, i]));
  const placed: { group: number; at: number }[] = [];
  const seeded: string[] = [];
  for (const place of places) {
    const slots = place.map((_, i) => position.get(seeded.length + i + 1)!);
    // The earliest round each club could meet a club of its own group from each slot.
    const score = place.map((c) =>
      slots.map((at) =>
        Math.min(Infinity, ...placed.filter((p) => p.group === c.group).map((p) => meetingRound(at, p.at))),
      ),
    );
    seatTier(score).forEach((club, slot) => {
      placed.push({ group: place[club]!.group, at: slots[slot]! });
      seeded.push(place[club]!.club);
    });
  }
  return seeded;
}
