import type { Period, Side } from '@touchline/contract';
import type { MatchTally } from './reducer.ts';
import { shootoutRefusal, type ShootoutRefusal } from './shootout.ts';
import { decidingScore, type TieGame } from './ties.ts';

/** Kicks each side has taken in a shootout, and how many went in. */
export interface KickCount {
  taken: number;
  scored: number;
}
export type ShootoutCount = Record<Side, KickCount>;

/** Kicks per side before sudden death (Laws of the Game, law 10). */
export const SHOOTOUT_ROUND = 5;

/**
 * The side that has won the shootout, or null while it can still go either way: during the first five kicks
 * a side wins once the other cannot catch up with the kicks it has left; after them, when a pair of kicks
 * ends with one side ahead.
 */
export function shootoutWinner(s: ShootoutCount): Side | null {
  const end = Math.max(SHOOTOUT_ROUND, s.home.taken, s.away.taken);
  if (s.home.scored > s.away.scored + (end - s.away.taken)) return 'home';
  if (s.away.scored > s.home.scored + (end - s.home.taken)) return 'away';
  return null;
}

export type KickRefusal = 'shootout_decided' | 'shootout_out_of_turn';

/** Why `side` may not take the next kick: the shootout is over, or the sides alternate and it is the other's turn. */
export function kickRefusal(s: ShootoutCount, side: Side): KickRefusal | null {
  if (shootoutWinner(s) !== null) return 'shootout_decided';
  const other = side === 'home' ? 'away' : 'home';
  return s[side].taken > s[other].taken ? 'shootout_out_of_turn' : null;
}

/** What a deciding match needs to know about its tie; absent for a match that decides nothing. */
export interface KnockoutRules {
  /** The competition plays extra time before penalties. */
  extraTime: boolean;
  /** Away goals break a level aggregate. */
  awayGoals: boolean;
  /** The score of the first leg, as that leg was played (its home club is this match's away club). */
  firstLeg?: { home: number; away: number } | undefined;
}

/** The score the decision rests on: the match's own, or the aggregate (then away goals) in a second leg. */
export function decidingScoreOf(score: { home: number; away: number }, rules: KnockoutRules) {
  const game: TieGame = {
    homeClubId: 'H',
    awayClubId: 'A',
    homeGoals: score.home,
    awayGoals: score.away,
    finished: false,
  };
  if (!rules.firstLeg) return score;
  const first: TieGame = {
    homeClubId: 'A',
    awayClubId: 'H',
    homeGoals: rules.firstLeg.home,
    awayGoals: rules.firstLeg.away,
    finished: true,
  };
  return decidingScore({ kind: 'two_legged', awayGoals: rules.awayGoals, clubA: 'H', clubB: 'A' }, [first, game], game);
}

/** A live or finished match as the knockout rules see it; `rules` is absent when the match decides nothing. */
export interface PlayState {
  rules: KnockoutRules | undefined;
  period: Period | null;
  score: { home: number; away: number };
}

const levelTie = (m: PlayState) => {
  if (!m.rules) return false;
  const s = decidingScoreOf(m.score, m.rules);
  return s.home === s.away;
};

/** What follows the current stage of play: only a level deciding match plays on, extra time first where played. */
export type Stage = 'full_time' | 'extra_time' | 'penalties';

export function stageAfter(m: PlayState): Stage {
  if (!m.rules || m.period === 'penalties' || !levelTie(m)) return 'full_time';
  return m.rules.extraTime && m.period !== 'extra_time_second' ? 'extra_time' : 'penalties';
}

export type PlayOnRefusal =
  ShootoutRefusal | 'extra_time_not_available' | 'extra_time_requires_draw' | 'extra_time_required';

/** Why the match may not step into extra time or the shootout now, or null when it may (or `to` is neither). */
export function playOnRefusal(m: PlayState & { live: boolean }, to: Period): PlayOnRefusal | null {
  if (to === 'extra_time_first') {
    if (!m.rules?.extraTime) return 'extra_time_not_available';
    return levelTie(m) ? null : 'extra_time_requires_draw';
  }
  if (to !== 'penalties') return null;
  const decidingScore = m.rules ? decidingScoreOf(m.score, m.rules) : m.score;
  const refusal = shootoutRefusal({ decides: !!m.rules, live: m.live, decidingScore });
  if (refusal) return refusal;
  const afterExtraTime = m.period === 'extra_time_second' || m.period === 'penalties';
  return m.rules?.extraTime && !afterExtraTime ? 'extra_time_required' : null;
}

export type FinishRefusal = 'tie_undecided' | 'shootout_level' | 'shootout_undecided';

/** Why the match may not finish now, or null: a deciding match finishes only once its tie is decided. */
export function finishRefusal(m: PlayState & { shootout: ShootoutCount }): FinishRefusal | null {
  if (!m.rules) return null;
  if (m.period !== 'penalties') return levelTie(m) ? 'tie_undecided' : null;
  if (shootoutWinner(m.shootout) !== null) return null;
  return m.shootout.home.scored === m.shootout.away.scored ? 'shootout_level' : 'shootout_undecided';
}

/** The shootout's kicks as counted by the reducer. */
export const shootoutCountOf = (t: MatchTally): ShootoutCount => ({
  home: { taken: t.home.shootoutKicks, scored: t.home.shootout },
  away: { taken: t.away.shootoutKicks, scored: t.away.shootout },
});
