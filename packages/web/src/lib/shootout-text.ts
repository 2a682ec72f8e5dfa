import type { TFunction } from 'i18next';
import type { MatchSummary } from '@touchline/contract';
import { type ShootoutCount, shootoutWinner } from '@touchline/domain';

/** "Northside win 4–3 on penalties" once the shootout is decided, else null. */
export function shootoutResult(t: TFunction, match: Pick<MatchSummary, 'homeClub' | 'awayClub'>, s: ShootoutCount) {
  const winner = shootoutWinner(s);
  if (!winner) return null;
  const loser = winner === 'home' ? 'away' : 'home';
  const club = match[winner === 'home' ? 'homeClub' : 'awayClub'].name;
  return t('shootout.won', { club, winner: s[winner].scored, loser: s[loser].scored });
}
