import type { AdminCompetition, AdminSeason } from '../../lib/admin-api.ts';
import { leagueTimeZone } from '../../lib/time.ts';
import { adminApi } from './services.ts';

export type LabelledSeason = AdminSeason & { label: string; competition?: AdminCompetition };

/** Clubs by name, and seasons labelled with their competition, current ones first: what the pickers offer. */
export async function loadLeague() {
  const [{ clubs }, { seasons }, { competitions }] = await Promise.all([
    adminApi.clubs(),
    adminApi.seasons(),
    adminApi.competitions(),
  ]);
  const byId = new Map(competitions.map((c) => [c.id, c]));
  return {
    clubs: [...clubs].sort((a, b) => a.name.localeCompare(b.name)),
    seasons: seasons
      .map((s): LabelledSeason => {
        const competition = byId.get(s.competitionId);
        return { ...s, label: `${competition?.name ?? ''} · ${s.name}`, ...(competition ? { competition } : {}) };
      })
      .sort((a, b) => Number(b.active) - Number(a.active) || Number(b.id) - Number(a.id)),
  };
}

/** Where a season's kick-offs are planned: its competition's zone, else the league's. */
export const seasonZone = (season: LabelledSeason | undefined) => season?.competition?.timezone ?? leagueTimeZone();
