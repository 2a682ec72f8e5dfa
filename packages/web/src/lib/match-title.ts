import type { MatchSummary } from '@touchline/contract';

/** The match page's tab title: "2:1 Home – Away" once the match has started, else the names alone. */
export function matchTitle(match: Pick<MatchSummary, 'status' | 'score' | 'homeClub' | 'awayClub'>): string {
  const names = `${match.homeClub.name} – ${match.awayClub.name}`;
  const started = match.status === 'live' || match.status === 'finished';
  return started ? `${match.score.home}:${match.score.away} ${names}` : names;
}
