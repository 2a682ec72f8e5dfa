import type { CompetitionsAnswer } from '@touchline/contract';
import { api } from './services.ts';
import { useAsync } from './use-async.ts';

type CompetitionItem = CompetitionsAnswer['competitions'][number];
export interface SeasonInfo {
  competition: Omit<CompetitionItem, 'seasons'>;
  season: CompetitionItem['seasons'][number];
}

/** A season with its competition, for the heading and the format of a season's pages; undefined until loaded. */
export function useSeasonInfo(seasonId: string): SeasonInfo | undefined {
  const { data } = useAsync(() => api.competitions(), []);
  for (const { seasons, ...competition } of data?.competitions ?? []) {
    const season = seasons.find((s) => s.id === seasonId);
    if (season) return { competition, season };
  }
  return undefined;
}
