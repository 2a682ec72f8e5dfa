import type { CompetitionsAnswer } from '@touchline/contract';
import { api } from './services.ts';
import { useAsync } from './use-async.ts';

type CompetitionItem = CompetitionsAnswer['competitions'][number];
export interface SeasonInfo {
  competition: Omit<CompetitionItem, 'seasons'>;
  season: CompetitionItem['seasons'][number];
}

/**
 * A season with its competition, for the heading and the format of a season's pages: undefined while loading, null
 * when it cannot be told (the list failed, or does not name the season).
 */
export function useSeasonInfo(seasonId: string): SeasonInfo | null | undefined {
  const { data, error } = useAsync(() => api.competitions(), []);
  if (error) return null;
  if (!data) return undefined;
  for (const { seasons, ...competition } of data.competitions) {
    const season = seasons.find((s) => s.id === seasonId);
    if (season) return { competition, season };
  }
  return null;
}
